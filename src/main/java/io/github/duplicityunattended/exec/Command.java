package io.github.duplicityunattended.exec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A command other than duplicity for {@link StreamingExecutor#run}, such as a hook: its argv (never a shell
 * string), its whole environment, its time limit, and whether it cleans up after a backup.
 *
 * @param argv        the program and its arguments
 * @param environment the complete environment of the process
 * @param timeout     the longest it may run
 * @param cleanup     true for a command that undoes what an earlier one did (starts a stopped service again): it
 *                    still starts while the program is stopping, for at most {@link StreamingExecutor#CLEANUP_LIMIT}
 */
public record Command(List<String> argv, Map<String, String> environment, Duration timeout, boolean cleanup) {

    public Command {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program to run");
        }
    }
}
