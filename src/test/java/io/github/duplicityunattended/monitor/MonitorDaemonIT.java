package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testing.AppJar;
import io.github.duplicityunattended.testing.ConfigFixture;
import io.github.duplicityunattended.testing.S3ProxyServer;
import io.github.duplicityunattended.testing.SesEmulator;
import io.github.duplicityunattended.testing.SharedServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's scheduled check, with SES down at first and up later. */
class MonitorDaemonIT {

    @TempDir
    Path dir;

    @Test
    void whenSesIsDownTheErrorIsLoggedTheDaemonKeepsRunningAndTheNextCheckMails() throws Exception {
        S3ProxyServer s3 = SharedServers.s3(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        int sesPort = SesEmulator.freePort();
        Path config = ConfigFixture.write(dir, ConfigFixture.seededBucket(dir, s3, "http://127.0.0.1:" + sesPort, """
                sender: backup@example.com
                recipient: ops@example.com
                schedule: "0/2 * * * * ?"
                ignore_prefixes: [retired]
                """) + "schedule: \"0 0 2 1 1 ? 2099\"\n");
        Path log = dir.resolve("daemon.log");
        Process daemon = AppJar.start(dir, log, "--config", config.toString());
        try {
            AppJar.awaitLine(log, "ERROR Could not mail 'Missing recent backups: my-host-backup'", Duration.ofSeconds(60));
            assertTrue(daemon.isAlive(), Files.readString(log));

            try (SesEmulator ses = SesEmulator.start(sesPort)) {
                assertEquals("Missing recent backups: my-host-backup",
                        ses.awaitMails(1, Duration.ofSeconds(30)).get(0).subject(), Files.readString(log));
                assertTrue(daemon.isAlive(), Files.readString(log));
            }
        } finally {
            daemon.destroy();
            daemon.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.readString(log).contains("Mailed 'Missing recent backups: my-host-backup' to ops@example.com"));
    }
}
