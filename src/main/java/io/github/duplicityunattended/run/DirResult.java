package io.github.duplicityunattended.run;

import io.github.duplicityunattended.duplicity.BackupStatistics;
import io.github.duplicityunattended.duplicity.DuplicityMessages;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one duplicity command did for one dir.
 *
 * @param outcome    how it ended
 * @param exitValue  duplicity's exit value, or -1 when it could not be started
 * @param duration   wall time
 * @param statistics duplicity's backup statistics, when it printed them
 * @param tail       the last lines of its output
 * @param unreadable the first files duplicity said it could not read
 */
public record DirResult(Outcome outcome, int exitValue, Duration duration, Optional<BackupStatistics> statistics,
                        List<String> tail, List<String> unreadable) {

    /** How a command ended. */
    public enum Outcome { OK, FAILED, INTERRUPTED }

    public DirResult {
        tail = List.copyOf(tail);
        unreadable = List.copyOf(unreadable);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    public boolean interrupted() {
        return outcome == Outcome.INTERRUPTED;
    }

    /** Why it failed, in one line: the cause duplicity named, not merely its last line. */
    public String reason() {
        return DuplicityMessages.reason(tail);
    }

    /** How many files duplicity could not read: its error count, or the files it named if it printed none. */
    public long unreadableCount() {
        return Math.max(statistics.map(BackupStatistics::errors).orElse(0L), unreadable.size());
    }

    /** Backed up, but without some files it could not read. */
    public boolean incomplete() {
        return ok() && unreadableCount() > 0;
    }
}
