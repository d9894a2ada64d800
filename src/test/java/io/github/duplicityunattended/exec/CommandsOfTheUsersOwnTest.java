package io.github.duplicityunattended.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** Hooks run through the executor that runs duplicity: their own environment and limit, the same stop. */
class CommandsOfTheUsersOwnTest {

    @TempDir
    Path tmp;

    private final StreamingExecutor executor = new StreamingExecutor(Map.of("PATH", "/usr/bin:/bin", "PASSPHRASE", ""),
            5, line -> true);

    private Path script(String name, String body) throws Exception {
        Path s = tmp.resolve(name);
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        s.toFile().setExecutable(true);
        return s;
    }

    private static Command command(Path script, Duration timeout, boolean cleanup, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of(script.toString()));
        argv.addAll(List.of(args));
        return new Command(argv, Map.of("PATH", "/usr/bin:/bin", "HOOK_VAR", "a b"), timeout, cleanup);
    }

    private CompletableFuture<CommandOutput> inBackground(Command command) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return executor.run(command);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aHookGetsItsOwnEnvironmentNotDuplicitysAndItsArgumentsUnsplit() throws Exception {
        CommandOutput r = executor.run(command(script("env.sh", "env | sort; printf '<%s>\\n' \"$@\""),
                Duration.ofMinutes(1), false, "one arg", ""));
        assertEquals(0, r.getExitValue());
        assertTrue(r.tail().contains("HOOK_VAR=a b"), r.tail()::toString);
        assertFalse(r.tail().stream().anyMatch(l -> l.startsWith("PASSPHRASE")), r.tail()::toString);
        assertEquals(List.of("<one arg>", "<>"), r.tail().subList(r.tail().size() - 2, r.tail().size()));
        assertEquals(List.of(), r.picked(), "only duplicity's lines are picked out");
    }

    @Test
    void aHooksOutputIsLoggedLineByLineWithTheCallersDirUnderTheLoggerHook() throws Exception {
        try (LogCapture log = new LogCapture("hook", Level.INFO, true)) {
            MDC.put("dir", "/var/backups/pg");
            try {
                executor.run(command(script("talk.sh", "echo dumping; echo done >&2; exit 3"), Duration.ofMinutes(1),
                        false));
            } finally {
                MDC.remove("dir");
            }
            assertEquals(List.of("[/var/backups/pg] dumping", "[/var/backups/pg] done"), log.texts());
        }
    }

    @Test
    void aHookPastItsTimeoutIsStoppedAndSaysSo() throws Exception {
        CommandOutput r = executor.run(command(script("slow.sh", "sleep 300"), Duration.ofMillis(500), false));
        assertEquals(StreamingExecutor.TIMED_OUT, r.getExitValue());
        assertEquals("stopped after the timeout of 0.5s", r.tail().get(r.tail().size() - 1));
        assertFalse(r.interrupted());
    }

    @Test
    void stopEndsEveryRunningCommandTogetherAndEachIsInterrupted() throws Exception {
        Path started = Files.createDirectories(tmp.resolve("started"));
        Path wait = script("wait.sh", "touch '" + started + "'/$$; while :; do sleep 0.05; done");
        CompletableFuture<CommandOutput> first = inBackground(command(wait, Duration.ofHours(1), false));
        CompletableFuture<CommandOutput> second = inBackground(command(wait, Duration.ofHours(1), true));
        Conditions.await(() -> executor.runningCount() == 2 && Files.list(started).count() == 2, "both started");
        executor.stop();
        for (CompletableFuture<CommandOutput> each : List.of(first, second)) {
            CommandOutput r = each.get(30, TimeUnit.SECONDS);
            assertTrue(r.interrupted());
            assertEquals(StreamingExecutor.STOPPED, r.getExitValue());
        }
        assertEquals(0, executor.runningCount());
    }

    @Test
    void whileTheProgramStopsACleanupCommandStillRunsButNoOtherCommandStarts() throws Exception {
        executor.stop();
        Path marker = tmp.resolve("ran");
        CommandOutput other = executor.run(command(script("other.sh", "touch " + marker), Duration.ofMinutes(1),
                false));
        assertTrue(other.interrupted());
        assertFalse(Files.exists(marker));

        CommandOutput cleanup = executor.run(command(script("cleanup.sh", "touch " + marker + "; echo started again"),
                Duration.ofHours(1), true));
        assertFalse(cleanup.interrupted());
        assertEquals(0, cleanup.getExitValue());
        assertTrue(Files.exists(marker));
    }

    @Test
    void aCleanupCommandStartedWhileTheProgramStopsGetsAtMostTheCleanupLimit() throws Exception {
        executor.stop();
        CommandOutput r = executor.run(command(script("hang.sh", "sleep 300"), Duration.ofHours(1), true));
        assertEquals(StreamingExecutor.TIMED_OUT, r.getExitValue());
        assertEquals("stopped after the timeout of 10.0s", r.tail().get(r.tail().size() - 1));
    }
}
