package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorTargetTest {

    @TempDir
    Path dir;

    private MonitorTarget target(String bucketUrl, String monitor) throws Exception {
        Config config = MonitorConfigs.load(dir, MonitorConfigs.host(dir, bucketUrl, "monitor: {" + monitor + "}"));
        return MonitorTarget.of(config);
    }

    @Test
    void theBucketOfBucketUrlHoldsAFolderPerConfiguredDir() throws Exception {
        assertEquals(new MonitorTarget(MonitorTarget.Kind.S3, "my-host-backup", List.of("etc", "srv/data")),
                target("s3+http://my-host-backup", ""));
    }

    @Test
    void aPrefixInBucketUrlIsPartOfEveryFolder() throws Exception {
        assertEquals(new MonitorTarget(MonitorTarget.Kind.S3, "shared", List.of("host1/etc", "host1/srv/data")),
                target("boto3+s3://shared/host1/", ""));
    }

    @Test
    void anotherMonitoredBucketHasNoConfiguredFolders() throws Exception {
        assertEquals(new MonitorTarget(MonitorTarget.Kind.S3, "other", List.of()),
                target("s3+http://my-host-backup", "bucket: other"));
    }

    @Test
    void eachBucketOfTheListIsATargetAndTheBucketOfBucketUrlExpectsTheDirsUnderItsPrefix() throws Exception {
        Config config = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "s3+http://shared/host1", """
                monitor:
                  bucket:
                    - web1-backup
                    - name: shared
                      prefix: host1/srv
                      folders: [www, srv/data]
                    - name: shared
                      prefix: host2
                      folders: [etc]
                """));

        assertEquals(List.of(
                new MonitorTarget(MonitorTarget.Kind.S3, "web1-backup", "", List.of()),
                new MonitorTarget(MonitorTarget.Kind.S3, "shared", "host1/srv",
                        List.of("host1/srv/data", "host1/srv/www", "host1/srv/srv/data")),
                new MonitorTarget(MonitorTarget.Kind.S3, "shared", "host2", List.of("host2/etc"))),
                MonitorTarget.all(config));
        assertEquals(List.of("web1-backup", "shared/host1/srv", "shared/host2"),
                MonitorTarget.all(config).stream().map(MonitorTarget::reportedAs).toList());
        assertEquals(List.of("", "host1/srv/", "host2/"),
                MonitorTarget.all(config).stream().map(MonitorTarget::keyPrefix).toList());
    }

    @Test
    void aFileUrlIsMonitoredAsADirectory() throws Exception {
        assertEquals(new MonitorTarget(MonitorTarget.Kind.DIRECTORY, "/backups/host", List.of("etc", "srv/data")),
                target("file:///backups/host", ""));
    }

    @Test
    void anyOtherUrlHasNothingToListAndSaysSoInOneLine() throws Exception {
        MonitorTarget target = target("sftp://example.com/host", "");
        assertEquals(MonitorTarget.Kind.NONE, target.kind());
        assertEquals(Optional.of("the monitor has nothing to list: bucket_url sftp://example.com/host is neither"
                + " an S3 nor a file:// URL; set monitor.bucket"), target.whyNotListed());
    }

    @Test
    void googleCloudStorageIsNotListedAndTheReasonSaysTheMonitorListsS3AndFileOnly() throws Exception {
        Config config = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "gs://my-host-backup", "")
                .replace("cloud: aws", "cloud: gcp"));
        MonitorTarget target = MonitorTarget.of(config);
        assertEquals(MonitorTarget.Kind.NONE, target.kind());
        assertEquals(Optional.of("the monitor lists S3 buckets and file:// dirs only, not Google Cloud Storage"
                + " (gs://my-host-backup): these backups are not checked"), target.whyNotListed());
    }

    @Test
    void aListableTargetHasNoReasonNotToBeListed() throws Exception {
        assertEquals(Optional.empty(), target("s3+http://my-host-backup", "").whyNotListed());
        assertEquals(Optional.empty(), target("file:///backups/host", "").whyNotListed());
    }

    @Test
    void aLocationIsTheTargetAndTheFolder() {
        MonitorTarget target = new MonitorTarget(MonitorTarget.Kind.S3, "my-host-backup", List.of());
        assertEquals("my-host-backup/etc", target.location("etc"));
        assertEquals("my-host-backup", target.location(""));
    }
}
