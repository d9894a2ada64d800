package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.run.BackupRun;
import io.github.duplicityunattended.run.DirResult;
import io.github.duplicityunattended.run.RunSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mail sent the moment a backup run ends with failed dirs: subject {@code Backup failed: <host>}, the run
 * summary, then the last lines of duplicity's output for each failed backup or purge.
 */
public final class FailureNotice {

    /** How many of the last output lines of each failed command go into the mail. */
    static final int TAIL_LINES = 40;
    private final String host;
    private final Clock clock;

    public FailureNotice(String host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    public Mail mail(BackupRun run) {
        List<String> lines = new ArrayList<>(RunSummary.lines(run, clock.instant()));
        for (BackupDir dir : run.failedDirs()) {
            tail(lines, "backup", dir, run.backup(dir));
            tail(lines, "purge", dir, run.purge(dir));
        }
        return new Mail("Backup failed: " + host, String.join("\n", lines) + "\n");
    }

    private static void tail(List<String> lines, String what, BackupDir dir, Optional<DirResult> result) {
        if (result.isEmpty() || result.get().ok()) {
            return;
        }
        List<String> tail = result.get().tail();
        List<String> last = tail.subList(Math.max(0, tail.size() - TAIL_LINES), tail.size());
        lines.add("");
        lines.add("Last " + last.size() + " line(s) of the " + what + " of " + dir.source() + ":");
        last.forEach(line -> lines.add("  " + line));
    }
}
