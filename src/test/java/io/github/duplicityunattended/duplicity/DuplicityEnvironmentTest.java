package io.github.duplicityunattended.duplicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.testsupport.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicityEnvironmentTest {

    @TempDir
    Path tmp;

    private static final Map<String, String> INHERITED = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root",
            "AWS_ACCESS_KEY_ID", "AKIAOTHER", "AWS_SECRET_ACCESS_KEY", "other-secret", "AWS_SESSION_TOKEN", "t",
            "AWS_PROFILE", "other", "BOTO_CONFIG", "/root/.boto", "AWS_SHARED_CREDENTIALS_FILE", "/root/.aws/other");

    private Config withCredentials(String text) throws Exception {
        Path file = tmp.resolve("aws_credentials");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return Configs.load(tmp, """
                gpg_key_id: 0123ABCD
                bucket_url: boto3+s3://my-host-backup
                full_if_older_than: 1M
                aws_config_file: aws_credentials
                backup_dirs:
                  - source: /etc
                """);
    }

    @Test
    void withACredentialsFileNoCredentialsFromTheEnvironmentReachDuplicity() throws Exception {
        Map<String, String> env = DuplicityEnvironment.of(withCredentials(
                "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = s\n"), INHERITED);
        assertEquals(Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "PASSPHRASE", "",
                "AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("aws_credentials").toString()), env);
    }

    @Test
    void aBotoFormatFileIsGivenAsBotoConfigAndNoSharedCredentialsFileComesBeforeIt() throws Exception {
        Map<String, String> env = DuplicityEnvironment.of(withCredentials(
                "[Credentials]\naws_access_key_id = AKIAFILE\naws_secret_access_key = s\n"), INHERITED);
        assertEquals(tmp.resolve("aws_credentials").toString(), env.get("BOTO_CONFIG"));
        assertEquals("/dev/null", env.get("AWS_SHARED_CREDENTIALS_FILE"));
        assertFalse(env.containsKey("AWS_ACCESS_KEY_ID"));
        assertFalse(env.containsKey("AWS_PROFILE"));
    }

    @Test
    void withoutACredentialsFileTheEnvironmentsCredentialsAreTheOnesUsed() throws Exception {
        Config config = Configs.load(tmp, """
                gpg_key_id: 0123ABCD
                bucket_url: boto3+s3://my-host-backup
                full_if_older_than: 1M
                backup_dirs:
                  - source: /etc
                """);
        Map<String, String> env = DuplicityEnvironment.of(config, INHERITED);
        assertEquals("AKIAOTHER", env.get("AWS_ACCESS_KEY_ID"));
        assertEquals("", env.get("PASSPHRASE"));
    }
}
