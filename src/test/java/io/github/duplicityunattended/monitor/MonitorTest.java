package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's steps over backup directories on disk, and over targets it has no way to list. */
class MonitorTest {

    private static final Instant NOW = Instant.parse("2030-06-15T08:00:00Z");

    @TempDir
    Path dir;

    private Monitor monitor(List<MonitorTarget> targets) throws Exception {
        Config config = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "file://" + dir.resolve("host1"), ""));
        return new Monitor(targets, t -> MonitorSetup.lister(t, () -> {
            throw new AssertionError("no S3 target here");
        }), config.monitor(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private MonitorTarget directory(String name, String... files) throws IOException {
        Path root = dir.resolve(name);
        for (String file : files) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "");
        }
        return new MonitorTarget(MonitorTarget.Kind.DIRECTORY, root.toString(), List.of());
    }

    private static MonitorTarget unlistable(String url) {
        return new MonitorTarget(MonitorTarget.Kind.NONE, url, List.of());
    }

    @Test
    void aTargetThatCannotBeListedIsAListingWithItsReason() throws Exception {
        MonitorTarget sftp = unlistable("sftp://example.com/host2");

        assertEquals(BucketListing.failed(sftp, sftp.whyNotListed().orElseThrow()), monitor(List.of(sftp)).list(sftp));
    }

    @Test
    void aListingKeepsTheNewestBackupOfEachFolderAndCountsEveryKey() throws Exception {
        MonitorTarget host1 = directory("host1", "etc/duplicity-full.20300610T020000Z.manifest.gpg",
                "etc/duplicity-inc.20300610T020000Z.to.20300614T020000Z.manifest.gpg", "etc/notes.txt");

        BucketListing listing = monitor(List.of(host1)).list(host1);

        assertEquals(Map.of("etc", Instant.parse("2030-06-14T02:00:00Z")), listing.newest());
        assertEquals(List.of(3L, true), List.of(listing.keys(), listing.listed()));
    }

    @Test
    void theReportOfSeveralTargetsHoldsTheOnesNotListed() throws Exception {
        MonitorTarget host1 = directory("host1", "etc/duplicity-full.20300614T020000Z.manifest.gpg");
        MonitorTarget sftp = unlistable("sftp://example.com/host2");
        Monitor monitor = monitor(List.of(host1, sftp));

        MonitorReport report = monitor.report(monitor.targets().stream().map(monitor::list).toList());

        assertEquals("2 buckets", report.target());
        assertEquals(List.of(new MonitorReport.BucketState(host1.name(), 1, Optional.empty()),
                new MonitorReport.BucketState("sftp://example.com/host2", 0, sftp.whyNotListed())), report.buckets());
        assertEquals(List.of(host1.location("etc")), report.folders().stream().map(FolderState::location).toList());
    }

    @Test
    void whenNothingCanBeListedTheCheckFailsWithTheFirstReason() throws Exception {
        MonitorTarget first = unlistable("sftp://example.com/host1");
        Monitor one = monitor(List.of(first));
        Monitor two = monitor(List.of(first, unlistable("sftp://example.com/host2")));

        assertEquals(first.whyNotListed().orElseThrow(), assertThrows(IOException.class,
                () -> one.report(List.of(one.list(first)))).getMessage());
        assertEquals("none of the 2 buckets could be listed; sftp://example.com/host1: "
                + first.whyNotListed().orElseThrow(), assertThrows(IOException.class,
                () -> two.report(two.targets().stream().map(two::list).toList())).getMessage());
    }

    @Test
    void aCheckIsNamedAfterItsOneTargetOrItsNumberOfBuckets() throws Exception {
        MonitorTarget shared = new MonitorTarget(MonitorTarget.Kind.S3, "shared", "host1", List.of());

        assertEquals("shared/host1", monitor(List.of(shared)).name());
        assertEquals("3 buckets", monitor(List.of(shared, shared, shared)).name());
    }
}
