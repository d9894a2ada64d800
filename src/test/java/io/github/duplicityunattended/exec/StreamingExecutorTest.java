package io.github.duplicityunattended.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.LogCapture;
import io.github.duplicityunattended.testsupport.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** The executor behind camel-exec, on real processes (/bin/sh scripts). */
class StreamingExecutorTest {

    @TempDir
    Path tmp;

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "PASSPHRASE", "", "MARK", "x");

    private final StreamingExecutor executor = new StreamingExecutor(ENV, 5, line -> line.startsWith("pick "));

    private Path script(String body) throws Exception {
        Path s = tmp.resolve("script-" + System.nanoTime() + ".sh");
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        s.toFile().setExecutable(true);
        return s;
    }

    private static ExecCommand command(Path script, long timeoutMillis, String... args) {
        return new ExecCommand(script.toString(), List.of(args), null, timeoutMillis, new HashSet<>(), null, null,
                false, LoggingLevel.DEBUG);
    }

    private static List<String> out(ExecResult r) throws Exception {
        return new String(r.getStdout().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void argumentsReachTheProcessUnsplitEvenWithSpaces() throws Exception {
        ExecResult r = executor.execute(command(script("printf '%s\\n' \"$@\""), Long.MAX_VALUE,
                "/home/user docs", "--include", "a b"));
        assertEquals(0, r.getExitValue());
        assertEquals(List.of("/home/user docs", "--include", "a b"), out(r));
    }

    @Test
    void theProcessGetsExactlyTheGivenEnvironment() throws Exception {
        ExecResult r = executor.execute(command(script("env | sort"), Long.MAX_VALUE));
        List<String> lines = out(r);
        assertTrue(lines.contains("PASSPHRASE=") && lines.contains("MARK=x"), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("JAVA_HOME=")), lines::toString);
    }

    @Test
    void everyLineIsLoggedWithTheCallersDirWhileTheProcessStillRuns() throws Exception {
        Path release = tmp.resolve("release");
        Path script = script("echo first line; while [ ! -e '" + release + "' ]; do sleep 0.05; done;"
                + " echo second line >&2; exit 3");
        try (LogCapture log = LogCapture.console()) {
            CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> {
                MDC.put("dir", "/srv/data");
                try {
                    return executor.execute(command(script, Long.MAX_VALUE));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    MDC.remove("dir");
                }
            });
            Conditions.await(() -> log.texts().contains("[/srv/data] first line"), "the first line is logged");
            assertFalse(running.isDone(), "the first line was logged only when the process ended");
            Files.createFile(release);
            assertEquals(3, running.get(Conditions.DEADLINE.toSeconds(), TimeUnit.SECONDS).getExitValue());
            assertTrue(log.texts().contains("[/srv/data] second line"), log.texts()::toString);
        }
    }

    @Test
    void onlyABoundedTailOfTheOutputIsKept() throws Exception {
        ExecResult r = executor.execute(command(script("i=0; while [ $i -lt 1000 ]; do echo line $i; i=$((i+1)); done"),
                Long.MAX_VALUE));
        assertEquals(List.of("line 995", "line 996", "line 997", "line 998", "line 999"), out(r));
    }

    @Test
    void aCommandPastItsTimeoutIsStoppedWithItsChildren() throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        // a 1 s timeout against a 300 s command: minutes of margin tell stopping it from waiting for it
        ExecResult r = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> executor.execute(
                command(script("sleep 300 & echo $! > " + pidFile + "; wait"), 1000)), "waited for the command");
        List<String> lines = out(r);
        assertEquals(StreamingExecutor.TIMED_OUT, r.getExitValue());
        assertTrue(lines.get(lines.size() - 1).startsWith("stopped after the timeout of"), lines::toString);
        awaitEnd(Long.parseLong(Files.readString(pidFile).strip()));
    }

    @Test
    void stopEndsARunningCommandAndItsChildrenAndSaysItWasInterrupted() throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return executor.execute(command(script("sleep 300 & echo $! > " + pidFile + "; wait"), Long.MAX_VALUE));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Conditions.await(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank(), "the script started");
        assertEquals(1, executor.runningCount());
        executor.stop();
        CommandOutput r = (CommandOutput) running.get(Conditions.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(StreamingExecutor.STOPPED, r.getExitValue());
        assertTrue(r.interrupted());
        awaitEnd(Long.parseLong(Files.readString(pidFile).strip()));
        assertEquals(0, executor.runningCount());
    }

    @Test
    void afterStopNoCommandStarts() throws Exception {
        executor.stop();
        Path marker = tmp.resolve("ran");
        CommandOutput r = executor.execute(command(script("touch " + marker), Long.MAX_VALUE));
        assertTrue(r.interrupted());
        assertEquals(StreamingExecutor.STOPPED, r.getExitValue());
        assertEquals(List.of("not started: the program is stopping"), r.tail());
        assertFalse(Files.exists(marker), "the command ran");
    }

    @Test
    void theFirstLinesThatMatterAreKeptBesideTheTail() throws Exception {
        CommandOutput r = executor.execute(command(script(
                "i=0; while [ $i -lt 30 ]; do echo pick $i; echo other $i; i=$((i+1)); done"), Long.MAX_VALUE));
        assertEquals(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "pick " + i).toList(), r.picked());
        assertEquals(List.of("other 27", "pick 28", "other 28", "pick 29", "other 29"), r.tail());
        assertFalse(r.interrupted());
    }

    @Test
    void aCommandIsStartedThroughSetprivSoThatItDiesWithTheProgram() {
        DeathSignal signal = new DeathSignal(java.util.Optional.of(Path.of("/usr/bin/setpriv")));
        assertEquals(List.of("/usr/bin/setpriv", "--pdeathsig", "TERM", "--", "duplicity", "--version"),
                signal.wrap("duplicity", List.of("--version")));
        assertEquals(List.of("duplicity", "--version"),
                new DeathSignal(java.util.Optional.empty()).wrap("duplicity", List.of("--version")));
    }

    private static void awaitEnd(long pid) throws Exception {
        Conditions.await(() -> !Processes.running(pid), "the child sleep " + pid + " ends");
    }

    @Test
    void aMissingExecutableFailsTheCommandWithTheReasonNotAHang() throws Exception {
        ExecCommand c = new ExecCommand(tmp.resolve("no-such-duplicity").toString(), List.of(), null, 1000L,
                new HashSet<>(), null, null, false, LoggingLevel.DEBUG);
        CommandOutput viaSetpriv = executor.execute(c);
        assertEquals(127, viaSetpriv.getExitValue());
        assertTrue(viaSetpriv.tail().stream().anyMatch(l -> l.contains("No such file")), viaSetpriv.tail()::toString);
        StreamingExecutor direct = new StreamingExecutor(ENV, 5, line -> false, new DeathSignal(java.util.Optional.empty()));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> direct.execute(c));
    }
}
