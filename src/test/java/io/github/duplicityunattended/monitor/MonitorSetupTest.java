package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorSetupTest {

    @TempDir
    Path dir;

    private Config config(String bucketUrl, String monitor) throws Exception {
        return MonitorConfigs.load(dir, MonitorConfigs.host(dir, bucketUrl, "monitor: {" + monitor + "}"));
    }

    @Test
    void aMailingDaemonGetsTheScheduleTheAddressesAndAnSesClient() throws Exception {
        MonitorSetup setup = new MonitorSetup(config("s3+http://my-host-backup",
                "sender: 'Backups <backup@example.com>', recipient: [ops@example.com, me@example.com]"),
                Clock.systemUTC(), true);

        assertEquals(Map.of("monitor.scheduled", "true",
                "monitor.schedule", "0 0 8 * * ?",
                "monitor.target", "my-host-backup",
                "monitor.mails", "true",
                "monitor.sender", "Backups <backup@example.com>",
                "monitor.sender-address", "backup@example.com",
                "monitor.recipients", "ops@example.com,me@example.com"), setup.properties());
        assertEquals(Set.of("monitor", "listingThreads", "everyListing", "reportText", "failureNotice", "mailLog",
                "sesClient"), setup.beans().keySet());
    }

    @Test
    void withoutSenderAndRecipientNothingIsMailedAndNoSesClientIsMade() throws Exception {
        MonitorSetup setup = new MonitorSetup(config("file:///backups/host", ""), Clock.systemUTC(), true);

        assertEquals("false", setup.properties().get("monitor.mails"));
        assertEquals("/backups/host", setup.properties().get("monitor.target"));
        assertEquals(Set.of("monitor", "listingThreads", "everyListing", "reportText", "failureNotice", "mailLog"),
                setup.beans().keySet());
    }

    @Test
    void theScheduleRunsOnlyInTheDaemonAndOnlyWhenThereIsSomethingToList() throws Exception {
        assertEquals("false", new MonitorSetup(config("s3+http://my-host-backup", ""), Clock.systemUTC(), false)
                .properties().get("monitor.scheduled"));
        assertEquals("false", new MonitorSetup(config("sftp://example.com/host", ""), Clock.systemUTC(), true)
                .properties().get("monitor.scheduled"));
        Config gcp = MonitorConfigs.load(dir, MonitorConfigs.host(dir, "gs://my-host-backup", "")
                .replace("cloud: aws", "cloud: gcp"));
        assertEquals("false", new MonitorSetup(gcp, Clock.systemUTC(), true).properties().get("monitor.scheduled"));
    }

    @Test
    void theSenderAddressIsTheAddressInsideTheAngleBrackets() {
        assertEquals("backup@example.com", MonitorSetup.addressOf("Backups <backup@example.com>"));
        assertEquals("backup@example.com", MonitorSetup.addressOf("backup@example.com"));
    }
}
