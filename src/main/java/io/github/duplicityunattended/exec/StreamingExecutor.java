package io.github.duplicityunattended.exec;

import io.github.duplicityunattended.config.Durations;
import java.io.BufferedReader;
import java.io.File;
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
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecCommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a command for camel-exec the way a backup needs: with the given environment, stdin closed, every
 * output line logged as it comes, only a bounded tail kept, the timeout enforced on the whole process tree,
 * and every running process ended on shutdown. Output lines are logged with the caller's diagnostic context,
 * so they carry the prefix of the dir the route is working on.
 * The exit value is {@value #TIMED_OUT} after a timeout.
 */
public final class StreamingExecutor implements ExecCommandExecutor {

    /** Exit value reported for a command stopped at its timeout (as timeout(1) does). */
    public static final int TIMED_OUT = 124;
    static final Duration GRACE = Duration.ofSeconds(20);
    private static final Logger OUTPUT = LoggerFactory.getLogger("duplicity");
    private static final Logger LOG = LoggerFactory.getLogger(StreamingExecutor.class);

    private final Map<String, String> environment;
    private final int tailLines;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * @param environment the complete environment of each process
     * @param tailLines   how many of the last output lines to keep for the result
     */
    public StreamingExecutor(Map<String, String> environment, int tailLines) {
        this.environment = Map.copyOf(environment);
        this.tailLines = tailLines;
    }

    @Override
    public CommandOutput execute(ExecCommand command) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(command.getExecutable());
        argv.addAll(command.getArgs());
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (command.getWorkingDir() != null) {
            builder.directory(new File(command.getWorkingDir()));
        }
        Process process = builder.start();
        running.add(process);
        try {
            process.getOutputStream().close();
            OutputTail tail = new OutputTail(tailLines);
            Map<String, String> context = MDC.getCopyOfContextMap();
            Thread pump = new Thread(() -> pump(process, context, tail), "output of pid " + process.pid());
            pump.setDaemon(true);
            pump.start();
            int exit = await(process, command.getTimeout(), tail);
            pump.join(GRACE.toMillis());
            return new CommandOutput(command, exit, tail.lines());
        } catch (InterruptedException e) {
            ProcessTree.terminate(process, GRACE);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getExecutable(), e);
        } finally {
            running.remove(process);
        }
    }

    private static int await(Process process, long timeoutMillis, OutputTail tail) throws InterruptedException {
        boolean limited = timeoutMillis > 0 && timeoutMillis < Long.MAX_VALUE;
        if (limited && !process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            String text = "stopped after the timeout of " + Durations.human(Duration.ofMillis(timeoutMillis));
            LOG.warn(text);
            ProcessTree.terminate(process, GRACE);
            tail.add(text);
            return TIMED_OUT;
        }
        return process.waitFor();
    }

    private static void pump(Process process, Map<String, String> context, OutputTail tail) {
        if (context != null) {
            MDC.setContextMap(context);
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                OUTPUT.info(line);
                tail.add(line);
            }
        } catch (IOException e) {
            LOG.debug("output closed: {}", e.getMessage());
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
