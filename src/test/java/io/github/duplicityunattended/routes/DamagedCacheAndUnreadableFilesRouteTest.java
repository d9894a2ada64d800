package io.github.duplicityunattended.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.run.RunReport;
import io.github.duplicityunattended.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** What the backup flow does about a cache duplicity cannot read, and about files duplicity could not read. */
class DamagedCacheAndUnreadableFilesRouteTest extends BackupRouteTestSupport {

    @Override
    String backupDirs() {
        return """
                  - source: /srv/damaged-cache
                  - source: /srv/unreadable
                  - source: /srv/always-damaged
                """;
    }

    private Path cacheOfFirstDir() {
        return new DuplicityCommands(config, new DuplicityVersion(0, 8, 22), false).cacheOf(config.backupDirs().get(0));
    }

    @Test
    void aDamagedCacheIsSetAsideKeptAndTheBackupRunsAgainOnce() throws Exception {
        notices();
        Path cache = cacheOfFirstDir();
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("duplicity-full-signatures.20261101T020000Z.sigtar.gz"), "garbage");

        try (LogCapture log = LogCapture.console()) {
            RunReport report = (RunReport) template.requestBody("direct:backup-run", (Object) null);

            assertEquals(List.of("backup /srv/damaged-cache", "backup /srv/damaged-cache", "backup /srv/unreadable",
                    "backup /srv/always-damaged", "backup /srv/always-damaged",
                    "purge boto3+s3://my-host-backup/srv/damaged-cache"), duplicity.summary());
            assertTrue(report.lines().get(1).startsWith("[/srv/damaged-cache] ok in"), report.lines()::toString);
            try (Stream<Path> siblings = Files.list(cache.getParent())) {
                List<Path> aside = siblings.filter(p -> p.getFileName().toString().startsWith(
                        cache.getFileName() + ".damaged-")).toList();
                assertEquals(1, aside.size(), "the damaged cache is kept beside the others");
                assertTrue(Files.exists(aside.get(0).resolve("duplicity-full-signatures.20261101T020000Z.sigtar.gz")));
            }
            assertTrue(log.texts().stream().anyMatch(l -> l.startsWith("[/srv/damaged-cache] the local cache " + cache
                    + " cannot be read (gzip.BadGzipFile: Not a gzipped file (b'ga')); moved it aside to")), log.texts()::toString);
        }
    }

    @Test
    void aCacheThatIsStillDamagedAfterTheRetryFailsTheDirWithoutAnotherTry() throws Exception {
        notices();
        RunReport report = (RunReport) template.requestBody("direct:backup-run", (Object) null);
        assertEquals(List.of("/srv/always-damaged"), report.failedDirs());
        assertEquals(2, duplicity.summary().stream().filter("backup /srv/always-damaged"::equals).count());
        assertTrue(report.lines().stream().anyMatch(l -> l.startsWith(
                "[/srv/always-damaged] FAILED after") && l.endsWith("exit 30: gzip.BadGzipFile: Not a gzipped file"
                + " (b'ga'); not purged")), report.lines()::toString);
    }

    @Test
    void filesDuplicityCouldNotReadMakeTheRunIncompleteNotifiedAndTheDirUnpurged() throws Exception {
        MockEndpoint notices = notices();
        notices.expectedMessageCount(1);

        RunReport report = (RunReport) template.requestBody("direct:backup-run", (Object) null);

        notices.assertIsSatisfied();
        assertEquals(List.of("/srv/unreadable"), report.incompleteDirs());
        assertEquals("[/srv/unreadable] ok in", report.lines().get(2).substring(0, "[/srv/unreadable] ok in".length()));
        assertTrue(report.lines().get(2).endsWith("; INCOMPLETE: 1 file(s) could not be read: /srv/unreadable/secret;"
                + " not purged"), report.lines()::toString);
        assertFalse(duplicity.summary().contains("purge boto3+s3://my-host-backup/srv/unreadable"));
    }
}
