package io.github.duplicityunattended.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both vintages of the original's {@code config.yaml} load unchanged: the 2019–2021 form ({@code s3_url}, no
 * {@code cloud}) and the 2022 form ({@code cloud} + {@code bucket_url}, for aws and for gcp). The fixtures in
 * {@code src/test/resources/original-configs} are laid out as the original's sample of each vintage: the same
 * keys, order, comments and YAML. They name the original's credentials path; the aws tests point that one path
 * at a private file in a temporary dir, changing nothing else.
 */
class OriginalConfigsTest {

    static final Path FIXTURES = Path.of("src/test/resources/original-configs");
    private static final String CREDENTIALS = "/etc/duplicity-unattended/aws_credentials";

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    private static String fixture(String name) throws IOException {
        return Files.readString(FIXTURES.resolve(name));
    }

    private Config loadWithPrivateCredentials(String name) throws Exception {
        String text = fixture(name);
        assertTrue(text.contains(CREDENTIALS), name + " no longer names " + CREDENTIALS);
        Path credentials = f.credentials("aws_credentials", ConfigPathsTest.BOTO);
        return f.load(text.replace(CREDENTIALS, credentials.toString()));
    }

    private static void assertTheOriginalsDirs(Config config) {
        assertEquals(List.of(
                new BackupDir("/home/alice", List.of("/home/alice/Downloads/keep-this.iso"), List.of(
                        "/**/[Cc]ache", "/**/.cache", "/**/Trash", "/home/alice/VirtualBox VMs",
                        "/home/alice/.local/share/virtualenvs", "/home/alice/Downloads")),
                BackupDir.of("/etc"),
                BackupDir.of("/var/lib/unifi")), config.backupDirs());
        assertEquals("0302EC6D2613E4936532366CB48526BB511A0E34", config.gpgKeyId());
        assertEquals("1M", config.fullIfOlderThan());
        assertEquals(OptionalInt.of(3), config.removeAllButNFull());
    }

    @Test
    void the2019FormWithS3UrlAndNoCloudLoadsAsAwsAndNotesTheOldName() throws Exception {
        Config config = loadWithPrivateCredentials("config-2019.yaml");

        assertEquals(Cloud.AWS, config.cloud());
        assertEquals("s3+http://my-host-backup", config.bucketUrl());
        assertEquals(Optional.of("my-host-backup"), config.bucketName());
        assertEquals(AwsCredentialsFile.Format.BOTO, config.awsCredentials().orElseThrow().format());
        assertTheOriginalsDirs(config);
        assertEquals(List.of(f.problem("s3_url: is the old name of bucket_url; read as bucket_url"
                + " (nothing else to change)")), config.notices());
    }

    @Test
    void the2022FormWithCloudAndBucketUrlLoadsWithNothingToNote() throws Exception {
        Config config = loadWithPrivateCredentials("config-2022.yaml");

        assertEquals(Cloud.AWS, config.cloud());
        assertEquals("s3+http://my-host-backup", config.bucketUrl());
        assertTheOriginalsDirs(config);
        assertEquals(List.of(), config.notices());
    }

    @Test
    void the2022FormForGcpLoadsAsItIsAndIgnoresTheAwsCredentialsFileAsTheOriginalDid() throws Exception {
        Config config = f.load(fixture("config-2022-gcp.yaml"));

        assertEquals(Cloud.GCP, config.cloud());
        assertEquals("gs://my-host-backup", config.bucketUrl());
        assertEquals(Optional.empty(), config.awsCredentials(), "not read, not given to duplicity");
        assertTheOriginalsDirs(config);
        assertEquals(List.of(f.problem("aws_config_file: ignored with cloud: gcp, as the original did")),
                config.notices());
    }
}
