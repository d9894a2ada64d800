package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.monitor.FolderState.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonitorReportTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final MonitorTarget BUCKET = new MonitorTarget(MonitorTarget.Kind.S3, "b", List.of("etc", "www"));

    @Test
    void aFolderIsStaleOnlyWhenItsNewestBackupIsMoreThanMaxAgeDaysOfTwentyFourHoursOld() {
        Instant exactlySevenDays = NOW.minus(Duration.ofDays(7));
        MonitorReport report = MonitorReport.judge(BUCKET, Map.of("etc", exactlySevenDays,
                "home", exactlySevenDays.minusSeconds(1)), List.of(), 7, NOW);

        assertEquals(List.of(
                new FolderState("b/etc", Optional.of(exactlySevenDays), Status.RECENT),
                new FolderState("b/home", Optional.of(exactlySevenDays.minusSeconds(1)), Status.STALE),
                new FolderState("b/www", Optional.empty(), Status.NEVER_BACKED_UP)), report.folders());
    }

    @Test
    void aConfiguredDirWithNoBackupIsNeverBackedUp() {
        MonitorReport report = MonitorReport.judge(BUCKET, Map.of(), List.of(), 7, NOW);

        assertEquals(List.of(new FolderState("b/etc", Optional.empty(), Status.NEVER_BACKED_UP),
                new FolderState("b/www", Optional.empty(), Status.NEVER_BACKED_UP)), report.attention());
        assertTrue(report.needsAttention());
    }

    @Test
    void ignoredPrefixesSilenceTheirFoldersAndTheFoldersBelowThem() {
        Instant old = NOW.minus(Duration.ofDays(400));
        MonitorReport report = MonitorReport.judge(BUCKET, Map.of("etc", NOW, "retired", old, "retired/www", old,
                "retired-not/www", old), List.of("retired", "www"), 7, NOW);

        assertEquals(List.of("b/etc", "b/retired-not/www"),
                report.folders().stream().map(FolderState::location).toList());
    }

    @Test
    void theListingsOfSeveralBucketsMergeIntoOneReportByLocation() {
        MonitorTarget web1 = new MonitorTarget(MonitorTarget.Kind.S3, "web1", List.of("srv/www"));
        MonitorTarget shared = new MonitorTarget(MonitorTarget.Kind.S3, "shared", "db1", List.of("db1/pg"));
        Instant old = NOW.minus(Duration.ofDays(9));
        MonitorReport report = MonitorReport.merge("3 buckets", List.of(
                BucketListing.listed(web1, new TreeMap<>(Map.of("etc", NOW, "retired/x", old)), 12),
                BucketListing.listed(shared, new TreeMap<>(Map.of("db1/pg", old)), 5),
                BucketListing.listed(BUCKET, new TreeMap<>(Map.of("etc", NOW)), 1200)), List.of("retired"), 7, NOW);

        assertEquals(new MonitorReport("3 buckets", 7, NOW, List.of(
                new FolderState("b/etc", Optional.of(NOW), Status.RECENT),
                new FolderState("b/www", Optional.empty(), Status.NEVER_BACKED_UP),
                new FolderState("shared/db1/pg", Optional.of(old), Status.STALE),
                new FolderState("web1/etc", Optional.of(NOW), Status.RECENT),
                new FolderState("web1/srv/www", Optional.empty(), Status.NEVER_BACKED_UP)), List.of(
                new MonitorReport.BucketState("b", 1200, Optional.empty()),
                new MonitorReport.BucketState("shared/db1", 5, Optional.empty()),
                new MonitorReport.BucketState("web1", 12, Optional.empty()))), report);
        assertEquals(1217, report.objects());
    }

    @Test
    void aBucketThatCouldNotBeListedIsReportedAndHidesNoOther() {
        MonitorTarget gone = new MonitorTarget(MonitorTarget.Kind.S3, "gone", List.of("etc"));
        MonitorReport report = MonitorReport.merge("2 buckets", List.of(
                BucketListing.failed(gone, "The specified bucket does not exist"),
                BucketListing.listed(BUCKET, new TreeMap<>(Map.of("etc", NOW, "www", NOW)), 8)), List.of(), 7, NOW);

        assertEquals(new MonitorReport("2 buckets", 7, NOW, List.of(
                new FolderState("b/etc", Optional.of(NOW), Status.RECENT),
                new FolderState("b/www", Optional.of(NOW), Status.RECENT)), List.of(
                new MonitorReport.BucketState("b", 8, Optional.empty()),
                new MonitorReport.BucketState("gone", 0, Optional.of("The specified bucket does not exist")))), report);
        assertEquals(List.of("gone"), report.unlisted().stream().map(MonitorReport.BucketState::location).toList());
        assertTrue(report.needsAttention(), "its backups were not checked");
    }

    @Test
    void nothingNeedsAttentionWhenEveryFolderIsRecent() {
        MonitorReport report = MonitorReport.judge(BUCKET, Map.of("etc", NOW, "www", NOW.minus(Duration.ofDays(1))),
                List.of(), 1, NOW);

        assertFalse(report.needsAttention());
        assertEquals(2, report.recent().size());
        assertEquals(2, report.count(Status.RECENT));
    }
}
