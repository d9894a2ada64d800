package io.github.duplicityunattended.run;

import io.github.duplicityunattended.exec.Command;
import java.time.Instant;

/**
 * A hook as it starts: what is due, and its command (argv, environment, time limit).
 *
 * @param call    the hook due
 * @param command what runs
 * @param started when it started
 */
public record HookStep(HookCall call, Command command, Instant started) {
}
