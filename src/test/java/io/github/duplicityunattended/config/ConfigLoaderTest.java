package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    @Test
    void theOriginalSampleConfigLoadsUnchanged() throws Exception {
        Path credentials = f.credentials("aws_credentials", """
                [Credentials]
                aws_access_key_id = AKIAIOSFODNN7EXAMPLE
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                """);
        Config config = f.load("""
                ########################################################################
                # Duplicity host backup.
                ########################################################################

                # Cloud provider.
                cloud: aws

                # GnuPG key ID used for encryption and signing.
                gpg_key_id: 8F3A61C2B49D07E5A1C4F92D6B0E38A7C51D94F2

                # S3 bucket name and optional prefix in duplicity URL format.
                bucket_url: s3+http://my-host-backup

                # Full backup when the last one is older than this. duplicity time format.
                full_if_older_than: 1M

                # Purge old backups, keeping the last 2 full ones.
                remove_all_but_n_full: 2

                # AWS credentials file.
                aws_config_file: %s

                # Dirs to back up: an absolute source and optional duplicity include/exclude patterns.
                backup_dirs:
                  - source: /home/alice
                    includes:
                      - /home/alice/Downloads/keep-this.iso
                    excludes:
                      - /**/[Cc]ache
                      - /**/.cache
                      - /home/alice/VirtualBox VMs
                      - /home/alice/Downloads
                  - source: /etc
                  - source: /var/lib/unifi
                """.formatted(credentials));

        assertEquals(Cloud.AWS, config.cloud());
        assertEquals("8F3A61C2B49D07E5A1C4F92D6B0E38A7C51D94F2", config.gpgKeyId());
        assertEquals("s3+http://my-host-backup", config.bucketUrl());
        assertEquals("1M", config.fullIfOlderThan());
        assertEquals(OptionalInt.of(2), config.removeAllButNFull());
        assertEquals(credentials, config.awsCredentials().orElseThrow().path());
        assertEquals(AwsCredentialsFile.Format.BOTO, config.awsCredentials().orElseThrow().format());
        assertEquals(List.of(
                new BackupDir("/home/alice", List.of("/home/alice/Downloads/keep-this.iso"), List.of(
                        "/**/[Cc]ache", "/**/.cache", "/home/alice/VirtualBox VMs", "/home/alice/Downloads")),
                BackupDir.of("/etc"),
                BackupDir.of("/var/lib/unifi")), config.backupDirs());
        assertEquals(Optional.of("my-host-backup"), config.bucketName());
    }

    @Test
    void theNewKeysAllHaveDefaults() throws Exception {
        Config config = f.load(valid());

        assertEquals(OptionalInt.empty(), config.removeAllButNFull(), "absent means never purge");
        assertEquals(Optional.empty(), config.awsCredentials());
        assertEquals("0 0 2 * * ?", config.schedule(), "daily at 02:00");
        assertEquals(Optional.empty(), config.s3EndpointUrl());
        assertEquals(Optional.empty(), config.awsRegion());
        assertEquals(Optional.empty(), config.gpgHome());
        assertEquals(Path.of("/home/backup/.cache/duplicity"), config.archiveDir());
        assertEquals(List.of(), config.duplicityOptions());
        assertEquals("duplicity", config.duplicityPath());
        assertEquals(Duration.ofHours(24), config.timeout());
        assertEquals(Duration.ofMinutes(10), config.lockWait());
        assertEquals(new MonitorConfig(List.of(MonitorConfig.Bucket.named("my-host-backup")), Optional.empty(),
                List.of(), 7, "0 0 8 * * ?", List.of(), 8), config.monitor());
        assertEquals(Optional.empty(), config.sesEndpointUrl());
    }

    @Test
    void reportsEveryProblemAtOnceWithFileAndDottedPath() {
        List<String> problems = f.problems("""
                cloud: azure
                bucket_url: my-host-backup
                full_if_older_than: 1 month
                remove_all_but_n_full: 0
                backup_dirs:
                  - source: /home
                  - source: etc
                    exclude: [/etc/shadow]
                monitor:
                  sender: backup@example.com
                  max_age_days: 0
                """);

        assertEquals(List.of(
                f.problem("cloud: must be aws or gcp, not 'azure'"),
                f.problem("gpg_key_id: is required"),
                f.problem("bucket_url: must be a duplicity URL such as s3+http://my-bucket, not 'my-host-backup'"),
                f.problem("full_if_older_than: must be a duplicity time such as 7D, 2W or 1M"
                        + " (units s, m, h, D, W, M, Y; m is minutes, M is months), not '1 month'"),
                f.problem("remove_all_but_n_full: must be a whole number of at least 1, not '0'"),
                f.problem("backup_dirs[1].exclude: unknown key (did you mean excludes?)"),
                f.problem("backup_dirs[1].source: must be an absolute path, not 'etc'"),
                f.problem(MonitorSectionTest.RECIPIENT_REQUIRED),
                f.problem("monitor.max_age_days: must be a whole number of at least 1, not '0'")), problems);
    }

    @Test
    void everyMissingRequiredKeyIsNamed() {
        assertEquals(List.of(
                f.problem("gpg_key_id: is required"),
                f.problem("bucket_url: is required"),
                f.problem("full_if_older_than: is required"),
                f.problem("backup_dirs: is required")), f.problems("remove_all_but_n_full: 2\n"));
    }

    /** The top-level keys the schema marks required; the loader asks the schema, so these are the ones it requires. */
    static Stream<String> requiredKeys() {
        return ConfigSchema.KEYS.stream().filter(ConfigSchema.Key::required).map(ConfigSchema.Key::name)
                .filter(ConfigSchema.childrenOf("")::contains);
    }

    @Test
    void theRequiredKeysAreThoseOfTheOriginal() {
        assertEquals(List.of("gpg_key_id", "bucket_url", "full_if_older_than", "backup_dirs"), requiredKeys().toList());
    }

    @ParameterizedTest
    @MethodSource("requiredKeys")
    void aKeyTheSchemaRequiresIsRequiredWhenAbsentOrWithoutValue(String key) {
        assertEquals(List.of(f.problem(key + ": is required")), f.problems(valid().without(key)));
        assertEquals(List.of(f.problem(key + ": is required")), f.problems(valid().set(key, "")));
        assertEquals(List.of(f.problem(key + ": is required")), f.problems(valid().set(key, "~")));
    }

    @Test
    void cloudMayBeLeftOutAsInTheOriginals2019FormAndIsThenAws() throws Exception {
        assertEquals(Cloud.AWS, f.load(valid().without("cloud")).cloud());
        assertEquals(Cloud.AWS, f.load(valid().set("cloud", "~")).cloud());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpg_key_id", "bucket_url", "full_if_older_than"})
    void aRequiredKeySetToAnEmptyStringMustNotBeEmpty(String key) {
        assertEquals(List.of(f.problem(key + ": must not be empty")), f.problems(valid().set(key, "\"  \"")));
    }

    @Test
    void aSingleValueGivenAsAListOrMappingIsRefused() {
        assertEquals(List.of(
                f.problem("gpg_key_id: must be a single value, not a list"),
                f.problem("full_if_older_than: must be a single value, not a mapping")),
                f.problems(valid().set("gpg_key_id", "[A1B2, C3D4]").set("full_if_older_than", "{months: 1}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00112233", "0x1F2E3D4C", "0011223344556677", "0302ec6d2613e4936532366cb48526bb511a0e34"})
    void aKeyIdIsKeptExactlyAsWrittenIncludingLeadingZeros(String keyId) throws Exception {
        assertEquals(keyId, f.load(valid().set("gpg_key_id", keyId)).gpgKeyId());
    }

    @Test
    void unknownKeySuggestsTheClosestKnownOne() {
        assertEquals(List.of(f.problem("remove_all_but_n_ful: unknown key (did you mean remove_all_but_n_full?)")),
                f.problems(valid().set("remove_all_but_n_ful", "2")));
    }

    @Test
    void unknownKeyLikeNoKnownOneListsTheKnownKeys() {
        assertEquals(List.of(f.problem("retention: unknown key; known keys: archive_dir, aws_config_file, aws_region,"
                + " backup_dirs, bucket_url, cloud, duplicity_options, duplicity_path, full_if_older_than,"
                + " gpg_home, gpg_key_id, hooks, lock_wait, log_level, metrics, monitor, notify, parallel,"
                + " remove_all_but_n_full, s3_endpoint_url, schedule, ses_endpoint_url, timeout, verify")),
                f.problems(valid().set("retention", "2")));
    }

    @Test
    void theS3UrlKeyOfOlderVersionsIsReadAsBucketUrlAndNotedOnce() throws Exception {
        Config config = f.load(valid().without("bucket_url").set("s3_url", "s3+http://my-host-backup"));

        assertEquals("s3+http://my-host-backup", config.bucketUrl());
        assertEquals(List.of(f.problem("s3_url: is the old name of bucket_url; read as bucket_url"
                + " (nothing else to change)")), config.notices());
        assertEquals(List.of(), f.load(valid()).notices(), "a config in today's form has nothing to note");
    }

    @Test
    void s3UrlAndBucketUrlTogetherAreRefused() {
        assertEquals(List.of(f.problem("s3_url: is the old name of bucket_url, which is set too: keep one of them")),
                f.problems(valid().set("s3_url", "s3+http://other-bucket")));
    }

    @Test
    void aProblemWithTheValueOfS3UrlNamesS3Url() {
        assertEquals(List.of(f.problem("s3_url: must be a duplicity URL such as s3+http://my-bucket, not 'my-bucket'")),
                f.problems(valid().without("bucket_url").set("s3_url", "my-bucket")));
    }

    @Test
    void aKeyGivenTwiceIsReportedAtItsSecondPlace() {
        assertEquals(List.of(
                f.problem("full_if_older_than: is given twice"),
                f.problem("backup_dirs[0].source: is given twice")),
                f.problems(valid().set("backup_dirs", "- source: /etc\n  source: /home") + "full_if_older_than: 7D\n"));
    }

    @Test
    void aKeyThatIsNotAPlainNameIsRefused() {
        assertEquals(List.of(f.problem("has a list as a key; keys are plain names"),
                f.problem("monitor: has a mapping as a key; keys are plain names")),
                f.problems(valid() + "? [a, b]\n: c\nmonitor:\n  ? {max_age_days: 1}\n  : 2\n"));
    }

    @Test
    void aMissingFileIsReportedAsNoSuchFile() {
        assertEquals(List.of(f.file + ": cannot read the config file (no such file)"), f.problemsOfFile());
    }

    @Test
    void aDirectoryIsReportedAsNotAFile() throws IOException {
        Files.createDirectory(f.file);
        assertEquals(List.of(f.file + ": cannot read the config file (permission denied or not a file)"),
                f.problemsOfFile());
    }

    @Test
    void badYamlIsReportedWithLineAndColumnWithoutTheParsersSnippet() {
        assertEquals(List.of(f.problem("not valid YAML at line 3, column 1: while parsing a flow sequence,"
                + " expected ',' or ']', but got <stream end>")), f.problems("cloud: aws\nbackup_dirs: [/etc\n"));
    }

    @Test
    void aTabIsReportedWhereItStands() {
        assertEquals(List.of(f.problem("not valid YAML at line 2, column 1: while scanning for the next token,"
                + " found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)")),
                f.problems("backup_dirs:\n\t- source: /etc\n"));
    }

    @Test
    void twoYamlDocumentsInOneFileAreRefused() {
        assertEquals(List.of(f.problem("not valid YAML at line 7, column 1: expected a single document in the"
                + " stream, but found another document")), f.problems(valid() + "---\ncloud: aws\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# every line commented out\n# cloud: aws\n", "---\n", "~\n"})
    void anEmptyFileIsReportedAsEmpty(String text) {
        assertEquals(List.of(f.problem("the config file is empty")), f.problems(text));
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() {
        assertEquals(List.of(f.problem("must be a mapping of keys to values, not a list")),
                f.problems("- cloud: aws\n"));
        assertEquals(List.of(f.problem("must be a mapping of keys to values, not a value")),
                f.problems("cloud aws\n"));
    }

    @Test
    void aFileThatIsNotUtf8IsReportedWithTheLineToFix() throws IOException {
        Files.write(f.file, "cloud: aws\n# Sicherung f\u00fcr alle\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(f.problem("is not UTF-8 text (line 2); save it as UTF-8")), f.problemsOfFile());
    }

    @Test
    void aByteOrderMarkAtTheStartIsAccepted() throws Exception {
        assertEquals(Cloud.AWS, f.load("\uFEFF" + valid()).cloud());
    }
}
