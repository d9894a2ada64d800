package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testing.AppJar;
import io.github.duplicityunattended.testing.ConfigFixture;
import io.github.duplicityunattended.testing.S3ProxyServer;
import io.github.duplicityunattended.testing.SesEmulator;
import io.github.duplicityunattended.testing.SesEmulator.ReceivedMail;
import io.github.duplicityunattended.testing.SharedServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /** The report of the seeded bucket; its backups end at known times before the seeding, the jar runs later. */
    private static String staleReport() {
        Instant seeded = SharedServers.seededAt();
        return """
                Not backed up in over 7 days:
                * %s (7 days ago): my-host-backup/home
                * never backed up: my-host-backup/var/www

                Backed up within 7 days:
                * %s (1 day ago): my-host-backup/etc
                * %s (2 days ago): my-host-backup/srv/data
                """.formatted(WHEN.format(seeded.minus(Duration.ofDays(7).plusHours(1))),
                WHEN.format(seeded.minus(Duration.ofDays(1).plusHours(6))),
                WHEN.format(seeded.minus(Duration.ofDays(2).plusHours(6))));
    }

    @BeforeEach
    void servers() throws Exception {
        s3 = SharedServers.s3(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ses = SharedServers.ses();
        ses.clear();
        s3.requests().clear();
    }

    private Path config(String ses, String monitor) throws Exception {
        return ConfigFixture.write(dir, ConfigFixture.seededBucket(dir, s3, ses, monitor));
    }

    private Path mailingConfig(String monitor) throws Exception {
        return config(ses.endpoint().toString(), "sender: Backups <backup@example.com>\nrecipient: ops@example.com\n"
                + monitor);
    }

    @Test
    void checkListsEveryPageWithoutGettingAnObjectThenPrintsAndMailsTheReportAndExitsOne() throws Exception {
        AppJar.Result result = AppJar.run(dir, "--check", "--config", mailingConfig("ignore_prefixes: [retired]")
                .toString());

        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        assertEquals(2, s3.requests().lists(), s3.requests().all().toString());
        assertEquals(0, s3.requests().objectGets(), s3.requests().all().toString());
        assertEquals(s3.requests().lists(), s3.requests().all().size(), s3.requests().all().toString());
        assertTrue(result.stdout().endsWith(staleReport()), result.stdout());
        assertEquals(List.of(new ReceivedMail("Backups <backup@example.com>", List.of("ops@example.com"),
                "Missing recent backups: my-host-backup",
                "Some backups in my-host-backup are missing or older than 7 days. Please check them.\n\n"
                        + staleReport())), ses.mails());
    }

    @Test
    void checkExitsZeroAndMailsNothingWhenEveryBackupIsRecent() throws Exception {
        AppJar.Result result = AppJar.run(dir, "--check", "--config",
                mailingConfig("max_age_days: 10\nignore_prefixes: [retired, var/www]").toString());

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stdout().contains("Checked my-host-backup: 3 folder(s) backed up within 10 days, 0 stale,"
                + " 0 never backed up (1143 object(s) listed)"), result.stdout());
        assertEquals(List.of(), ses.mails());
    }

    @Test
    void testEmailMailsTheNewestBackupOfEveryFolderAndExitsZero() throws Exception {
        AppJar.Result result = AppJar.run(dir, "--test-email", "--config",
                mailingConfig("ignore_prefixes: [retired]").toString());

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stdout().endsWith("Sent the test email to ops@example.com.\n"), result.stdout());
        assertEquals(List.of(new ReceivedMail("Backups <backup@example.com>", List.of("ops@example.com"),
                "Backup monitor results: my-host-backup",
                "The newest backup of every folder in my-host-backup:\n\n" + staleReport())), ses.mails());
    }
}
