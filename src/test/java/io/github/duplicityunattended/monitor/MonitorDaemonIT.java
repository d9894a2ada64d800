package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.GpgKey;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import io.github.duplicityunattended.testsupport.SesEmulator;
import io.github.duplicityunattended.testsupport.SharedServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's scheduled check, with SES down at first and up later. */
class MonitorDaemonIT {

    @TempDir
    Path dir;

    private static void awaitLine(AppProcess app, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (app.output().stream().noneMatch(l -> l.contains(text))) {
            if (Instant.now().isAfter(deadline) || !app.process().isAlive()) {
                throw new AssertionError("no line with '" + text + "' in:\n" + String.join("\n", app.output()));
            }
            Thread.sleep(100);
        }
    }

    @Test
    void whenSesIsDownTheErrorIsLoggedTheDaemonKeepsRunningAndTheNextCheckMails() throws Exception {
        S3ProxyServer s3 = SharedServers.s3(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        int sesPort = SesEmulator.freePort();
        // the daemon starts only with a signing key it can use, though this test never backs up
        GpgKey key = GpgKey.create(dir);
        Path config = MonitorConfigs.write(dir, MonitorConfigs.seededBucket(dir, s3, "http://127.0.0.1:" + sesPort, """
                sender: backup@example.com
                recipient: ops@example.com
                schedule: "0/2 * * * * ?"
                ignore_prefixes: [retired]
                """).replace("0123456789ABCDEF", key.fingerprint()) + "schedule: \"0 0 2 1 1 ? 2099\"\n"
                + "gpg_home: " + key.home() + "\n");
        AppProcess daemon = AppProcess.start(dir, Map.of(), "--config", config.toString());
        try (key) {
            awaitLine(daemon, "ERROR Could not mail 'Missing recent backups: my-host-backup'");
            assertTrue(daemon.process().isAlive(), String.join("\n", daemon.output()));

            try (SesEmulator ses = SesEmulator.start(sesPort)) {
                assertEquals("Missing recent backups: my-host-backup",
                        ses.awaitMails(1, Duration.ofSeconds(30)).get(0).subject(), String.join("\n", daemon.output()));
                awaitLine(daemon, "Mailed 'Missing recent backups: my-host-backup' to ops@example.com");
                assertTrue(daemon.process().isAlive(), String.join("\n", daemon.output()));
            }
        } finally {
            daemon.process().destroy();
            daemon.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
