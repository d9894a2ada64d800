package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import io.github.duplicityunattended.testsupport.GpgKey;
import io.github.duplicityunattended.testsupport.SesEmulator;
import io.github.duplicityunattended.testsupport.SesEmulator.ReceivedMail;
import io.github.duplicityunattended.testsupport.SharedServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real backup run (duplicity, gpg, a file:// target) in which one source dir is missing. */
class FailureNoticeIT {

    @TempDir
    Path dir;

    private Path config(GpgKey gpg, String ses) throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("notes.txt"), "kept\n");
        return MonitorConfigs.write(dir, """
                cloud: aws
                gpg_key_id: %s
                gpg_home: %s
                bucket_url: file://%s
                full_if_older_than: 1M
                archive_dir: %s
                aws_config_file: %s
                aws_region: eu-west-1
                ses_endpoint_url: %s
                backup_dirs:
                  - source: %s
                  - source: %s
                monitor:
                  sender: Backups <backup@example.com>
                  recipient: ops@example.com
                """.formatted(gpg.fingerprint(), gpg.home(), dir.resolve("backups"), dir.resolve("cache"),
                MonitorConfigs.credentials(dir), ses, dir.resolve("data"), dir.resolve("missing")));
    }

    @Test
    void aFailedRunMailsTheNoticeWithTheSummaryAndDuplicitysLastWordsAndExitsOne() throws Exception {
        SesEmulator ses = SharedServers.ses();
        ses.clear();
        try (GpgKey gpg = GpgKey.create(dir)) {
            AppProcess.Result result = AppProcess.run(dir, Map.of(), "--once", "--config", config(gpg, ses.endpoint().toString()).toString());

            assertEquals(1, result.exitCode(), result.toString());
            List<ReceivedMail> mails = ses.awaitMails(1, Duration.ofMinutes(1));
            assertEquals(1, mails.size(), mails.toString());
            ReceivedMail notice = mails.get(0);
            assertEquals("Backup failed: " + MonitorSetup.hostName(), notice.subject());
            assertEquals(List.of("ops@example.com"), notice.to());
            assertEquals("Backups <backup@example.com>", notice.from());
            String missing = dir.resolve("missing").toString();
            List<String> lines = notice.text().lines().toList();
            assertTrue(lines.get(0).startsWith("Backup run FAILED: 1 of 2 dirs ok, 1 failed, took "), notice.text());
            assertTrue(lines.get(1).startsWith("[" + dir.resolve("data") + "] ok in "), notice.text());
            assertTrue(lines.get(2).startsWith("[" + missing + "] FAILED after "), notice.text());
            assertTrue(lines.contains("Failed dirs: " + missing), notice.text());
            assertTrue(notice.text().contains("line(s) of the backup of " + missing + ":\n"), notice.text());
            assertTrue(lines.contains("  Backup source directory " + missing + " does not exist."), notice.text());
            assertTrue(result.text().contains("Mailed 'Backup failed: "), result.text());
        }
    }

    @Test
    void aNoticeThatCannotBeSentIsLoggedAndTheRunKeepsItsExitCode() throws Exception {
        try (GpgKey gpg = GpgKey.create(dir)) {
            AppProcess.Result result = AppProcess.run(dir, Map.of(), "--once", "--config",
                    config(gpg, SharedServers.nowhere().toString()).toString());

            assertEquals(1, result.exitCode(), result.toString());
            assertTrue(result.text().contains("ERROR Could not mail 'Backup failed: "), result.text());
            assertTrue(Files.list(dir.resolve("backups").resolve(dir.resolve("data").toString().substring(1)))
                    .anyMatch(f -> f.getFileName().toString().endsWith(".manifest.gpg")), "the good dir was backed up");
        }
    }
}
