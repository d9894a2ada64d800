package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import io.github.duplicityunattended.testsupport.RequestLog;
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

/**
 * --check of the shaded jar over two hosts' buckets in S3Proxy (this host's and web1's), with the SES emulator:
 * one report, one mail, and the exit code of them all.
 */
class SeveralBucketsIT {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String TWO_BUCKETS = """
            bucket:
              - my-host-backup
              - name: web1-backup
                folders: [etc, srv/www]
            """;

    /** When the buckets are seeded: their backups end at known times before, the jar runs a little later. */
    private static final Instant SEEDED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;
    S3ProxyServer s3;
    SesEmulator ses;
    RequestLog requests;

    /** When a seeded backup ended: so long before the seeding. */
    private static String ended(Duration before) {
        return WHEN.format(SEEDED.minus(before));
    }

    @BeforeEach
    void servers() throws Exception {
        s3 = SharedServers.s3(SEEDED);
        ses = SharedServers.ses();
        ses.clear();
        requests = SharedServers.requests();
        requests.clear();
    }

    private AppProcess.Result check(String monitor) throws Exception {
        Path config = MonitorConfigs.write(dir, MonitorConfigs.seededBucket(dir, s3, ses.endpoint().toString(),
                "sender: Backups <backup@example.com>\nrecipient: ops@example.com\n" + monitor));
        return AppProcess.run(dir, Map.of(), "--check", "--config", config.toString());
    }

    @Test
    void checkOverTwoBucketsPrintsAndMailsOneReportOfBothAndExitsOne() throws Exception {
        AppProcess.Result result = check(TWO_BUCKETS + "ignore_prefixes: [retired]\n");

        String report = """
                Not backed up in over 7 days:
                * %s (7 days ago): my-host-backup/home
                * never backed up: my-host-backup/var/www
                * %s (12 days ago): web1-backup/srv/www

                Backed up within 7 days:
                * %s (1 day ago): my-host-backup/etc
                * %s (2 days ago): my-host-backup/srv/data
                * %s (1 day ago): web1-backup/etc
                """.formatted(ended(Duration.ofDays(7).plusHours(1)), ended(Duration.ofDays(12)),
                ended(Duration.ofDays(1).plusHours(6)), ended(Duration.ofDays(2).plusHours(6)),
                ended(Duration.ofDays(1).plusHours(2)));
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.text().endsWith(report.stripTrailing()), result.text());
        assertEquals(List.of(new ReceivedMail("Backups <backup@example.com>", List.of("ops@example.com"),
                "Missing recent backups: 2 buckets",
                "Some backups in 2 buckets are missing or older than 7 days. Please check them.\n\n" + report)),
                ses.mails());
        assertEquals(List.of(3L, 0L, 3L), List.of(requests.lists(), requests.objectGets(),
                (long) requests.all().size()), "two pages of my-host-backup, one of web1-backup, nothing else: " + requests.all());
    }

    @Test
    void checkOverTwoBucketsExitsZeroAndMailsNothingWhenEveryFolderOfBothIsRecent() throws Exception {
        AppProcess.Result result = check(TWO_BUCKETS + "max_age_days: 13\nignore_prefixes: [retired, var/www]\n");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.text().contains("Checked 2 buckets: 5 folder(s) backed up within 13 days, 0 stale,"
                + " 0 never backed up (1153 object(s) listed)"), result.text());
        assertEquals(List.of(), ses.mails());
    }

    @Test
    void aBucketThatCannotBeListedIsInTheOneReportAndTheCheckExitsOne() throws Exception {
        AppProcess.Result result = check("""
                bucket: [my-host-backup, no-such-bucket]
                max_age_days: 13
                ignore_prefixes: [retired]
                """);

        String unlisted = "Could not be listed (their backups were not checked):\n"
                + "* no-such-bucket: The specified bucket does not exist (Service: S3, Status Code: 404";
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.text().contains(unlisted), result.text());
        assertTrue(result.text().endsWith("* %s (2 days ago): my-host-backup/srv/data"
                .formatted(ended(Duration.ofDays(2).plusHours(6)))), result.text());
        List<ReceivedMail> mails = ses.mails();
        assertEquals(List.of("Missing recent backups: 2 buckets"), mails.stream().map(ReceivedMail::subject).toList());
        assertTrue(mails.get(0).text().startsWith("Some backups in 2 buckets are missing or older than 13 days, or"
                + " could not be listed. Please check them.\n\n" + unlisted), mails.get(0).text());
    }

    @Test
    void whenNoBucketCanBeListedTheCheckFailsInOneLineAndMailsNothing() throws Exception {
        AppProcess.Result result = check("bucket: [no-such-bucket-1, no-such-bucket-2]\n");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.text().contains("duplicity-unattended: the check failed: none of the 2 buckets could be"
                + " listed; no-such-bucket-1: The specified bucket does not exist"), result.text());
        assertEquals(List.of(), ses.mails());
    }
}
