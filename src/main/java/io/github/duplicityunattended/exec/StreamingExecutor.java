package io.github.duplicityunattended.exec;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecCommandExecutor;
import org.apache.camel.component.exec.ExecResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command for camel-exec the way a backup needs: with the given environment, stdin closed, every
 * output line logged as it comes (prefixed with the dir it concerns), only a bounded tail kept, the
 * timeout enforced on the whole process tree, and every running process ended on shutdown.
 * The result's stdout holds the tail; the exit value is {@value #TIMED_OUT} after a timeout.
 */
public final class StreamingExecutor implements ExecCommandExecutor {

    /** Exit value reported for a command stopped at its timeout (as timeout(1) does). */
    public static final int TIMED_OUT = 124;
    static final Duration GRACE = Duration.ofSeconds(20);
    private static final Logger OUTPUT = LoggerFactory.getLogger("duplicity");
    private static final Logger LOG = LoggerFactory.getLogger(StreamingExecutor.class);

    private final Map<String, String> environment;
    private final Function<List<String>, String> labeller;
    private final int tailLines;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * @param environment the complete environment of each process
     * @param labeller    names what a command concerns (a backup dir) from its arguments
     * @param tailLines   how many of the last output lines to keep for the result
     */
    public StreamingExecutor(Map<String, String> environment, Function<List<String>, String> labeller, int tailLines) {
        this.environment = Map.copyOf(environment);
        this.labeller = labeller;
        this.tailLines = tailLines;
    }

    @Override
    public ExecResult execute(ExecCommand command) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(command.getExecutable());
        argv.addAll(command.getArgs());
        String label = labeller.apply(command.getArgs());
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (command.getWorkingDir() != null) {
            builder.directory(new java.io.File(command.getWorkingDir()));
        }
        Process process = builder.start();
        running.add(process);
        try {
            process.getOutputStream().close();
            OutputTail tail = new OutputTail(tailLines);
            Thread pump = new Thread(() -> pump(process, label, tail), "output " + label);
            pump.setDaemon(true);
            pump.start();
            int exit = await(process, command.getTimeout(), label, tail);
            pump.join(GRACE.toMillis());
            byte[] out = String.join("\n", tail.lines()).getBytes(StandardCharsets.UTF_8);
            return new ExecResult(command, new ByteArrayInputStream(out), new ByteArrayInputStream(new byte[0]), exit);
        } catch (InterruptedException e) {
            ProcessTree.terminate(process, GRACE);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getExecutable(), e);
        } finally {
            running.remove(process);
        }
    }

    private static int await(Process process, long timeoutMillis, String label, OutputTail tail)
            throws InterruptedException {
        boolean limited = timeoutMillis > 0 && timeoutMillis < Long.MAX_VALUE;
        if (limited && !process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            String text = "stopped after the timeout of " + io.github.duplicityunattended.config.Durations.human(
                    Duration.ofMillis(timeoutMillis));
            LOG.warn("[{}] {}", label, text);
            ProcessTree.terminate(process, GRACE);
            tail.add(text);
            return TIMED_OUT;
        }
        return process.waitFor();
    }

    private static void pump(Process process, String label, OutputTail tail) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                OUTPUT.info("[{}] {}", label, line);
                tail.add(line);
            }
        } catch (IOException e) {
            LOG.debug("[{}] output closed: {}", label, e.getMessage());
        }
    }

    /** Ends every running command and its children (SIGTERM, then SIGKILL after a grace period). */
    public void terminateAll() {
        for (Process p : running) {
            LOG.warn("Stopping duplicity (pid {}) because the program is shutting down", p.pid());
            ProcessTree.terminate(p, GRACE);
        }
    }

    /** Number of commands running now. */
    public int runningCount() {
        return running.size();
    }
}
