package io.github.duplicityunattended.run;

import io.github.duplicityunattended.duplicity.BackupStatistics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one duplicity command did for one dir.
 *
 * @param ok         exit value 0
 * @param exitValue  duplicity's exit value, or -1 when it could not be started
 * @param duration   wall time
 * @param statistics duplicity's backup statistics, when it printed them
 * @param tail       the last lines of its output
 */
public record DirResult(boolean ok, int exitValue, Duration duration, Optional<BackupStatistics> statistics,
                        List<String> tail) {

    public DirResult {
        tail = List.copyOf(tail);
    }

    /** The most telling line of a failure: the last non-blank output line. */
    public String lastLine() {
        for (int i = tail.size() - 1; i >= 0; i--) {
            if (!tail.get(i).isBlank()) {
                return tail.get(i).strip();
            }
        }
        return "no output";
    }
}
