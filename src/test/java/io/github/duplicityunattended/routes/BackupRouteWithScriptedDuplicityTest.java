package io.github.duplicityunattended.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.duplicity.DuplicityEnvironment;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.exec.StreamingExecutor;
import io.github.duplicityunattended.run.BackupRun;
import io.github.duplicityunattended.run.BackupRuns;
import io.github.duplicityunattended.run.DirRecorder;
import io.github.duplicityunattended.run.RunLock;
import io.github.duplicityunattended.run.RunOutcome;
import io.github.duplicityunattended.testsupport.CapturedLog;
import io.github.duplicityunattended.testsupport.Configs;
import io.github.duplicityunattended.testsupport.ScriptedDuplicity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * routes/backup.camel.yaml with the real beans and executor, and a scripted stand-in for the duplicity
 * executable (the end-to-end tests run the real duplicity; here the flow is under test).
 */
class BackupRouteWithScriptedDuplicityTest extends CamelTestSupport {

    Path tmp;
    ScriptedDuplicity duplicity;
    Config config;
    RunOutcome outcome = new RunOutcome();
    RunLock lock;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected void doPreSetup() throws Exception {
        tmp = Files.createTempDirectory("backup-route");
        duplicity = ScriptedDuplicity.create(tmp);
        config = Configs.load(tmp, """
                cloud: aws
                gpg_key_id: 0123ABCD
                bucket_url: s3+http://my-host-backup
                full_if_older_than: 1M
                remove_all_but_n_full: 2
                lock_wait: 1s
                archive_dir: cache
                duplicity_path: %s
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
        Properties p = new Properties();
        p.setProperty("backup.schedule", "0/1 * * * * ?");
        p.setProperty("backup.scheduled", "false");
        p.setProperty("backup.timeout-millis", "60000");
        p.setProperty("duplicity.executable", duplicity.executable().toString());
        context.getPropertiesComponent().setInitialProperties(p);
        return context;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        DuplicityCommands commands = new DuplicityCommands(config, new DuplicityVersion(0, 8, 22), false);
        registry.bind("duplicityExecutor", new StreamingExecutor(DuplicityEnvironment.of(config, System.getenv()),
                args -> commands.dirOf(args).map(BackupDir::source).orElse("duplicity"), 50));
        registry.bind("backupRuns", new BackupRuns(config, lock, outcome, Clock.systemUTC(), false, false));
        registry.bind("dirRecorder", new DirRecorder(commands, Clock.systemUTC()));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                PluginHelper.getRoutesLoader(getCamelContext()).loadRoutes(
                        ResourceHelper.resolveMandatoryResource(getCamelContext(), "file:routes/backup.camel.yaml"));
            }
        };
    }

    private MockEndpoint failedRuns() throws Exception {
        // the failure notice is the monitor's (monitor.camel.yaml): here a mock receives what it would mail
        AdviceWith.adviceWith(context, "backup-failed",
                a -> a.weaveByToUri("direct:failure-notice").replace().to("mock:failed"));
        context.start();
        return getMockEndpoint("mock:failed");
    }

    @Test
    void aFailingDirDoesNotStopTheOthersAndOnlyTheDirsBackedUpArePurged() throws Exception {
        MockEndpoint failed = failedRuns();
        failed.expectedMessageCount(1);
        template.sendBody("direct:backup-run", null);

        assertEquals(List.of(
                "backup /srv/first", "backup /srv/broken", "backup /srv/purge-fails", "backup /srv/last",
                "purge boto3+s3://my-host-backup/srv/first",
                "purge boto3+s3://my-host-backup/srv/purge-fails",
                "purge boto3+s3://my-host-backup/srv/last"), duplicity.summary());
        failed.assertIsSatisfied();
        BackupRun run = failed.getExchanges().get(0).getIn().getBody(BackupRun.class);
        assertEquals(List.of("/srv/broken", "/srv/purge-fails"),
                run.failedDirs().stream().map(BackupDir::source).toList());
        assertEquals(1, outcome.exitCode());
        assertEquals(List.of("/srv/broken", "/srv/purge-fails"), outcome.failedDirs());
    }

    @Test
    void theSummaryNamesEveryDirWithItsResultAndStatistics() throws Exception {
        failedRuns();
        try (CapturedLog log = CapturedLog.attach()) {
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
        MockEndpoint failed = failedRuns();
        failed.expectedMessageCount(0);
        RunLock other = new RunLock(lock.file());
        other.acquire(Duration.ZERO);
        try {
            template.sendBody("direct:backup-run", null);
        } finally {
            other.release();
        }
        assertTrue(duplicity.calls().isEmpty());
        assertTrue(outcome.refusal().orElseThrow().contains("another backup run is in progress"));
        assertEquals(1, outcome.exitCode());
        failed.assertIsSatisfied();
    }

    @Test
    void theLockIsReleasedAfterARunSoTheNextRunGoesAhead() throws Exception {
        failedRuns();
        template.sendBody("direct:backup-run", null);
        template.sendBody("direct:backup-run", null);
        assertEquals(14, duplicity.calls().size());
        assertTrue(outcome.refusal().isEmpty());
    }
}
