package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import java.time.Instant;
import java.util.List;

/**
 * How a run ended, worded once when it ends: its status, the summary (a headline, one line per dir, the dirs
 * that need attention) and, for the notice, the last output lines of every failed step and the files that
 * could not be read.
 *
 * @param status         how the run ended, which sets the exit code
 * @param summary        the summary lines, each with the level it is logged at
 * @param failedDirs     the sources of the dirs whose backup or purge failed, in config order
 * @param incompleteDirs the sources of the dirs backed up without some files duplicity could not read
 * @param details        what the notice quotes: failed steps' output, unreadable files
 */
public record RunReport(Status status, List<Line> summary, List<String> failedDirs, List<String> incompleteDirs,
                        List<Detail> details) implements RunResult {

    /** How a run ended. */
    public enum Status {
        /** every dir backed up (and purged) completely */
        OK(0),
        /** a dir's backup or purge failed */
        FAILED(1),
        /** every dir backed up, but duplicity could not read some files */
        INCOMPLETE(3),
        /** the program was stopped during the run; what was not finished resumes at the next run */
        INTERRUPTED(143);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    /** The level a summary line is logged at. */
    public enum Level { INFO, WARN, ERROR }

    /** One line of the summary. */
    public record Line(Level level, String text) {
    }

    /** A block the notice quotes: a heading and its lines, e.g. a failed step's last output lines. */
    public record Detail(String heading, List<String> lines) {

        public Detail {
            lines = List.copyOf(lines);
        }
    }

    public RunReport {
        summary = List.copyOf(summary);
        failedDirs = List.copyOf(failedDirs);
        incompleteDirs = List.copyOf(incompleteDirs);
        details = List.copyOf(details);
    }

    /** The report of {@code run}, ended at {@code ended}. */
    public static RunReport of(BackupRun run, Instant ended) {
        return new RunReportWriter(run, ended).report();
    }

    /** The summary's text, line by line. */
    public List<String> lines() {
        return summary.stream().map(Line::text).toList();
    }

    /** True when someone should be told at once: a dir failed, or was backed up without some files. */
    public boolean needsNotice() {
        return status == Status.FAILED || status == Status.INCOMPLETE;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** The status as hooks are told it: ok, failed, incomplete or interrupted. */
    public String statusWord() {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int exitCode() {
        return status.exitCode;
    }

    /** The sources of these dirs, comma-separated. */
    static String sources(List<BackupDir> dirs) {
        return String.join(", ", dirs.stream().map(BackupDir::source).toList());
    }
}
