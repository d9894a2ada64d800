package io.github.duplicityunattended.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.monitor.FolderState;
import io.github.duplicityunattended.monitor.MonitorReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event of a check over several buckets. */
class NotifyEventsTest {

    private static final Instant NOW = Instant.parse("2030-06-15T08:00:00Z");
    private final NotifyEvents events = new NotifyEvents("monitor1");

    @Test
    void aCheckEventNamesEveryFolderWithItsBucketAndTheBucketsNotListedFirst() {
        MonitorReport report = new MonitorReport("2 buckets", 7, NOW, List.of(
                new FolderState("web1-backup/etc", Optional.of(NOW), FolderState.Status.RECENT),
                new FolderState("web1-backup/srv/www", Optional.empty(), FolderState.Status.NEVER_BACKED_UP)), List.of(
                new MonitorReport.BucketState("gone-backup", 0, Optional.of("The specified bucket does not exist")),
                new MonitorReport.BucketState("web1-backup", 7, Optional.empty())));

        NotifyEvent event = events.checked(report);

        assertEquals(List.of(new NotifyEvent.Dir("gone-backup", "not_listed"),
                new NotifyEvent.Dir("web1-backup/etc", "recent"),
                new NotifyEvent.Dir("web1-backup/srv/www", "never_backed_up")), event.dirs());
        assertEquals(List.of(NotifyEvent.Status.FAILED, "Missing recent backups: 2 buckets"),
                List.of(event.status(), event.subject()));
    }

    @Test
    void aCheckWhoseBucketsWereAllListedAndRecentIsOk() {
        MonitorReport report = new MonitorReport("2 buckets", 7, NOW, List.of(
                new FolderState("web1-backup/etc", Optional.of(NOW), FolderState.Status.RECENT)), List.of(
                new MonitorReport.BucketState("web1-backup", 7, Optional.empty()),
                new MonitorReport.BucketState("web2-backup", 0, Optional.empty())));

        NotifyEvent event = events.checked(report);

        assertEquals(List.of(NotifyEvent.Status.OK, "Backups recent: 2 buckets"), List.of(event.status(),
                event.subject()));
    }
}
