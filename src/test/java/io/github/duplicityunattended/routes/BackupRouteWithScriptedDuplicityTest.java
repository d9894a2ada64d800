package io.github.duplicityunattended.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.run.RunLock;
import io.github.duplicityunattended.run.RunRefusal;
import io.github.duplicityunattended.run.RunReport;
import io.github.duplicityunattended.testsupport.LogCapture;
import java.time.Duration;
import java.util.List;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** The backup flow's order, failures, purge, summary and run lock, with a scripted duplicity. */
class BackupRouteWithScriptedDuplicityTest extends BackupRouteTestSupport {

    @Override
    String backupDirs() {
        return """
                  - source: /srv/first
                  - source: /srv/broken
                  - source: /srv/purge-fails
                  - source: /srv/last
                """;
    }

    @Test
    void aFailingDirDoesNotStopTheOthersAndOnlyTheDirsBackedUpArePurged() throws Exception {
        MockEndpoint failed = notices();
        failed.expectedMessageCount(1);
        Object reply = template.requestBody("direct:backup-run", (Object) null);

        assertEquals(List.of(
                "backup /srv/first", "backup /srv/broken", "backup /srv/purge-fails", "backup /srv/last",
                "purge boto3+s3://my-host-backup/srv/first",
                "purge boto3+s3://my-host-backup/srv/purge-fails",
                "purge boto3+s3://my-host-backup/srv/last"), duplicity.summary());
        failed.assertIsSatisfied();
        RunReport report = failed.getExchanges().get(0).getIn().getBody(RunReport.class);
        assertEquals(List.of("/srv/broken", "/srv/purge-fails"), report.failedDirs());
        assertEquals(report, reply, "the reply is the report the failure notice got");
        assertEquals(1, report.exitCode());
    }

    @Test
    void theSummaryNamesEveryDirWithItsResultAndStatistics() throws Exception {
        notices();
        try (LogCapture log = LogCapture.console()) {
            template.sendBody("direct:backup-run", null);
            List<String> lines = log.texts();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Backup run FAILED: 2 of 4 dirs ok, 2 failed")),
                    lines::toString);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("[/srv/first] ok in")
                    && l.contains("files 4, changed 1, bytes changed 10 B") && l.endsWith("; purge ok")), lines::toString);
            assertTrue(lines.contains("[/srv/broken] backup FAILED: exit 23: Backup source directory does not exist."),
                    lines::toString);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("[/srv/purge-fails] ok in")
                    && l.endsWith("; purge FAILED: exit 1: purge failed on purpose")), lines::toString);
            assertTrue(lines.contains("Failed dirs: /srv/broken, /srv/purge-fails"), lines::toString);
            assertTrue(lines.contains("[/srv/first] scripted duplicity: --full-if-older-than"), lines::toString);
        }
    }

    @Test
    void aRunThatCannotTakeTheLockStartsNoDuplicityAndIsRecordedAsRefused() throws Exception {
        MockEndpoint failed = notices();
        failed.expectedMessageCount(0);
        RunLock other = new RunLock(lock.file());
        other.acquire(Duration.ZERO);
        Object reply;
        try {
            reply = template.requestBody("direct:backup-run", (Object) null);
        } finally {
            other.release();
        }
        assertTrue(duplicity.calls().isEmpty());
        RunRefusal refusal = (RunRefusal) reply;
        assertTrue(refusal.reason().contains("another backup run is in progress"), refusal.reason());
        assertEquals(1, refusal.exitCode());
        failed.assertIsSatisfied();
    }

    @Test
    void theLockIsReleasedAfterARunSoTheNextRunGoesAhead() throws Exception {
        notices();
        template.sendBody("direct:backup-run", null);
        Object second = template.requestBody("direct:backup-run", (Object) null);
        assertEquals(14, duplicity.calls().size());
        assertTrue(second instanceof RunReport, "the second run ran: " + second);
    }
}
