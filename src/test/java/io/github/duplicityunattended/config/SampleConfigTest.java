package io.github.duplicityunattended.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code config.sample.yaml} loads. The sample names absolute paths of a real host (the credentials file,
 * a GnuPG home); the test puts a private credentials file and a GnuPG dir in a temporary dir and points
 * the sample's text at them, changing nothing else. So it proves the keys, values and YAML of the sample
 * are valid, not that those paths exist on this machine.
 */
class SampleConfigTest {

    private static final String CREDENTIALS = "/etc/duplicity-unattended/aws_credentials";
    private static final String GPG_HOME = "/root/.gnupg";

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();
    Path credentials;

    @BeforeEach
    void fixture() {
        credentials = f.credentials("aws_credentials", ConfigPathsTest.BOTO);
    }

    private String withTestPaths(String sample) throws Exception {
        assertTrue(sample.contains(CREDENTIALS), "the sample no longer names " + CREDENTIALS + "; update this test");
        return sample.replace(CREDENTIALS, credentials.toString())
                .replace(GPG_HOME, Files.createDirectories(f.dir.resolve("gnupg")).toString());
    }

    @Test
    void theSampleLoadsAsShipped() throws Exception {
        Config config = f.load(withTestPaths(SampleConfig.text()));

        assertEquals("s3+http://my-host-backup", config.bucketUrl());
        assertEquals(3, config.backupDirs().size());
        assertEquals(credentials, config.awsCredentials().orElseThrow().path());
        assertEquals(Optional.empty(), config.monitor().sender(), "the monitor is commented out");
    }

    @Test
    void theSampleLoadsWithEveryCommentedOutSettingSwitchedOn() throws Exception {
        String everySettingOn = withTestPaths(SampleConfig.everySettingOn());
        Config config = f.load(everySettingOn);

        assertEquals(Optional.of(f.dir.resolve("gnupg")), config.gpgHome());
        assertTrue(config.monitor().mailsReports(), "the monitor example sets sender and recipient");
        assertEquals(ConfigSchema.KEYS.size(), ConfigSchema.KEYS.stream().map(ConfigSchema.Key::name)
                .filter(SampleConfig.keyNames(everySettingOn)::contains).count(), "every key is set");
    }
}
