package io.github.duplicityunattended.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.metrics.MetricsSetup;
import io.github.duplicityunattended.metrics.MetricsTextfile;
import io.github.duplicityunattended.run.RunLock;
import io.github.duplicityunattended.run.RunRefusal;
import io.github.duplicityunattended.run.RunReport;
import io.github.duplicityunattended.testsupport.LogCapture;
import io.github.duplicityunattended.testsupport.PrometheusText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** The backup flow's order, failures, purge, summary and run lock, with a scripted duplicity. */
class BackupRouteWithScriptedDuplicityTest extends BackupRouteTestSupport {

    @Override
    String extraConfig() throws Exception {
        Files.createDirectories(tmp.resolve("node-exporter"));
        return "metrics:\n  textfile: node-exporter/duplicity_unattended.prom\n";
    }

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
    void theRunsMetricsAreWrittenToTheTextfileAsPrometheusTextWithASeriesPerDir() throws Exception {
        notices();
        template.sendBody("direct:backup-run", null);

        Path textfile = tmp.resolve("node-exporter/duplicity_unattended.prom");
        PrometheusText metrics = PrometheusText.parse(Files.readString(textfile));
        assertEquals(1.0, metrics.value("duplicity_unattended_last_run_exit_status", Map.of()));
        assertEquals("gauge", metrics.type("duplicity_unattended_last_run_duration_seconds"));
        assertEquals(List.of("/srv/broken", "/srv/first", "/srv/last", "/srv/purge-fails"),
                metrics.labelValues("duplicity_unattended_last_backup_exit_status", "dir").stream().sorted().toList());
        assertEquals(23.0, metrics.value("duplicity_unattended_last_backup_exit_status", Map.of("dir", "/srv/broken")));
        assertEquals(10.0, metrics.value("duplicity_unattended_last_backup_changed_bytes", Map.of("dir", "/srv/first")));
        assertEquals(1.0, metrics.value("duplicity_unattended_last_purge_exit_status", Map.of("dir", "/srv/purge-fails")));
        assertEquals(List.of("/srv/first", "/srv/last"),
                metrics.labelValues("duplicity_unattended_last_success_timestamp_seconds", "dir").stream().sorted()
                        .toList(), "only the dirs whose backup and purge succeeded");
        assertTrue(metrics.value("duplicity_unattended_last_run_end_timestamp_seconds", Map.of())
                >= metrics.value("duplicity_unattended_last_run_start_timestamp_seconds", Map.of()));
        try (var files = Files.list(textfile.getParent())) {
            assertEquals(List.of(textfile), files.toList(), "the temporary file was renamed");
        }
    }

    @Test
    void aOneOffRunKeepsTheLastSuccessOfADirThatFailsNowFromTheEarlierTextfile() throws Exception {
        Path textfile = tmp.resolve("node-exporter/duplicity_unattended.prom");
        Files.writeString(textfile, """
                # HELP duplicity_unattended_last_success_timestamp_seconds When the last run that backed the dir up ended.
                # TYPE duplicity_unattended_last_success_timestamp_seconds gauge
                duplicity_unattended_last_success_timestamp_seconds{dir="/srv/broken",} 1.7E9
                """);
        MetricsSetup again = new MetricsSetup(config, Clock.systemUTC(), false);
        ((MetricsTextfile) again.beans().get("metricsTextfile")).write();
        assertEquals(1.7E9, PrometheusText.parse(Files.readString(textfile))
                .value("duplicity_unattended_last_success_timestamp_seconds", Map.of("dir", "/srv/broken")));
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
