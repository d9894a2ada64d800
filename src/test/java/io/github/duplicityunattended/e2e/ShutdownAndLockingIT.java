package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.FaultProxy;
import io.github.duplicityunattended.testsupport.Hold;
import io.github.duplicityunattended.testsupport.Processes;
import io.github.duplicityunattended.testsupport.RequestHead;
import io.github.duplicityunattended.testsupport.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The daemon's schedule, SIGTERM in the middle of a backup, and one run at a time, with real duplicity. Where
 * the test needs a backup to be under way, a fault proxy in front of S3Proxy holds one of its uploads: the
 * backup cannot finish before the test is done with it, however fast or slow the machine.
 */
class ShutdownAndLockingIT extends RealBackupTest {

    /** Only ends a wait for what is not going to happen; a slow machine never reaches it. */
    static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void theDaemonBacksUpOnItsScheduleAndStopsOnSigterm() throws Exception {
        Path work = workDir("daemon");
        Path source = Trees.sample(work.resolve("src"));
        try (FaultProxy s3 = FaultProxy.start(env.s3.endpoint())) {
            Path config = configFor(work, "daemon-case", List.of(source), s3.endpoint(),
                    "schedule: \"0/2 * * * * ?\"\n");
            // the first scheduled run makes the full backup; the next one is held mid-upload when SIGTERM comes
            Hold nextRun = s3.hold(FaultProxy.upload("duplicity-inc.", ".difftar.gpg"), 1);

            AppProcess daemon = AppProcess.start(work, Map.of(), "--config", config.toString());
            nextRun.awaitHeld(PATIENCE);
            assertTrue(daemon.output().stream().anyMatch(l -> l.contains("Backup run finished: 1 of 1 dirs ok")),
                    daemon.output()::toString);
            assertTrue(daemon.output().stream().anyMatch(l -> l.contains("backups on '0/2 * * * * ?'")),
                    daemon.output()::toString);
            daemon.process().destroy();
            AppProcess.Result end = daemon.await(PATIENCE);
            assertFalse(end.text().contains("Exception"), end::toString);
            assertTrue(env.s3.keys("daemon-case").stream().anyMatch(k -> k.contains("duplicity-full.")));
        }
    }

    @Test
    void sigtermMidBackupEndsDuplicityAndTheNextRunCompletesTheBackup() throws Exception {
        Path work = workDir("sigterm");
        Path source = Trees.sample(work.resolve("big src"));
        for (int i = 0; i < 4; i++) {
            Files.write(source.resolve("blob-" + i + ".bin"), Trees.random(1024 * 1024, i));
        }
        try (FaultProxy s3 = FaultProxy.start(env.s3.endpoint())) {
            Path config = configFor(work, "sigterm-case", List.of(source), s3.endpoint(),
                    "lock_wait: 1s\nduplicity_options: [\"--volsize\", \"1\"]\n");
            // the third, not the second: duplicity redoes the last volume it uploaded, so it resumes only after two
            Hold thirdVolume = s3.hold(FaultProxy.upload("duplicity-full.", ".difftar.gpg"), 3);

            AppProcess first = AppProcess.start(work, Map.of(), "--config", config.toString(), "--once");
            RequestHead held = thirdVolume.awaitHeld(PATIENCE);
            assertTrue(held.fileName().endsWith(".vol3.difftar.gpg"), held::toString);

            AppProcess.Result second = runOnce(work, config);
            assertEquals(1, second.exitCode(), second::toString);
            assertTrue(second.text().contains("another backup run is in progress"), second::toString);
            assertTrue(thirdVolume.isHeld() && first.process().isAlive(), "the first run went on");

            first.process().destroy();
            // the held upload never answers: the JVM ends only if it stops duplicity instead of waiting for it
            first.await(PATIENCE);
            Conditions.await(() -> duplicityProcesses(source).isEmpty(), "duplicity ends", PATIENCE,
                    () -> duplicityProcesses(source).toString());
            thirdVolume.drop();
            assertEquals(List.of(), volumes("sigterm-case", source, 3), "the held volume reached S3");

            AppProcess.Result resumed = runOnce(work, config);
            assertEquals(0, resumed.exitCode(), resumed::toString);
            assertTrue(resumed.text().contains("Restarting backup at volume 2"), resumed::toString);
            assertRestoresIdentically("sigterm-case", source, work.resolve("restored"));
        }
    }

    /** The keys of the full backup's volume {@code n} of a source dir. */
    private List<String> volumes(String bucket, Path source, int n) {
        String folder = BackupEnvironment.folder(source) + "/duplicity-full.";
        return env.s3.keys(bucket).stream()
                .filter(k -> k.startsWith(folder) && k.endsWith(".vol" + n + ".difftar.gpg")).toList();
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
