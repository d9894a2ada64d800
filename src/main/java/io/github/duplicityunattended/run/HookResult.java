package io.github.duplicityunattended.run;

import java.time.Duration;
import java.util.List;

/**
 * What one hook did.
 *
 * @param call      the hook
 * @param outcome   how it ended (INTERRUPTED: the program's stop ended it or kept it from starting)
 * @param exitValue its exit value (124 after its timeout, -1 when it could not be started)
 * @param duration  wall time
 * @param tail      the last lines of its output
 */
public record HookResult(HookCall call, DirResult.Outcome outcome, int exitValue, Duration duration,
                         List<String> tail) {

    public HookResult {
        tail = List.copyOf(tail);
    }

    public boolean ok() {
        return outcome == DirResult.Outcome.OK;
    }

    public boolean failed() {
        return outcome == DirResult.Outcome.FAILED;
    }

    public boolean interrupted() {
        return outcome == DirResult.Outcome.INTERRUPTED;
    }

    /** Why it failed in one line: its last line of output (a program says what went wrong last). */
    public String reason() {
        for (int i = tail.size() - 1; i >= 0; i--) {
            if (!tail.get(i).isBlank()) {
                return tail.get(i).strip();
            }
        }
        return "no output";
    }
}
