package io.github.duplicityunattended.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.MonitorConfigs;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import io.github.duplicityunattended.testsupport.SharedServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;

/** --check and --test-email when something is in the way, run in this JVM through the launcher. */
@UsesInstalledTools
class MonitorCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("HOME", dir.toString())).run(args);
    }

    private String config(String ses, String monitor) throws Exception {
        S3ProxyServer s3 = SharedServers.s3(Instant.parse("2030-06-15T08:00:00Z"));
        return MonitorConfigs.write(dir, MonitorConfigs.seededBucket(dir, s3, ses, monitor)).toString();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void testEmailExitsOneWithOneLineWhenSesCannotBeReached() throws Exception {
        String config = config(SharedServers.nowhere().toString(),
                "sender: backup@example.com\nrecipient: ops@example.com");

        assertEquals(ExitCode.FAILED, run("--test-email", "--config", config));
        assertTrue(err().startsWith("duplicity-unattended: the test email was not sent: Unable to execute HTTP request"),
                err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void checkExitsOneWithOneLineWhenTheBucketCannotBeListed() throws Exception {
        String config = config("http://127.0.0.1:1", "bucket: no-such-bucket");

        assertEquals(ExitCode.FAILED, run("--check", "--config", config));
        assertTrue(err().startsWith("duplicity-unattended: the check failed: The specified bucket does not exist"),
                err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(!err().contains(S3ProxyServer.SECRET_KEY) && !out.toString(StandardCharsets.UTF_8)
                .contains(S3ProxyServer.SECRET_KEY));
    }

    @Test
    void withoutSenderTheTestEmailGoesToTheLogAndExitsZero() throws Exception {
        assertEquals(ExitCode.OK, run("--test-email", "--config", config("http://127.0.0.1:1", "")));
        assertEquals("No monitor.sender and monitor.recipient configured: the test email was written to the log.\n",
                out.toString(StandardCharsets.UTF_8));
    }
}
