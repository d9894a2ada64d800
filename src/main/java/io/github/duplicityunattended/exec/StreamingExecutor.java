package io.github.duplicityunattended.exec;

import io.github.duplicityunattended.config.Durations;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecCommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a command for camel-exec the way a backup needs: with the given environment, stdin closed, every
 * output line logged as it comes, only a bounded tail kept, the timeout enforced on the whole process tree,
 * and the command bound to this process's life: {@link #stop()} ends every running one and starts no more,
 * and a command dies with the JVM even when the JVM is killed outright (see {@link DeathSignal}).
 * Output lines are logged with the caller's diagnostic context, so they carry the prefix of the dir the route
 * is working on. The exit value is {@value #TIMED_OUT} after a timeout, {@value #STOPPED} when stopped.
 */
public final class StreamingExecutor implements ExecCommandExecutor {

    /** Exit value reported for a command stopped at its timeout (as timeout(1) does). */
    public static final int TIMED_OUT = 124;
    /** Exit value reported for a command the program's stop ended or kept from starting (128 + SIGTERM). */
    public static final int STOPPED = 143;
    static final Duration GRACE = Duration.ofSeconds(20);
    private static final int MAX_PICKED = 20;
    private static final Logger OUTPUT = LoggerFactory.getLogger("duplicity");
    private static final Logger LOG = LoggerFactory.getLogger(StreamingExecutor.class);

    private final Map<String, String> environment;
    private final int tailLines;
    private final Predicate<String> pick;
    private final DeathSignal deathSignal;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * @param environment the complete environment of each process
     * @param tailLines   how many of the last output lines to keep for the result
     * @param pick        which output lines to keep besides the tail (the first {@value #MAX_PICKED} of them)
     */
    public StreamingExecutor(Map<String, String> environment, int tailLines, Predicate<String> pick) {
        this(environment, tailLines, pick, DeathSignal.onThisSystem());
    }

    StreamingExecutor(Map<String, String> environment, int tailLines, Predicate<String> pick, DeathSignal deathSignal) {
        this.environment = Map.copyOf(environment);
        this.tailLines = tailLines;
        this.pick = pick;
        this.deathSignal = deathSignal;
    }

    @Override
    public CommandOutput execute(ExecCommand command) throws IOException {
        if (stopping) {
            return new CommandOutput(command, STOPPED, List.of("not started: the program is stopping"), List.of(), true);
        }
        ProcessBuilder builder = new ProcessBuilder(deathSignal.wrap(command.getExecutable(), command.getArgs()))
                .redirectErrorStream(true);
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
            OutputTail picked = new OutputTail(MAX_PICKED);
            Map<String, String> context = MDC.getCopyOfContextMap();
            Thread pump = new Thread(() -> pump(process, context, tail, picked), "output of pid " + process.pid());
            pump.setDaemon(true);
            pump.start();
            int exit = await(process, command.getTimeout(), tail);
            pump.join(GRACE.toMillis());
            return new CommandOutput(command, stopping ? STOPPED : exit, tail.lines(), picked.lines(), stopping);
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

    private void pump(Process process, Map<String, String> context, OutputTail tail, OutputTail picked) {
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
                if (picked.size() < MAX_PICKED && pick.test(line)) {
                    picked.add(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("output closed: {}", e.getMessage());
        }
    }

    /**
     * Ends every running command and its children (SIGTERM, then SIGKILL after a grace period), and starts no
     * command from now on: the program is stopping.
     */
    public void stop() {
        stopping = true;
        for (Process p : running) {
            LOG.warn("Stopping pid {} because the program is shutting down", p.pid());
            ProcessTree.terminate(p, GRACE);
        }
    }

    /** Number of commands running now. */
    public int runningCount() {
        return running.size();
    }
}
