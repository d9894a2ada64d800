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
import java.util.function.Predicate;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecCommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a command for camel-exec the way a backup needs: with the given environment, stdin closed, every
 * output line logged as it comes, only a bounded tail kept, the timeout enforced on the whole process tree,
 * and the command bound to this process's life: {@link #stop()} ends every running one and starts no more (but
 * for cleanup commands, see {@link #run}), and a command dies with the JVM even when the JVM is killed outright
 * (see {@link DeathSignal}). Hooks run through {@link #run} the same way, so they end with the run too.
 * Output lines are logged with the caller's diagnostic context, so they carry the prefix of the dir the route
 * is working on. The exit value is {@value #TIMED_OUT} after a timeout, {@value #STOPPED} when stopped.
 */
public final class StreamingExecutor implements ExecCommandExecutor {

    /** Exit value reported for a command stopped at its timeout (as timeout(1) does). */
    public static final int TIMED_OUT = 124;
    /** Exit value reported for a command the program's stop ended or kept from starting (128 + SIGTERM). */
    public static final int STOPPED = 143;
    static final Duration GRACE = Duration.ofSeconds(20);
    /** The output of a command that did not start because the program is stopping. */
    public static final String NOT_STARTED = "not started: the program is stopping";
    /** The longest a cleanup command (an after hook) may run when it starts while the program is stopping. */
    public static final Duration CLEANUP_LIMIT = Duration.ofSeconds(10);
    private static final int MAX_PICKED = 20;
    private static final Logger DUPLICITY = LoggerFactory.getLogger("duplicity");
    private static final Logger HOOK = LoggerFactory.getLogger("hook");
    private static final Logger LOG = LoggerFactory.getLogger(StreamingExecutor.class);

    private final Map<String, String> environment;
    private final int tailLines;
    private final Predicate<String> pick;
    private final DeathSignal deathSignal;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    /** The running commands that {@link #stop()} ended: their outcome is "interrupted", whatever their exit. */
    private final Set<Process> stopped = ConcurrentHashMap.newKeySet();
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
        List<String> argv = new ArrayList<>();
        argv.add(command.getExecutable());
        argv.addAll(command.getArgs());
        return start(command, argv, environment, command.getWorkingDir(), command.getTimeout(), DUPLICITY, pick,
                false);
    }

    /**
     * Runs a command of the user's own (a hook) as it runs duplicity: output logged line by line with the caller's
     * dir (logger {@code hook}), a tail kept, the time limit enforced on the process tree, ended by {@link #stop()}
     * and with the JVM. A cleanup command still starts while the program is stopping, for at most
     * {@link #CLEANUP_LIMIT}.
     */
    public CommandOutput run(Command command) throws IOException {
        long limit = command.timeout().toMillis();
        if (stopping && command.cleanup()) {
            limit = Math.min(limit, CLEANUP_LIMIT.toMillis());
        }
        ExecCommand described = new ExecCommand(command.argv().get(0), command.argv().subList(1, command.argv().size()),
                null, limit, Set.of(), null, null, false, LoggingLevel.OFF);
        return start(described, command.argv(), command.environment(), null, limit, HOOK, line -> false,
                command.cleanup());
    }

    private CommandOutput start(ExecCommand command, List<String> argv, Map<String, String> env, String workingDir,
                                long timeoutMillis, Logger output, Predicate<String> pickLine, boolean cleanup)
            throws IOException {
        if (stopping && !cleanup) {
            return new CommandOutput(command, STOPPED, List.of(NOT_STARTED), List.of(), true);
        }
        ProcessBuilder builder = new ProcessBuilder(deathSignal.wrap(argv.get(0), argv.subList(1, argv.size())))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        if (workingDir != null) {
            builder.directory(new File(workingDir));
        }
        Process process = builder.start();
        running.add(process);
        if (stopping && !cleanup && stopped.add(process)) {
            // started while stop() ended the others, too late for it to see this one
            ProcessTree.terminate(process, GRACE);
        }
        try {
            process.getOutputStream().close();
            OutputTail tail = new OutputTail(tailLines);
            OutputTail picked = new OutputTail(MAX_PICKED);
            Map<String, String> context = MDC.getCopyOfContextMap();
            Thread pump = new Thread(() -> pump(process, context, output, tail, pickLine, picked),
                    "output of pid " + process.pid());
            pump.setDaemon(true);
            pump.start();
            int exit = await(process, timeoutMillis, tail);
            pump.join(GRACE.toMillis());
            boolean ended = stopped.remove(process);
            return new CommandOutput(command, ended ? STOPPED : exit, tail.lines(), picked.lines(), ended);
        } catch (InterruptedException e) {
            ProcessTree.terminate(process, GRACE);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        } finally {
            running.remove(process);
            stopped.remove(process);
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

    private static void pump(Process process, Map<String, String> context, Logger output, OutputTail tail,
                             Predicate<String> pick, OutputTail picked) {
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
                output.info(line);
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
        List<Process> now = List.copyOf(running);
        for (Process p : now) {
            LOG.warn("Stopping pid {} because the program is shutting down", p.pid());
        }
        stopped.addAll(now);
        ProcessTree.terminateAll(now, GRACE);
    }

    /** Number of commands running now. */
    public int runningCount() {
        return running.size();
    }
}
