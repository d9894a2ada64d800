package io.github.duplicityunattended.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.duplicity.DuplicityTarget;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.monitor.MonitorSetup;
import io.github.duplicityunattended.notify.NotifySetup;
import io.github.duplicityunattended.restore.DirDrill;
import io.github.duplicityunattended.restore.DrillReport;
import io.github.duplicityunattended.restore.RestoreSetup;
import io.github.duplicityunattended.restore.VerifySetup;
import io.github.duplicityunattended.run.RunLock;
import io.github.duplicityunattended.run.RunRefusal;
import io.github.duplicityunattended.testsupport.Configs;
import io.github.duplicityunattended.testsupport.Flows;
import io.github.duplicityunattended.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * routes/verify.camel.yaml with the restore and monitor flows, wired as the program wires them, and a scripted
 * stand-in for duplicity that "restores" a file by copying it from a copy of the source made at "backup" time,
 * where one file has since been altered and one cannot be restored. The end-to-end tests run the real duplicity.
 */
class DrillRouteWithScriptedDuplicityTest extends CamelTestSupport {

    static final Instant BACKUP = Instant.parse("2026-11-25T02:00:00Z");
    /** The test\'s own dir (config, cache, scripted duplicity), removed after it. */
    @TempDir
    Path tmp;
    Path source;
    Config config;
    RestoreSetup restore;
    VerifySetup verify;
    MonitorSetup monitor;
    NotifySetup notify;

    @Override
    protected void doPreSetup() throws Exception {
        source = Files.createDirectories(tmp.resolve("src"));
        Path copy = Files.createDirectories(tmp.resolve("as backed up"));
        for (String name : List.of("a.txt", "b.txt", "c.txt")) {
            Files.writeString(source.resolve(name), "content of " + name);
            Files.writeString(copy.resolve(name), name.equals("b.txt") ? "CONTENT OF b.txt" : "content of " + name);
            for (Path p : List.of(source.resolve(name), copy.resolve(name))) {
                Files.setLastModifiedTime(p, FileTime.from(BACKUP.minusSeconds(3600)));
            }
        }
        Path duplicity = tmp.resolve("duplicity");
        Files.writeString(duplicity, String.join("\n",
                "#!/bin/sh",
                "if [ \"$1\" = --version ]; then echo 'duplicity 0.8.22'; exit 0; fi",
                "prev=''; path=''; for a in \"$@\"; do",
                "  if [ \"$prev\" = --file-to-restore ]; then path=\"$a\"; fi; prev=\"$a\"; target=\"$a\"",
                "done",
                "case \"$path\" in c.txt) echo 'Invalid data - SHA1 hash mismatch for file:'; exit 31;; esac",
                "exec cp -p '" + copy + "'/\"$path\" \"$target\"", ""));
        duplicity.toFile().setExecutable(true);
        config = Configs.load(tmp, """
                gpg_key_id: 0123ABCD
                bucket_url: file://%s
                full_if_older_than: 1M
                lock_wait: 1s
                archive_dir: cache
                duplicity_path: %s
                backup_dirs:
                  - source: %s
                verify:
                  sample_files: 5
                """.formatted(tmp.resolve("backups"), duplicity, source));
        // the dir's cache, where its backups would have left their manifests
        Path cache = Files.createDirectories(tmp.resolve("cache").resolve(DuplicityTarget.of("file://"
                + tmp.resolve("backups"), source.toString(), new DuplicityVersion(0, 8, 22)).cacheName()));
        Path folder = Files.createDirectories(Path.of(tmp.resolve("backups") + source.toString()));
        Files.write(folder.resolve("duplicity-full.20261125T020000Z.vol1.difftar.gpg"), new byte[1000]);
        Files.writeString(cache.resolve("duplicity-full.20261125T020000Z.manifest"), """
                Volume 1:
                    StartingPath   .
                    EndingPath     c.txt
                Filelist 3
                    new      a.txt
                    new      b.txt
                    new      c.txt
                """);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        restore = new RestoreSetup(config, RestoreSetup.executor(config, System.getenv()),
                CompletableFuture.completedFuture(new DuplicityProbe.Result(Optional.of(new DuplicityVersion(0, 8, 22)),
                        "")), Clock.systemUTC());
        verify = new VerifySetup(config, restore, Clock.systemUTC(), false);
        monitor = new MonitorSetup(config, Clock.systemUTC(), false);
        notify = new NotifySetup(config.notifications());
        Flows.bind(context, restore, verify, monitor, notify);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return Flows.routes(context, restore, verify, monitor, notify);
    }

    @Test
    void aFileThatDiffersAndOneThatCannotBeRestoredFailTheDrillAndTheNoticeGoesOut() throws Exception {
        try (LogCapture log = LogCapture.console()) {
            DrillReport report = (DrillReport) template.requestBody("direct:verify-run", (Object) null);

            DirDrill dir = report.dirs().get(0);
            assertEquals(List.of(2, 1, List.of("b.txt"), List.of("c.txt"), 3000L), List.of(dir.compared(),
                    dir.identical(), dir.different(), dir.errors().stream().map(e -> e.path()).toList(),
                    dir.downloaded()));
            assertEquals("exit 31: Invalid data - SHA1 hash mismatch for file:", dir.errors().get(0).reason());
            assertTrue(report.isFailed());
            List<String> lines = log.texts();
            assertTrue(lines.contains("[" + source + "] drill: b.txt DIFFERS from the source"), lines::toString);
            assertTrue(lines.contains("[" + source + "] Invalid data - SHA1 hash mismatch for file:"),
                    "duplicity's output is streamed with the dir's prefix: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Restore drill failed: ")
                    && l.endsWith("(not mailed: set monitor.sender and monitor.recipient to mail it)")), lines::toString);
        }
    }

    @Test
    void aDrillWaitsForTheBackupsLockAndGivesUpAfterLockWait() throws Exception {
        RunLock backups = new RunLock(config.archiveDir().resolve("duplicity-unattended.lock"));
        backups.acquire(Duration.ZERO);
        try (LogCapture log = LogCapture.console()) {
            RunRefusal refusal = (RunRefusal) template.requestBody("direct:verify-run", (Object) null);
            assertTrue(refusal.reason().contains("another backup run is in progress"), refusal::toString);
            assertEquals(1, refusal.exitCode());
            assertEquals(List.of("ERROR Restore drill not started: " + refusal.reason()), log.lines(),
                    "one line, no stack trace");
        } finally {
            backups.release();
        }
        DrillReport report = (DrillReport) template.requestBody("direct:verify-run", (Object) null);
        assertEquals(1, report.dirs().size(), "the lock is free again after a drill");
    }
}
