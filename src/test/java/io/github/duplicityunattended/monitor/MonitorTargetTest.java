package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import java.nio.file.Path;
import java.util.List;
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
    void aFileUrlIsMonitoredAsADirectory() throws Exception {
        assertEquals(new MonitorTarget(MonitorTarget.Kind.DIRECTORY, "/backups/host", List.of("etc", "srv/data")),
                target("file:///backups/host", ""));
    }

    @Test
    void anyOtherUrlHasNothingToList() throws Exception {
        assertEquals(MonitorTarget.Kind.NONE, target("sftp://example.com/host", "").kind());
    }

    @Test
    void aLocationIsTheTargetAndTheFolder() {
        MonitorTarget target = new MonitorTarget(MonitorTarget.Kind.S3, "my-host-backup", List.of());
        assertEquals("my-host-backup/etc", target.location("etc"));
        assertEquals("my-host-backup", target.location(""));
    }
}
