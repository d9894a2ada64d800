package io.github.duplicityunattended.exec;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecResult;

/**
 * What {@link StreamingExecutor} gives camel-exec back: the exit value, the last lines of the output, the first
 * lines it was asked to pick out (such as files that could not be read), and whether the command was ended, or
 * never started, because the program is stopping. Its stdout holds the tail as text, for a route step that reads
 * the body as a string.
 */
public final class CommandOutput extends ExecResult {

    private static final long serialVersionUID = 1L;
    private final transient List<String> tail;
    private final transient List<String> picked;
    private final boolean interrupted;

    public CommandOutput(ExecCommand command, int exitValue, List<String> tail, List<String> picked,
                         boolean interrupted) {
        super(command, new ByteArrayInputStream(String.join("\n", tail).getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(new byte[0]), exitValue);
        this.tail = List.copyOf(tail);
        this.picked = List.copyOf(picked);
        this.interrupted = interrupted;
    }

    /** The last output lines (stdout and stderr in the order they came), oldest first. */
    public List<String> tail() {
        return tail;
    }

    /** The first output lines the executor was asked to pick out, in order. */
    public List<String> picked() {
        return picked;
    }

    /** True when the program's stop ended the command, or kept it from starting. */
    public boolean interrupted() {
        return interrupted;
    }
}
