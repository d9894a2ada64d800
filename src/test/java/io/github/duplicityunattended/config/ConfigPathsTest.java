package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paths in the config: resolved against the config file's dir, {@code ~} from HOME, defaults from XDG. */
class ConfigPathsTest {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String BOTO = "[Credentials]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = "
            + SECRET + "\n";

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    @Test
    void relativePathsAreResolvedAgainstTheConfigFilesDir() throws Exception {
        f.credentials("secrets/aws_credentials", BOTO);
        Files.createDirectories(f.dir.resolve("gnupg"));
        Config config = f.load(valid()
                .set("aws_config_file", "secrets/aws_credentials")
                .set("gpg_home", "./gnupg")
                .set("archive_dir", "cache/../duplicity-cache"));

        assertEquals(f.dir.resolve("secrets/aws_credentials"), config.awsCredentials().orElseThrow().path());
        assertEquals(Optional.of(f.dir.resolve("gnupg")), config.gpgHome());
        assertEquals(f.dir.resolve("duplicity-cache"), config.archiveDir());
    }

    @Test
    void aTildeIsTheHomeOfTheEnvironment() throws Exception {
        Path home = Files.createDirectories(f.dir.resolve("home"));
        Files.createDirectories(home.resolve(".gnupg"));
        ConfigFixture withHome = f.withEnvironment(Map.of("HOME", home.toString()));
        Config config = withHome.load(valid().set("gpg_home", "~/.gnupg").set("archive_dir", "'~'"));

        assertEquals(Optional.of(home.resolve(".gnupg")), config.gpgHome());
        assertEquals(home, config.archiveDir());
    }

    @Test
    void aPlainTildeIsYamlForNoValueSoTheDefaultApplies() throws Exception {
        assertEquals(Optional.empty(), f.load(valid().set("gpg_home", "~")).gpgHome());
    }

    @Test
    void aTildeInsideAPathIsNoHome() throws Exception {
        assertEquals(f.dir.resolve("cache/~/x"), f.load(valid().set("archive_dir", "cache/~/x")).archiveDir());
    }

    @Test
    void gpgHomeThatIsNoDirIsRefused() throws Exception {
        Files.writeString(f.dir.resolve("a-file"), "");
        assertEquals(List.of(
                f.problem("gpg_home: " + f.dir.resolve("missing") + " is not a directory")),
                f.problems(valid().set("gpg_home", "missing")));
        assertEquals(List.of(f.problem("gpg_home: " + f.dir.resolve("a-file") + " is not a directory")),
                f.problems(valid().set("gpg_home", "a-file")));
    }

    @Test
    void theDefaultArchiveDirIsInXdgCacheHome() throws Exception {
        ConfigFixture xdg = f.withEnvironment(Map.of("HOME", "/home/backup", "XDG_CACHE_HOME", "/var/cache/b"));
        assertEquals(Path.of("/var/cache/b/duplicity"), xdg.load(valid()).archiveDir());
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnoredAsTheXdgSpecificationSays() throws Exception {
        ConfigFixture xdg = f.withEnvironment(Map.of("HOME", "/home/backup", "XDG_CACHE_HOME", "cache"));
        assertEquals(Path.of("/home/backup/.cache/duplicity"), xdg.load(valid()).archiveDir());
    }

    @Test
    void withoutXdgCacheHomeTheArchiveDirIsInHome() throws Exception {
        assertEquals(Path.of("/home/backup/.cache/duplicity"), f.load(valid()).archiveDir());
    }

    @Test
    void theCredentialsFileIsReadAndItsSecretNeverShown() throws Exception {
        Path file = f.credentials("aws_credentials", BOTO);
        Config config = f.load(valid().set("aws_config_file", file.toString()));

        AwsCredentialsFile credentials = config.awsCredentials().orElseThrow();
        assertEquals(SECRET, credentials.secretAccessKey());
        assertFalse(config.toString().contains(SECRET), config::toString);
    }

    @ParameterizedTest
    @CsvSource({"rw-r--r--, 644", "rw-r-----, 640", "rw--w----, 620", "rw----r--, 604", "rwx---rwx, 707"})
    void aCredentialsFileOthersMayReadIsRefusedWithTheChmodThatFixesIt(String permissions, String mode) {
        Path file = f.credentials("aws_credentials", BOTO);
        ConfigFixture.chmod(file, permissions);
        List<String> problems = f.problems(valid().set("aws_config_file", "aws_credentials"));

        assertEquals(List.of(f.problem("aws_config_file: " + file + " has mode " + mode
                + ": group or others may read or change it; run: chmod 600 " + file)), problems);
        assertFalse(problems.toString().contains(SECRET));
    }

    @Test
    void aMissingCredentialsFileIsRefused() {
        assertEquals(List.of(f.problem("aws_config_file: " + f.dir.resolve("nope")
                + " does not exist or is not a regular file")), f.problems(valid().set("aws_config_file", "nope")));
    }

    @Test
    void aCredentialsFileWithoutTheSecretIsRefusedWithoutQuotingIt() {
        f.credentials("aws_credentials", "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n");
        assertEquals(List.of(f.problem("aws_config_file: " + f.dir.resolve("aws_credentials")
                + " section [default] sets no aws_secret_access_key")),
                f.problems(valid().set("aws_config_file", "aws_credentials")));
    }
}
