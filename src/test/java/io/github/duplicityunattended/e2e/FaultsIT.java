package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import io.github.duplicityunattended.testsupport.Trees;
import io.github.duplicityunattended.testsupport.Unprivileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Faults a backup host meets, with real duplicity, GnuPG and S3Proxy: what the program does and says. */
class FaultsIT extends RealBackupTest {

    @Test
    void aDamagedCacheIsSetAsideAndTheNextBackupStillRestoresIdentically() throws Exception {
        Path work = workDir("damaged-cache");
        Path source = Trees.sample(work.resolve("src"));
        Path config = configFor(work, "damaged-cache", List.of(source), "");
        assertEquals(0, runOnce(work, config).exitCode());
        Path signatures;
        try (Stream<Path> files = Files.walk(work.resolve("cache"))) {
            signatures = files.filter(f -> f.getFileName().toString().endsWith(".sigtar.gz")).findFirst().orElseThrow();
        }
        Files.writeString(signatures, "garbage");
        Files.writeString(source.resolve("changed.txt"), "changed after the damage");

        AppProcess.Result r = runOnce(work, config);

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.text().contains("cannot be read (gzip.BadGzipFile"), r::toString);
        try (Stream<Path> dirs = Files.list(work.resolve("cache"))) {
            assertTrue(dirs.anyMatch(d -> d.getFileName().toString().contains(".damaged-")), "the damaged cache is kept");
        }
        assertRestoresIdentically("damaged-cache", source, work.resolve("restored"));
    }

    @Test
    void credentialsInTheProgramsEnvironmentDoNotOverrideTheConfiguredFile() throws Exception {
        Path work = workDir("environment-credentials");
        Path source = Trees.sample(work.resolve("src"));
        Path config = configFor(work, "environment-credentials", List.of(source), "");
        Path home = Files.createDirectories(work.resolve("home/.aws")).getParent();
        BackupEnvironment.privateFile(home.resolve(".aws/credentials"), List.of("[default]",
                "aws_access_key_id = AKIAWRONGWRONGWRONG1", "aws_secret_access_key = wrong"));

        AppProcess.Result r = AppProcess.run(work, Map.of("AWS_ACCESS_KEY_ID", "AKIAWRONGWRONGWRONG2",
                "AWS_SECRET_ACCESS_KEY", "wrong-too", "AWS_PROFILE", "default", "HOME", home.toString()),
                "--config", config.toString(), "--once");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, manifests("environment-credentials", source, "full").size());
    }

    @Test
    void validateNamesAMisspeltBucketAndCredentialsThatMayNotListIt() throws Exception {
        Path work = workDir("validate-target");
        Path source = Trees.sample(work.resolve("src"));
        Path config = configFor(work, "validate-target", List.of(source), "");
        String yaml = Files.readString(config);
        Files.writeString(config, yaml.replace("s3+http://validate-target", "s3+http://validate-targett"));

        AppProcess.Result misspelt = run(work, config, "--validate");
        assertEquals(2, misspelt.exitCode(), misspelt::toString);
        assertTrue(misspelt.text().contains("bucket_url: there is no bucket validate-targett"), misspelt::toString);

        Files.writeString(config, yaml);
        Path wrong = BackupEnvironment.privateFile(work.resolve("wrong_credentials"), List.of("[Credentials]",
                "aws_access_key_id = " + S3ProxyServer.ACCESS_KEY, "aws_secret_access_key = not-the-key"));
        BackupEnvironment.useCredentials(config, wrong);
        AppProcess.Result denied = run(work, config, "--validate");
        assertEquals(2, denied.exitCode(), denied::toString);
        assertTrue(denied.text().contains("aws_config_file: the credentials may not list bucket validate-target"),
                denied::toString);
        assertFalse(denied.text().contains("not-the-key"), "the secret was printed");
        assertTrue(env.s3.keys("validate-target").isEmpty(), "nothing was written");
    }

    @Test
    void aMissingKeyStopsTheRunBeforeAnyDuplicityCallWithExitTwo() throws Exception {
        Path work = workDir("missing-key");
        Path source = Trees.sample(work.resolve("src"));
        Path config = configFor(work, "missing-key", List.of(source), "");
        Files.writeString(config, Files.readString(config).replace(env.key.fingerprint(), "0123456789ABCDEF"));

        AppProcess.Result r = runOnce(work, config);

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.text().contains("gpg_key_id: no secret key 0123456789ABCDEF in the keyring"), r::toString);
        assertFalse(r.text().contains("Backup run started"), r::toString);
        assertTrue(env.s3.keys("missing-key").isEmpty());
    }

    @Test
    void filesDuplicityCannotReadMakeTheRunIncompleteWithExitThreeNamingThem() throws Exception {
        Path work = workDir("unreadable");
        Path source = Trees.sample(work.resolve("src"));
        Path secret = Files.writeString(source.resolve("secret.key"), "only root may read this");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Path config = configFor(work, "unreadable", List.of(source), "remove_all_but_n_full: 1\n");

        AppProcess.Result r = AppProcess.start(Unprivileged.prefix(), work, Map.of(), "--config", config.toString(),
                "--once").await(Duration.ofMinutes(5));

        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.text().contains("WARN  Backup run INCOMPLETE: 1 of 1 dirs backed up, 1 without files duplicity"
                + " could not read"), r::toString);
        assertTrue(r.text().contains("INCOMPLETE: 1 file(s) could not be read: " + secret + "; not purged"),
                r::toString);
    }

    @Test
    void aSourceDuplicitysUrlParsingWouldMoveIsRefusedByValidateAndByARun() throws Exception {
        Path work = workDir("unsafe-source");
        Path source = Files.createDirectories(work.resolve("www#old"));
        Path config = configFor(work, "unsafe-source", List.of(source), "");
        for (String action : List.of("--validate", "--once")) {
            AppProcess.Result r = run(work, config, action);
            assertEquals(2, r.exitCode(), r::toString);
            assertTrue(r.text().contains("backup_dirs[0].source: contains '#', which duplicity's URL parsing cuts off"),
                    r::toString);
        }
        assertTrue(env.s3.keys("unsafe-source").isEmpty());
    }
}
