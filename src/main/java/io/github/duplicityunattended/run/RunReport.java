package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a run ended, worded once when it ends: the summary (a headline, one line per dir, the failed dirs)
 * and, for the failure notice, the last output lines of every failed step.
 *
 * @param summary    the summary lines, each marked when it tells of a failure
 * @param failedDirs the sources of the dirs whose backup or purge failed, in config order
 * @param failures   every failed step with its output tail, in config order
 */
public record RunReport(List<Line> summary, List<String> failedDirs, List<FailedStep> failures)
        implements RunResult {

    /** One line of the summary, and whether it tells of a failure (logged as an error). */
    public record Line(boolean failed, String text) {
    }

    /** A step that failed: its dir, "backup" or "purge", and the last lines duplicity printed. */
    public record FailedStep(String dir, String action, List<String> tail) {

        public FailedStep {
            tail = List.copyOf(tail);
        }
    }

    public RunReport {
        summary = List.copyOf(summary);
        failedDirs = List.copyOf(failedDirs);
        failures = List.copyOf(failures);
    }

    /** The report of {@code run}, ended at {@code ended}. */
    public static RunReport of(BackupRun run, Instant ended) {
        List<BackupDir> failed = run.failedDirs();
        List<Line> lines = new ArrayList<>();
        int total = run.getDirs().size();
        lines.add(new Line(!failed.isEmpty(), String.format("Backup run %s: %d of %d dirs ok, %d failed, took %s%s",
                failed.isEmpty() ? "finished" : "FAILED", total - failed.size(), total, failed.size(),
                Durations.human(Duration.between(run.started(), ended)),
                run.dryRun() ? " (dry run: nothing changed)" : "")));
        for (BackupDir dir : run.getDirs()) {
            lines.add(new Line(failed.contains(dir), "[" + dir.source() + "] " + dirLine(run, dir)));
        }
        List<FailedStep> failures = new ArrayList<>();
        if (!failed.isEmpty()) {
            lines.add(new Line(true, "Failed dirs: " + String.join(", ", failed.stream().map(BackupDir::source).toList())));
            for (BackupDir dir : failed) {
                failedStep(dir, "backup", run.backup(dir)).ifPresent(failures::add);
                failedStep(dir, "purge", run.purge(dir)).ifPresent(failures::add);
            }
        }
        return new RunReport(lines, failed.stream().map(BackupDir::source).toList(), failures);
    }

    private static Optional<FailedStep> failedStep(BackupDir dir, String action, Optional<DirResult> result) {
        return result.filter(r -> !r.ok()).map(r -> new FailedStep(dir.source(), action, r.tail()));
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

    /** The summary's text, line by line. */
    public List<String> lines() {
        return summary.stream().map(Line::text).toList();
    }

    public boolean failed() {
        return !failedDirs.isEmpty();
    }

    @Override
    public int exitCode() {
        return failed() ? 1 : 0;
    }
}
