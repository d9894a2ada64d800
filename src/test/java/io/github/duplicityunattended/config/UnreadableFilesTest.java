package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.testsupport.Unprivileged;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A config or credentials file this user may not read. Root reads every file, and CI runs as root: the loader
 * runs in a JVM of its own without the capabilities that bypass file permissions (setpriv, util-linux).
 */
@UsesInstalledTools
class UnreadableFilesTest {

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    @Test
    void aConfigFileThisUserMayNotReadIsReported() throws Exception {
        Files.writeString(f.file, valid().toString());
        ConfigFixture.chmod(f.file, "---------");
        assertEquals(f.problem("cannot read the config file (permission denied or not a file)"),
                Unprivileged.call(UnreadableFilesTest.class, "problemsOf", f.file.toString()));
    }

    @Test
    void aCredentialsFileThisUserMayNotReadIsRefused() throws Exception {
        Path file = f.credentials("aws_credentials", "[default]\n");
        ConfigFixture.chmod(file, "---------");
        assertEquals(file + " is not readable by this user",
                Unprivileged.call(UnreadableFilesTest.class, "problemOf", file.toString()));
    }

    /** What loading the config file reports, a problem a line. */
    static String problemsOf(String file) {
        try {
            new ConfigLoader(ConfigFixture.ENVIRONMENT).load(Path.of(file));
            return "no problem";
        } catch (ConfigException e) {
            return String.join("\n", e.problems());
        }
    }

    /** The problem reading the credentials file reports. */
    static String problemOf(String file) {
        return CredentialsFileReader.read(Path.of(file)).problem().orElse("no problem");
    }
}
