package io.github.duplicityunattended.exec;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecResult;

/**
 * What {@link StreamingExecutor} gives camel-exec back: the exit value and the last lines of the output, as
 * lines. Its stdout holds the same lines as text, for a route step that reads the body as a string.
 */
public final class CommandOutput extends ExecResult {

    private static final long serialVersionUID = 1L;
    private final transient List<String> tail;

    public CommandOutput(ExecCommand command, int exitValue, List<String> tail) {
        super(command, new ByteArrayInputStream(String.join("\n", tail).getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(new byte[0]), exitValue);
        this.tail = List.copyOf(tail);
    }

    /** The last output lines (stdout and stderr in the order they came), oldest first. */
    public List<String> tail() {
        return tail;
    }
}
