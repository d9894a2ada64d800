package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.monitor.FolderState.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private final ReportText text = new ReportText();

    private static FolderState folder(String location, String newest, Status status) {
        return new FolderState(location, Optional.ofNullable(newest).map(Instant::parse), status);
    }

    private static final MonitorReport MIXED = new MonitorReport("my-host-backup", 7, NOW, List.of(
            folder("my-host-backup/etc", "2026-11-20T02:00:00Z", Status.RECENT),
            folder("my-host-backup/home", "2026-11-10T02:00:00Z", Status.STALE),
            folder("my-host-backup/var/www", null, Status.NEVER_BACKED_UP)));

    @Test
    void theReportListsStaleAndMissingFoldersFirstThenTheRecentOnes() {
        assertEquals(List.of(
                "Not backed up in over 7 days:",
                "* 2026-11-10 02:00 UTC (16 days ago): my-host-backup/home",
                "* never backed up: my-host-backup/var/www",
                "",
                "Backed up within 7 days:",
                "* 2026-11-20 02:00 UTC (6 days ago): my-host-backup/etc"), text.lines(MIXED));
    }

    @Test
    void theStaleMailNamesTheBucketInItsSubject() {
        assertEquals(new Mail("Missing recent backups: my-host-backup", """
                Some backups in my-host-backup are missing or older than 7 days. Please check them.

                Not backed up in over 7 days:
                * 2026-11-10 02:00 UTC (16 days ago): my-host-backup/home
                * never backed up: my-host-backup/var/www

                Backed up within 7 days:
                * 2026-11-20 02:00 UTC (6 days ago): my-host-backup/etc
                """), text.staleMail(MIXED));
    }

    @Test
    void theTestMailOfAnEmptyBucketSaysThereAreNoBackups() {
        assertEquals(new Mail("Backup monitor results: empty-bucket", "There are no backups in empty-bucket.\n"),
                text.testMail(new MonitorReport("empty-bucket", 7, NOW, List.of())));
    }

    @Test
    void aReportOfOnlyRecentFoldersHasOneSection() {
        MonitorReport recent = new MonitorReport("b", 1, NOW,
                List.of(folder("b/etc", "2026-11-26T07:59:00Z", Status.RECENT)));

        assertEquals(List.of("Backed up within 1 day:", "* 2026-11-26 07:59 UTC (1 minute ago): b/etc"),
                text.lines(recent));
    }

    @Test
    void theSummaryIsOneLineOfCounts() {
        assertEquals("Checked my-host-backup: 1 folder(s) backed up within 7 days, 1 stale, 1 never backed up",
                text.summary(MIXED));
    }

    private static final MonitorReport PARTLY_LISTED = new MonitorReport("2 buckets", 7, NOW, MIXED.folders(), List.of(
            new MonitorReport.BucketState("gone-backup", 0, Optional.of("The specified bucket does not exist")),
            new MonitorReport.BucketState("my-host-backup", 1143, Optional.empty())));

    @Test
    void aBucketThatCouldNotBeListedComesFirstInTheMailWithItsReason() {
        assertEquals(new Mail("Missing recent backups: 2 buckets", """
                Some backups in 2 buckets are missing or older than 7 days, or could not be listed. Please check them.

                Could not be listed (their backups were not checked):
                * gone-backup: The specified bucket does not exist

                Not backed up in over 7 days:
                * 2026-11-10 02:00 UTC (16 days ago): my-host-backup/home
                * never backed up: my-host-backup/var/www

                Backed up within 7 days:
                * 2026-11-20 02:00 UTC (6 days ago): my-host-backup/etc
                """), text.staleMail(PARTLY_LISTED));
        assertEquals("Checked 2 buckets: 1 folder(s) backed up within 7 days, 1 stale, 1 never backed up,"
                + " 1 of 2 bucket(s) not listed", text.summary(PARTLY_LISTED));
    }

    @Test
    void whenTheListedBucketsHoldNoBackupsTheReportSaysSoAfterThoseNotListed() {
        MonitorReport report = new MonitorReport("2 buckets", 7, NOW, List.of(), PARTLY_LISTED.buckets());

        assertEquals(List.of("Could not be listed (their backups were not checked):",
                "* gone-backup: The specified bucket does not exist", "", "There are no backups in the others."),
                text.lines(report));
    }

    @Test
    void agesAreInWholeDaysThenHoursThenMinutes() {
        assertEquals("6 days ago", ReportText.age(Duration.ofDays(6).plusHours(23)));
        assertEquals("1 day ago", ReportText.age(Duration.ofHours(24)));
        assertEquals("23 hours ago", ReportText.age(Duration.ofHours(23).plusMinutes(59)));
        assertEquals("1 hour ago", ReportText.age(Duration.ofMinutes(60)));
        assertEquals("0 minutes ago", ReportText.age(Duration.ofSeconds(59)));
        assertEquals("in the future", ReportText.age(Duration.ofSeconds(-1)));
    }
}
