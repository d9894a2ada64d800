package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.Processes;
import io.github.duplicityunattended.testsupport.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The daemon's schedule, SIGTERM in the middle of a backup, and one run at a time, with real duplicity. */
class ShutdownAndLockingIT extends RealBackupTest {

    static void waitFor(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void theDaemonBacksUpOnItsScheduleAndStopsOnSigterm() throws Exception {
        Path work = workDir("daemon");
        Path source = Trees.sample(work.resolve("src"));
        Path config = configFor(work, "daemon-case", List.of(source), "schedule: \"0/2 * * * * ?\"\n");

        AppProcess daemon = AppProcess.start(work, Map.of(), "--config", config.toString());
        waitFor("a scheduled run to finish", Duration.ofSeconds(90),
                () -> daemon.output().stream().anyMatch(l -> l.contains("Backup run finished: 1 of 1 dirs ok")));
        assertTrue(daemon.output().stream().anyMatch(l -> l.contains("backups on '0/2 * * * * ?'")),
                daemon.output()::toString);
        long start = System.nanoTime();
        daemon.process().destroy();
        AppProcess.Result end = daemon.await(30);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 30);
        assertFalse(end.text().contains("Exception"), end::toString);
        assertTrue(env.s3.keys("daemon-case").stream().anyMatch(k -> k.contains("duplicity-full.")));
    }

    @Test
    void sigtermMidBackupEndsDuplicityAndTheNextRunCompletesTheBackup() throws Exception {
        Path work = workDir("sigterm");
        Path source = Trees.sample(work.resolve("big src"));
        for (int i = 0; i < 4; i++) {
            Files.write(source.resolve("blob-" + i + ".bin"), Trees.random(6 * 1024 * 1024, i));
        }
        Path config = configFor(work, "sigterm-case", List.of(source),
                "lock_wait: 1s\nduplicity_options: [\"--volsize\", \"1\"]\n");

        AppProcess first = AppProcess.start(work, Map.of(), "--config", config.toString(), "--once");
        waitFor("the first volume upload", Duration.ofSeconds(60),
                () -> env.s3.keys("sigterm-case").stream().anyMatch(k -> k.contains(".vol")));

        AppProcess.Result second = runOnce(work, config);
        assertEquals(1, second.exitCode(), second::toString);
        assertTrue(second.text().contains("another backup run is in progress"), second::toString);
        assertTrue(first.process().isAlive(), "the first run ended before the lock was tested");

        long start = System.nanoTime();
        first.process().destroy();
        first.await(30);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 30);
        waitFor("duplicity to end", Duration.ofSeconds(5), () -> duplicityProcesses(source).isEmpty());

        AppProcess.Result resumed = runOnce(work, config);
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertRestoresIdentically("sigterm-case", source, work.resolve("restored"));
    }

    /** Running duplicity processes whose command line names the source dir. */
    static List<Long> duplicityProcesses(Path source) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                            return cmd.contains("duplicity") && cmd.contains(source.toString());
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(Processes::running)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
