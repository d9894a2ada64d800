package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.monitor.DirectoryLister;
import io.github.duplicityunattended.monitor.FolderState;
import io.github.duplicityunattended.monitor.S3BucketLister;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import io.github.duplicityunattended.testsupport.RequestLog;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --status from one listing: the newest sets, chains, sets and bytes of every configured dir. */
class StatusReaderTest {

    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final DuplicityVersion V08 = new DuplicityVersion(0, 8, 22);

    /** Two chains of /etc: two fulls and three incrementals, with their volumes and signatures. */
    static final List<String> ETC = List.of(
            "duplicity-full-signatures.20261101T020000Z.sigtar.gpg",
            "duplicity-full.20261101T020000Z.manifest.gpg",
            "duplicity-full.20261101T020000Z.vol1.difftar.gpg",
            "duplicity-full.20261101T020000Z.vol2.difftar.gpg",
            "duplicity-inc.20261101T020000Z.to.20261102T020000Z.manifest.gpg",
            "duplicity-inc.20261101T020000Z.to.20261102T020000Z.vol1.difftar.gpg",
            "duplicity-new-signatures.20261101T020000Z.to.20261102T020000Z.sigtar.gpg",
            "duplicity-full-signatures.20261120T020000Z.sigtar.gpg",
            "duplicity-full.20261120T020000Z.manifest.gpg",
            "duplicity-full.20261120T020000Z.vol1.difftar.gpg",
            "duplicity-inc.20261120T020000Z.to.20261124T020000Z.manifest.gpg",
            "duplicity-inc.20261120T020000Z.to.20261124T020000Z.vol1.difftar.gpg",
            "duplicity-new-signatures.20261120T020000Z.to.20261124T020000Z.sigtar.gpg",
            "duplicity-inc.20261124T020000Z.to.20261125T020000Z.manifest.gpg",
            "duplicity-inc.20261124T020000Z.to.20261125T020000Z.vol1.difftar.gpg",
            "duplicity-new-signatures.20261124T020000Z.to.20261125T020000Z.sigtar.gpg");

    @TempDir
    Path dir;

    @Test
    void aFileTargetIsReadFromItsDirectoryWithEveryFilesSize() throws Exception {
        Path root = Files.createDirectories(dir.resolve("backups"));
        for (int i = 0; i < ETC.size(); i++) {
            write(root.resolve("etc").resolve(ETC.get(i)), 100 + i);
        }
        write(root.resolve("etc/unrelated.txt"), 7);
        write(root.resolve("etc/old/duplicity-full.20261125T020000Z.manifest.gpg"), 1000);
        Config config = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "file://" + root, ""));

        StatusReport report = new StatusReader(config, BackupStore.of(config), CLOCK)
                .read(new DirectoryLister(root), Optional.of(V08));

        assertEquals(new StatusReport(root.toString(), NOW, 7, Optional.of("0.8.22"), List.of(
                new DirStatus("/etc", "file://" + root + "/etc",
                        dir.resolve("cache").resolve(md5("file://" + root + "/etc")).toString(),
                        Optional.of(Instant.parse("2026-11-20T02:00:00Z")),
                        Optional.of(Instant.parse("2026-11-25T02:00:00Z")), 2, 5,
                        16 * 100 + 120 + 7, FolderState.Status.RECENT),
                new DirStatus("/srv/data", "file://" + root + "/srv/data",
                        dir.resolve("cache").resolve(md5("file://" + root + "/srv/data")).toString(),
                        Optional.empty(), Optional.empty(), 0, 0, 0, FolderState.Status.NEVER_BACKED_UP))),
                report);
        assertEquals(false, report.allFresh());
    }

    @Test
    void aDirWhoseNewestSetIsOlderThanMaxAgeIsStaleAndOnlyFreshDirsMakeAFreshReport() throws Exception {
        Path root = Files.createDirectories(dir.resolve("backups"));
        write(root.resolve("etc/duplicity-full.20261118T020000Z.manifest.gpg"), 1);
        write(root.resolve("srv/data/duplicity-full.20261125T020000Z.manifest.gpg"), 1);
        Config config = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "file://" + root, ""));

        StatusReport report = new StatusReader(config, BackupStore.of(config), CLOCK)
                .read(new DirectoryLister(root), Optional.of(V08));

        assertEquals(List.of(FolderState.Status.STALE, FolderState.Status.RECENT),
                report.dirs().stream().map(DirStatus::status).toList());
        Config lenient = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "file://" + root,
                "monitor: {max_age_days: 9}"));
        assertTrue(new StatusReader(lenient, BackupStore.of(lenient), CLOCK)
                .read(new DirectoryLister(root), Optional.of(V08)).allFresh());
    }

    @Test
    void anS3TargetIsListedOnceBelowTheBucketUrlsPrefixWithoutAnyGet() throws Exception {
        RequestLog requests = new RequestLog();
        try (S3ProxyServer s3 = S3ProxyServer.startInMemory()) {
            s3.createBucket("shared");
            for (String name : ETC.subList(7, 16)) {
                s3.blobStore().putBlob("shared", s3.blobStore().blobBuilder("host1/etc/" + name)
                        .payload(new byte[10]).build());
            }
            s3.put("shared", "host2/etc/duplicity-full.20261125T020000Z.manifest.gpg");
            Config config = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "s3+http://shared/host1",
                    "s3_endpoint_url: " + s3.endpoint() + "\naws_config_file: " + MonitorConfigs.credentials(dir)));
            BackupStore store = BackupStore.of(config);
            requests.clear();

            StatusReport report;
            try (S3BucketLister lister = (S3BucketLister) store.lister()) {
                report = new StatusReader(config, store, CLOCK).read(lister, Optional.of(V08));
            }

            assertEquals("shared/host1", report.store());
            DirStatus etc = report.dirs().get(0);
            assertEquals(List.of("boto3+s3://shared/host1/etc", "2026-11-20T02:00:00Z", "2026-11-25T02:00:00Z",
                    "1 chain(s), 3 set(s), 90 bytes"), List.of(etc.target(), etc.lastFull().orElseThrow().toString(),
                    etc.lastIncremental().orElseThrow().toString(),
                    etc.chains() + " chain(s), " + etc.backupSets() + " set(s), " + etc.bytes() + " bytes"));
            assertEquals(1, requests.lists(), requests.all().toString());
            assertEquals(0, requests.objectGets(), requests.all().toString());
            assertTrue(requests.all().get(0).uri().contains("prefix=host1"), requests.all().toString());
        }
    }

    @Test
    void theStoreIsBucketUrlsWhateverBucketsTheMonitorLists() throws Exception {
        Config config = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "s3+http://shared/host1", """
                monitor:
                  bucket:
                    - web1-backup
                    - name: shared
                      prefix: host2
                """));
        BackupStore store = BackupStore.of(config);
        assertEquals(List.of("shared/host1", Optional.empty()), List.of(store.name(), store.whyNotListed()));
    }

    @Test
    void googleCloudStorageAndOtherTargetsAreNotListedAndSaySo() throws Exception {
        Config gcs = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "gs://my-host-backup", "")
                .replace("cloud: aws", "cloud: gcp"));
        assertEquals(Optional.of("only S3 buckets and file:// dirs are listed, not Google Cloud Storage"
                + " (gs://my-host-backup)"), BackupStore.of(gcs).whyNotListed());
        Config sftp = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "sftp://example.com/backups", ""));
        assertEquals(Optional.of("bucket_url sftp://example.com/backups is neither an S3 nor a file:// URL: it"
                + " cannot be listed"), BackupStore.of(sftp).whyNotListed());
        Config s3 = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "s3+http://my-host-backup", ""));
        assertEquals(Optional.empty(), BackupStore.of(s3).whyNotListed());
    }

    @Test
    void withoutDuplicitysVersionTheTargetIsShownAsConfigured() throws Exception {
        Config config = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "s3+http://my-host-backup", ""));
        assertEquals(List.of("s3+http://my-host-backup/etc", "boto3+s3://my-host-backup/etc",
                "s3://my-host-backup/etc"), List.of(
                StatusReader.targetOf(config, config.backupDirs().get(0), Optional.empty()).effective(),
                StatusReader.targetOf(config, config.backupDirs().get(0), Optional.of(V08)).effective(),
                StatusReader.targetOf(config, config.backupDirs().get(0),
                        Optional.of(new DuplicityVersion(2, 1, 4))).effective()));
    }

    static void write(Path file, int size) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
    }

    static String md5(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
