package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.Duplicity;
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
            daemon.terminate();
            AppProcess.Result end = daemon.await(PATIENCE);
            assertFalse(end.text().contains("Exception"), end::toString);
            assertTrue(end.text().contains("Backup run INTERRUPTED"), end::toString);
            assertFalse(end.text().contains("Backup failed"), end::toString);
            assertTrue(env.s3.keys("daemon-case").stream().anyMatch(k -> k.contains("duplicity-full.")));
        }
    }

    @Test
    void sigtermMidBackupEndsDuplicityAndTheNextRunCompletesTheBackup() throws Exception {
        Path work = workDir("sigterm");
        Path source = volumesOfSource(work.resolve("big src"));
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

            first.terminate();
            // the held upload never answers: the JVM ends only if it stops duplicity instead of waiting for it
            AppProcess.Result stopped = first.await(PATIENCE);
            assertEquals(143, stopped.exitCode(), stopped::toString);
            assertTrue(stopped.text().contains("Backup run INTERRUPTED"), stopped::toString);
            assertTrue(stopped.text().contains("Not finished, resumed at the next run: " + source), stopped::toString);
            assertFalse(stopped.text().contains("Backup failed"), "a stop is no failure: " + stopped);
            assertFalse(stopped.text().contains("FAILED"), stopped::toString);

            resumesAndRestoresIdentically(work, config, "sigterm-case", source, thirdVolume);
        }
    }

    @Test
    void sigkillOfTheJvmMidUploadTakesDuplicityWithItAndTheNextRunResumes() throws Exception {
        Path work = workDir("sigkill");
        Path source = volumesOfSource(work.resolve("killed src"));
        try (FaultProxy s3 = FaultProxy.start(env.s3.endpoint())) {
            Path config = configFor(work, "sigkill-case", List.of(source), s3.endpoint(),
                    "duplicity_options: [\"--volsize\", \"1\"]\n");
            Hold thirdVolume = s3.hold(FaultProxy.upload("duplicity-full.", ".difftar.gpg"), 3);

            AppProcess first = AppProcess.start(work, Map.of(), "--config", config.toString(), "--once");
            thirdVolume.awaitHeld(PATIENCE);
            assertEquals(1, duplicityProcesses(source).size(), "one duplicity uploading");

            first.process().destroyForcibly(); // SIGKILL: the JVM gets no chance to stop anything itself
            first.await(PATIENCE);
            // duplicity is blocked in an upload that never answers: only the parent-death signal ends it
            Conditions.await(() -> duplicityProcesses(source).isEmpty(), "duplicity ends with the JVM", PATIENCE,
                    () -> duplicityProcesses(source).toString());

            resumesAndRestoresIdentically(work, config, "sigkill-case", source, thirdVolume);
        }
    }

    @Test
    void aDuplicityStartedByHandOnTheSameCacheIsTheReasonTheSummaryQuotes() throws Exception {
        Path work = workDir("held-cache");
        Path source = Trees.sample(work.resolve("held src"));
        try (FaultProxy s3 = FaultProxy.start(env.s3.endpoint())) {
            Path config = configFor(work, "held-cache-case", List.of(source), s3.endpoint(), "");
            assertEquals(0, runOnce(work, config).exitCode());
            // the dir's cache, by the name the program gave it: duplicity's lock is per archive dir and name
            Path cache = work.resolve("cache");
            List<Path> names;
            try (Stream<Path> list = Files.list(cache)) {
                names = list.filter(Files::isDirectory).toList();
            }
            assertEquals(1, names.size(), names::toString);
            Hold upload = s3.hold(FaultProxy.upload("duplicity-inc.", ".difftar.gpg"), 1);
            // an incremental by hand, as a sysadmin might start one, held in its upload with the lock taken
            List<String> byHand = List.of(Duplicity.executable(), "incremental", "--encrypt-key",
                    env.key.fingerprint(), "--sign-key", env.key.fingerprint(), "--archive-dir", cache.toString(),
                    "--name", names.get(0).getFileName().toString(), "--s3-endpoint-url", s3.endpoint().toString(),
                    source.toString(), Duplicity.s3Url("held-cache-case/" + BackupEnvironment.folder(source)));
            ProcessBuilder pb = new ProcessBuilder(byHand).redirectErrorStream(true)
                    .redirectOutput(work.resolve("by-hand.log").toFile());
            pb.environment().putAll(env.duplicityEnv());
            Process other = pb.start();
            try {
                upload.awaitHeld(PATIENCE);

                AppProcess.Result refused = runOnce(work, config);
                assertEquals(1, refused.exitCode(), refused::toString);
                String summaryLine = refused.lines().stream()
                        .filter(l -> l.contains("[" + source + "] FAILED after")).findFirst()
                        .orElse(refused.toString());
                assertTrue(summaryLine.contains("Another duplicity instance is already running"), summaryLine);
                assertFalse(summaryLine.contains("lockfile"), summaryLine);
            } finally {
                other.destroy();
                upload.drop();
                other.waitFor();
                duplicityProcesses(source).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
            }
        }
    }

    /** A source of 4 MiB of random data: with --volsize 1, a full backup of several volumes. */
    private static Path volumesOfSource(Path dir) throws IOException {
        Path source = Trees.sample(dir);
        for (int i = 0; i < 4; i++) {
            Files.write(source.resolve("blob-" + i + ".bin"), Trees.random(1024 * 1024, i));
        }
        return source;
    }

    /** After the first run ended with its third volume held: the next run resumes, and the backup restores. */
    private void resumesAndRestoresIdentically(Path work, Path config, String bucket, Path source, Hold thirdVolume)
            throws Exception {
        Conditions.await(() -> duplicityProcesses(source).isEmpty(), "duplicity ends", PATIENCE,
                () -> duplicityProcesses(source).toString());
        thirdVolume.drop();
        assertEquals(List.of(), volumes(bucket, source, 3), "the held volume reached S3");

        AppProcess.Result resumed = runOnce(work, config);
        assertEquals(0, resumed.exitCode(), resumed::toString);
        // "RESTART: Volumes 2 to 3 failed to upload before termination." in every duplicity version
        assertTrue(resumed.text().contains("RESTART: Volumes 2 to "), resumed::toString);
        assertRestoresIdentically(bucket, source, work.resolve("restored"));
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
