package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.FaultProxy;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's scheduled check, with SES down at first and up later (a fault proxy in front of the emulator). */
class MonitorDaemonIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private static void awaitLine(AppProcess app, String text) throws Exception {
        Conditions.await(() -> !app.process().isAlive() || app.output().stream().anyMatch(l -> l.contains(text)),
                "a line with '" + text + "'", PATIENCE, () -> String.join("\n", app.output()));
        assertTrue(app.process().isAlive(), () -> "the daemon ended:\n" + String.join("\n", app.output()));
    }

    @Test
    void whenSesIsDownTheErrorIsLoggedTheDaemonKeepsRunningAndTheNextCheckMails() throws Exception {
        S3ProxyServer s3 = SharedServers.s3(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        SesEmulator ses = SharedServers.ses();
        ses.clear();
        // the daemon starts only with a signing key it can use, though this test never backs up
        try (GpgKey key = GpgKey.create(dir); FaultProxy sesProxy = FaultProxy.start(ses.endpoint())) {
            sesProxy.down();
            Path config = MonitorConfigs.write(dir, MonitorConfigs.seededBucket(dir, s3,
                    sesProxy.endpoint().toString(), """
                    sender: backup@example.com
                    recipient: ops@example.com
                    schedule: "0/2 * * * * ?"
                    ignore_prefixes: [retired]
                    """).replace("0123456789ABCDEF", key.fingerprint()) + "schedule: \"0 0 2 1 1 ? 2099\"\n"
                    + "gpg_home: " + key.home() + "\n");
            AppProcess daemon = AppProcess.start(dir, Map.of(), "--config", config.toString());
            try {
                awaitLine(daemon, "ERROR Could not mail 'Missing recent backups: my-host-backup'");
                assertEquals(0, ses.mails().size(), "a mail got through while SES was down");

                sesProxy.up();
                awaitLine(daemon, "Mailed 'Missing recent backups: my-host-backup' to ops@example.com");
                assertEquals("Missing recent backups: my-host-backup", ses.mails().get(0).subject());
            } finally {
                daemon.terminate();
                daemon.await(PATIENCE);
            }
        }
    }
}
