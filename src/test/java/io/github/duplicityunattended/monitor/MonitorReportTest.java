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
    void nothingNeedsAttentionWhenEveryFolderIsRecent() {
        MonitorReport report = MonitorReport.judge(BUCKET, Map.of("etc", NOW, "www", NOW.minus(Duration.ofDays(1))),
                List.of(), 1, NOW);

        assertFalse(report.needsAttention());
        assertEquals(2, report.recent().size());
        assertEquals(2, report.count(Status.RECENT));
    }
}
