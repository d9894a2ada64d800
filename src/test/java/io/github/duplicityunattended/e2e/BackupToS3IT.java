package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.Duplicity;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import io.github.duplicityunattended.testsupport.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built jar against real duplicity (0.8.22, and 2.1.4 and 3.0.4 in failsafe executions of their own), real
 * GnuPG and a real S3 API server (S3Proxy).
 */
class BackupToS3IT extends RealBackupTest {

    /** The time in duplicity's file names. */
    static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void fullThenIncrementalBackupRestoresAByteIdenticalTree() throws Exception {
        Path work = workDir("restore-case");
        Path source = Trees.sample(work.resolve("my data"));
        Path config = configFor(work, "restore-case", List.of(source), "");

        AppProcess.Result first = runOnce(work, config);
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals(1, manifests("restore-case", source, "full").size(), first::toString);
        String url = Duplicity.s3Url("restore-case/" + BackupEnvironment.folder(source));
        assertTrue(first.text().contains("[" + source + "] backup to " + url + " started"), first::toString);

        Files.writeString(source.resolve("readme.txt"), "backups matter, changed\n");
        Files.writeString(source.resolve("sub dir/new file.txt"), "added after the full backup\n");
        Files.delete(source.resolve("sub dir/deeper/data.bin"));
        AppProcess.Result second = runOnce(work, config);
        assertEquals(0, second.exitCode(), second::toString);
        assertEquals(1, manifests("restore-case", source, "inc").size(), second::toString);
        assertTrue(second.text().contains("[" + source + "] ok in"), second::toString);

        assertRestoresIdentically("restore-case", source, work.resolve("restored"));
        Path one = work.resolve("one file");
        restore("restore-case", source, one, Duplicity.version().restoreOption(), "sub dir/new file.txt");
        assertEquals("added after the full backup\n", Files.readString(one));
    }

    @Test
    void purgeKeepsOnlyTheLastFullChain() throws Exception {
        Path work = workDir("purge-case");
        Path source = Trees.sample(work.resolve("src"));
        Path config = configFor(work, "purge-case", List.of(source), "remove_all_but_n_full: 1\n");
        String yaml = Files.readString(config).replace("full_if_older_than: 1M", "full_if_older_than: 1s");
        Files.writeString(config, yaml);

        assertEquals(0, runOnce(work, config).exitCode());
        List<String> firstFull = manifests("purge-case", source, "full");
        Instant firstFullTime = BACKUP_TIME.parse(firstFull.get(0).replaceAll(".*duplicity-full\\.(\\w+)\\..*", "$1"),
                Instant::from);
        // duplicity counts whole seconds: the first full is older than 1s once the clock is 2 s past it
        Conditions.await(() -> Instant.now().getEpochSecond() >= firstFullTime.getEpochSecond() + 2,
                "the first full backup is older than 1s");
        Files.writeString(source.resolve("readme.txt"), "second full\n");
        AppProcess.Result second = runOnce(work, config);

        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(second.text().contains("purge ok"), second::toString);
        List<String> kept = manifests("purge-case", source, "full");
        assertEquals(1, kept.size(), () -> env.s3.keys("purge-case").toString());
        assertFalse(kept.equals(firstFull), "the first full chain was kept instead of the second");
    }

    @Test
    void dryRunLeavesTheBucketUntouched() throws Exception {
        Path work = workDir("dry-run-case");
        Path source = Trees.sample(work.resolve("src"));
        Path config = configFor(work, "dry-run-case", List.of(source), "remove_all_but_n_full: 1\n");
        assertEquals(0, runOnce(work, config).exitCode());
        List<String> before = env.s3.keys("dry-run-case");
        Files.writeString(source.resolve("readme.txt"), "changed before the dry run\n");

        AppProcess.Result dry = run(work, config, "--dry-run");

        assertEquals(0, dry.exitCode(), dry::toString);
        assertTrue(dry.text().contains("dry run"), dry::toString);
        assertEquals(before, env.s3.keys("dry-run-case"));
    }

    @Test
    void aMissingSourceDirFailsAloneWhileTheOthersAreBackedUp() throws Exception {
        Path work = workDir("partial-case");
        Path first = Trees.sample(work.resolve("first"));
        Path missing = work.resolve("not there");
        Path last = Trees.sample(work.resolve("last"));
        Path config = configFor(work, "partial-case", List.of(first, missing, last), "remove_all_but_n_full: 2\n");

        AppProcess.Result run = runOnce(work, config);

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, manifests("partial-case", first, "full").size(), run::toString);
        assertEquals(1, manifests("partial-case", last, "full").size(), run::toString);
        assertTrue(run.text().contains("Failed dirs: " + missing), run::toString);
        assertTrue(run.text().contains("[" + missing + "] FAILED"), run::toString);
        assertTrue(run.text().contains("[" + first + "] ok in"), run::toString);
        assertFalse(run.text().contains("[" + missing + "] purge started"), run::toString);
    }

    @Test
    void credentialsInTheAwsSharedFormatWorkLikeTheBotoFormat() throws Exception {
        Path work = workDir("shared-format-case");
        Path source = Trees.sample(work.resolve("src"));
        Path shared = BackupEnvironment.privateFile(work.resolve("credentials"), List.of(
                "[default]",
                "aws_access_key_id = " + S3ProxyServer.ACCESS_KEY,
                "aws_secret_access_key = " + S3ProxyServer.SECRET_KEY));
        Path config = configFor(work, "shared-format-case", List.of(source), "");
        BackupEnvironment.useCredentials(config, shared);

        AppProcess.Result run = runOnce(work, config);

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1, manifests("shared-format-case", source, "full").size());
    }

    @Test
    void wrongCredentialsFailTheRunAndTheSecretIsNeverPrinted() throws Exception {
        Path work = workDir("wrong-key-case");
        Path source = Trees.sample(work.resolve("src"));
        String wrongSecret = "wrong-secret-value-0123456789";
        Path wrong = BackupEnvironment.privateFile(work.resolve("bad_credentials"), List.of(
                "[Credentials]",
                "aws_access_key_id = " + S3ProxyServer.ACCESS_KEY,
                "aws_secret_access_key = " + wrongSecret));
        Path config = configFor(work, "wrong-key-case", List.of(source),
                "duplicity_options: [\"--num-retries\", \"1\"]\n");
        BackupEnvironment.useCredentials(config, wrong);

        AppProcess.Result run = runOnce(work, config);

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(env.s3.keys("wrong-key-case").isEmpty());
        assertFalse(run.text().contains(wrongSecret), "the secret appeared in the output");
        assertFalse(run.text().contains(S3ProxyServer.SECRET_KEY), "a secret appeared in the output");
    }
}
