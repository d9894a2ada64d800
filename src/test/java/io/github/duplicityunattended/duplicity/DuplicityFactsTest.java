package io.github.duplicityunattended.duplicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.testsupport.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version parsing, statistics parsing and the environment duplicity runs in. */
class DuplicityFactsTest {

    @TempDir
    Path tmp;

    @Test
    void versionsAreReadFromDuplicitysOwnWords() {
        assertEquals(Optional.of(new DuplicityVersion(0, 8, 22)), DuplicityVersion.parse("duplicity 0.8.22"));
        assertEquals(Optional.of(new DuplicityVersion(2, 1, 0)), DuplicityVersion.parse("duplicity 2.1"));
        assertEquals(Optional.of(new DuplicityVersion(3, 0, 4)),
                DuplicityVersion.parse("duplicity 3.0.4 February 08, 2025"));
        assertEquals(Optional.empty(), DuplicityVersion.parse("command not found"));
        assertTrue(new DuplicityVersion(2, 0, 0).hasBoto3AsS3Scheme());
        assertTrue(!new DuplicityVersion(0, 8, 22).hasBoto3AsS3Scheme());
    }

    @Test
    void eachDuplicityIsGivenTheOptionNamesItTakes() {
        DuplicityVersion debian12 = new DuplicityVersion(0, 8, 22);
        DuplicityVersion backports = new DuplicityVersion(2, 1, 4);
        DuplicityVersion debian13 = new DuplicityVersion(3, 0, 4);
        assertEquals(List.of("--s3-use-ia"), debian12.storageClassOptions());
        assertEquals(List.of("--s3-use-ia"), backports.storageClassOptions());
        assertEquals(List.of("--s3-use-ia"), debian13.storageClassOptions());
        assertEquals("--file-to-restore", debian12.restoreOption());
        assertEquals("--path-to-restore", backports.restoreOption());
        assertEquals("--path-to-restore", debian13.restoreOption());
    }

    @Test
    void statisticsAreTakenFromTheLastStatisticsBlock() {
        List<String> out = List.of(
                "Last full backup date: none",
                "--------------[ Backup Statistics ]--------------",
                "StartTime 1795711288.13 (Thu Nov 26 16:41:28 2026)",
                "SourceFiles 12",
                "NewFiles 3",
                "ChangedFiles 2",
                "DeletedFiles 1",
                "RawDeltaSize 2048 (2.00 KB)",
                "TotalDestinationSizeChange 900 (900 bytes)",
                "Errors 1",
                "-------------------------------------------------");
        assertEquals(Optional.of(new BackupStatistics(12, 6, 2048, 900, 1)), BackupStatistics.parse(out));
        assertEquals("files 12, changed 6, bytes changed 2.0 KiB, stored 900 B, errors 1",
                BackupStatistics.parse(out).orElseThrow().toString());
        assertEquals(Optional.empty(), BackupStatistics.parse(List.of("No old backup sets found")));
    }

    @Test
    void duplicityKeepsPathAndHomeAndGetsAnEmptyPassphraseAndTheCredentialsFile() throws Exception {
        Path creds = tmp.resolve("aws_credentials");
        Files.writeString(creds, "[Credentials]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = s3cr3t\n");
        Files.setPosixFilePermissions(creds, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(tmp.resolve("gnupg"));
        Config config = Configs.load(tmp, Configs.original()
                + "aws_config_file: aws_credentials\ngpg_home: gnupg\naws_region: eu-west-1\n");
        Map<String, String> env = DuplicityEnvironment.of(config,
                Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "AWS_SHARED_CREDENTIALS_FILE", "/elsewhere"));
        assertEquals(Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "PASSPHRASE", "",
                "BOTO_CONFIG", creds.toString(), "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
                "GNUPGHOME", tmp.resolve("gnupg").toString(), "AWS_DEFAULT_REGION", "eu-west-1"), env);
        assertTrue(env.values().stream().noneMatch(v -> v.contains("s3cr3t")));
    }

    @Test
    void awsSharedCredentialsArePassedAsAwsSharedCredentialsFile() throws Exception {
        Path creds = tmp.resolve("credentials");
        Files.writeString(creds, "[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = s3cr3t\n");
        Files.setPosixFilePermissions(creds, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Config config = Configs.load(tmp, Configs.original() + "aws_config_file: credentials\n");
        Map<String, String> env = DuplicityEnvironment.of(config, Map.of("BOTO_CONFIG", "/etc/boto.cfg"));
        assertEquals(creds.toString(), env.get("AWS_SHARED_CREDENTIALS_FILE"));
        assertTrue(!env.containsKey("BOTO_CONFIG"));
    }

    @Test
    void withAnEndpointBoto3SendsAndChecksChecksumsOnlyWhereRequiredUnlessTheUserChoseOtherwise() throws Exception {
        Config endpoint = Configs.load(tmp, Configs.original() + "s3_endpoint_url: http://127.0.0.1:9000\n");
        Map<String, String> env = DuplicityEnvironment.of(endpoint, Map.of());
        assertEquals("when_required", env.get("AWS_REQUEST_CHECKSUM_CALCULATION"));
        assertEquals("when_required", env.get("AWS_RESPONSE_CHECKSUM_VALIDATION"));

        Map<String, String> chosen = DuplicityEnvironment.of(endpoint,
                Map.of("AWS_REQUEST_CHECKSUM_CALCULATION", "when_supported"));
        assertEquals("when_supported", chosen.get("AWS_REQUEST_CHECKSUM_CALCULATION"));
        assertEquals("when_required", chosen.get("AWS_RESPONSE_CHECKSUM_VALIDATION"));
    }

    @Test
    void onAwsItselfBoto3KeepsItsOwnChecksumDefaults() throws Exception {
        Map<String, String> env = DuplicityEnvironment.of(Configs.load(tmp, Configs.original()), Map.of());
        assertTrue(!env.containsKey("AWS_REQUEST_CHECKSUM_CALCULATION"), env::toString);
        assertTrue(!env.containsKey("AWS_RESPONSE_CHECKSUM_VALIDATION"), env::toString);
    }
}
