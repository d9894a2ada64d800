package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Words the end of a run: a headline, one line per dir, and which dirs failed. */
public final class RunSummary {

    private RunSummary() {
    }

    /** One line of the summary, and whether it tells of a failure (logged as an error). */
    public record Line(boolean failed, String text) {
    }

    public static List<String> lines(BackupRun run, Instant now) {
        return entries(run, now).stream().map(Line::text).toList();
    }

    public static List<Line> entries(BackupRun run, Instant now) {
        List<Line> out = new ArrayList<>();
        int total = run.getDirs().size();
        List<BackupDir> failed = run.failedDirs();
        out.add(new Line(!failed.isEmpty(), String.format("Backup run %s: %d of %d dirs ok, %d failed, took %s%s",
                failed.isEmpty() ? "finished" : "FAILED", total - failed.size(), total, failed.size(),
                Durations.human(Duration.between(run.started(), now)), run.dryRun() ? " (dry run: nothing changed)" : "")));
        for (BackupDir dir : run.getDirs()) {
            out.add(new Line(failed.contains(dir), "[" + dir.source() + "] " + dirLine(run, dir)));
        }
        if (!failed.isEmpty()) {
            out.add(new Line(true, "Failed dirs: " + String.join(", ", failed.stream().map(BackupDir::source).toList())));
        }
        return out;
    }

    static String dirLine(BackupRun run, BackupDir dir) {
        StringBuilder line = new StringBuilder();
        DirResult backup = run.backup(dir).orElse(null);
        if (backup == null) {
            return "FAILED: not backed up";
        }
        if (backup.ok()) {
            line.append("ok in ").append(Durations.human(backup.duration()));
            backup.statistics().ifPresent(s -> line.append(": ").append(s));
        } else {
            line.append("FAILED after ").append(Durations.human(backup.duration()))
                    .append(": exit ").append(backup.exitValue()).append(": ").append(backup.lastLine());
        }
        run.purge(dir).ifPresentOrElse(
                p -> line.append(p.ok() ? "; purge ok" : "; purge FAILED: exit " + p.exitValue() + ": " + p.lastLine()),
                () -> line.append(run.keepFull().isPresent() && !backup.ok() ? "; not purged" : ""));
        return line.toString();
    }
}
