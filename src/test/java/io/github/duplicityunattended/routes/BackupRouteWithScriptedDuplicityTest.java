package io.github.duplicityunattended.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.metrics.MetricsSetup;
import io.github.duplicityunattended.monitor.MonitorSetup;
import io.github.duplicityunattended.notify.NotifySetup;
import io.github.duplicityunattended.run.BackupSetup;
import io.github.duplicityunattended.run.RunLock;
import io.github.duplicityunattended.run.RunRefusal;
import io.github.duplicityunattended.run.RunReport;
import io.github.duplicityunattended.testsupport.Configs;
import io.github.duplicityunattended.testsupport.Flows;
import io.github.duplicityunattended.testsupport.LogCapture;
import io.github.duplicityunattended.testsupport.PrometheusText;
import io.github.duplicityunattended.testsupport.ScriptedDuplicity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * routes/backup.camel.yaml wired as the program wires it (the backup and monitor flows' own setups), with a
 * scripted stand-in for the duplicity executable: the end-to-end tests run the real one; here the flow is under
 * test.
 */
class BackupRouteWithScriptedDuplicityTest extends CamelTestSupport {

    Path tmp;
    ScriptedDuplicity duplicity;
    Config config;
    RunLock lock;
    BackupSetup backup;
    MonitorSetup monitor;
    NotifySetup notify;
    MetricsSetup metrics;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected void doPreSetup() throws Exception {
        tmp = Files.createTempDirectory("backup-route");
        duplicity = ScriptedDuplicity.create(tmp);
        Files.createDirectories(tmp.resolve("node-exporter"));
        config = Configs.load(tmp, """
                cloud: aws
                gpg_key_id: 0123ABCD
                bucket_url: s3+http://my-host-backup
                full_if_older_than: 1M
                remove_all_but_n_full: 2
                lock_wait: 1s
                archive_dir: cache
                duplicity_path: %s
                metrics:
                  textfile: node-exporter/duplicity_unattended.prom
                backup_dirs:
                  - source: /srv/first
                  - source: /srv/broken
                  - source: /srv/purge-fails
                  - source: /srv/last
                """.formatted(duplicity.executable()));
        lock = new RunLock(config.archiveDir().resolve("duplicity-unattended.lock"));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        backup = new BackupSetup(config, new BackupSetup.Mode(false, false, false), System.getenv(),
                CompletableFuture.completedFuture(new DuplicityProbe.Result(Optional.of(new DuplicityVersion(0, 8, 22)),
                        "")), Clock.systemUTC());
        monitor = new MonitorSetup(config, Clock.systemUTC(), false);
        notify = new NotifySetup(config.notifications());
        metrics = new MetricsSetup(config, Clock.systemUTC(), false);
        Flows.bind(context, backup, monitor, notify, metrics);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return Flows.routes(context, backup, monitor, notify, metrics);
    }

    private MockEndpoint failedRuns() throws Exception {
        // the failure notice is the monitor flow's: here a mock receives the report it would mail
        AdviceWith.adviceWith(context, "backup-failed",
                a -> a.weaveByToUri("direct:failure-notice").replace().to("mock:failed"));
        context.start();
        return getMockEndpoint("mock:failed");
    }

    @Test
    void aFailingDirDoesNotStopTheOthersAndOnlyTheDirsBackedUpArePurged() throws Exception {
        MockEndpoint failed = failedRuns();
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
        failedRuns();
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
        failedRuns();
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
        ((io.github.duplicityunattended.metrics.MetricsTextfile) again.beans().get("metricsTextfile")).write();
        assertEquals(1.7E9, PrometheusText.parse(Files.readString(textfile))
                .value("duplicity_unattended_last_success_timestamp_seconds", Map.of("dir", "/srv/broken")));
    }

    @Test
    void aRunThatCannotTakeTheLockStartsNoDuplicityAndIsRecordedAsRefused() throws Exception {
        MockEndpoint failed = failedRuns();
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
        failedRuns();
        template.sendBody("direct:backup-run", null);
        Object second = template.requestBody("direct:backup-run", (Object) null);
        assertEquals(14, duplicity.calls().size());
        assertTrue(second instanceof RunReport, "the second run ran: " + second);
    }
}
