package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import io.github.duplicityunattended.testsupport.SesEmulator;
import io.github.duplicityunattended.testsupport.SesEmulator.ReceivedMail;
import io.github.duplicityunattended.testsupport.SharedServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --check and --test-email of the shaded jar against S3Proxy holding the seeded bucket and the SES emulator. */
class MonitorCommandsIT {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;
    S3ProxyServer s3;
    SesEmulator ses;

    /** When the bucket is seeded: its backups end at known times before, the jar runs a little later. */
    private static final Instant SEEDED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** The report of the seeded bucket. */
    private static String staleReport() {
        return """
                Not backed up in over 7 days:
                * %s (7 days ago): my-host-backup/home
                * never backed up: my-host-backup/var/www

                Backed up within 7 days:
                * %s (1 day ago): my-host-backup/etc
                * %s (2 days ago): my-host-backup/srv/data
                """.formatted(WHEN.format(SEEDED.minus(Duration.ofDays(7).plusHours(1))),
                WHEN.format(SEEDED.minus(Duration.ofDays(1).plusHours(6))),
                WHEN.format(SEEDED.minus(Duration.ofDays(2).plusHours(6))));
    }

    @BeforeEach
    void servers() throws Exception {
        s3 = SharedServers.s3(SEEDED);
        ses = SharedServers.ses();
        ses.clear();
        SharedServers.requests().clear();
    }

    private Path config(String ses, String monitor) throws Exception {
        return MonitorConfigs.write(dir, MonitorConfigs.seededBucket(dir, s3, ses, monitor));
    }

    private Path mailingConfig(String monitor) throws Exception {
        return config(ses.endpoint().toString(), "sender: Backups <backup@example.com>\nrecipient: ops@example.com\n"
                + monitor);
    }

    @Test
    void checkListsEveryPageWithoutGettingAnObjectThenPrintsAndMailsTheReportAndExitsOne() throws Exception {
        AppProcess.Result result = AppProcess.run(dir, Map.of(), "--check", "--config", mailingConfig("ignore_prefixes: [retired]")
                .toString());

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(2, SharedServers.requests().lists(), SharedServers.requests().all().toString());
        assertEquals(0, SharedServers.requests().objectGets(), SharedServers.requests().all().toString());
        assertEquals(SharedServers.requests().lists(), SharedServers.requests().all().size(), SharedServers.requests().all().toString());
        assertTrue(result.text().endsWith(staleReport().stripTrailing()), result.text());
        assertEquals(List.of(new ReceivedMail("Backups <backup@example.com>", List.of("ops@example.com"),
                "Missing recent backups: my-host-backup",
                "Some backups in my-host-backup are missing or older than 7 days. Please check them.\n\n"
                        + staleReport())), ses.mails());
    }

    @Test
    void checkExitsZeroAndMailsNothingWhenEveryBackupIsRecent() throws Exception {
        AppProcess.Result result = AppProcess.run(dir, Map.of(), "--check", "--config",
                mailingConfig("max_age_days: 10\nignore_prefixes: [retired, var/www]").toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.text().contains("Checked my-host-backup: 3 folder(s) backed up within 10 days, 0 stale,"
                + " 0 never backed up (1143 object(s) listed)"), result.text());
        assertEquals(List.of(), ses.mails());
    }

    @Test
    void testEmailMailsTheNewestBackupOfEveryFolderAndExitsZero() throws Exception {
        AppProcess.Result result = AppProcess.run(dir, Map.of(), "--test-email", "--config",
                mailingConfig("ignore_prefixes: [retired]").toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.text().endsWith("Sent the test email to ops@example.com."), result.text());
        assertEquals(List.of(new ReceivedMail("Backups <backup@example.com>", List.of("ops@example.com"),
                "Backup monitor results: my-host-backup",
                "The newest backup of every folder in my-host-backup:\n\n" + staleReport())), ses.mails());
    }
}
