package io.github.duplicityunattended.duplicity;

import io.github.duplicityunattended.config.Config;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of every duplicity process: this process's own (PATH and HOME kept, unlike the
 * original), plus an empty PASSPHRASE for the passphrase-less key and pointers to the credentials
 * file, GnuPG home and region. Values are file paths and names, never secrets.
 */
public final class DuplicityEnvironment {

    private DuplicityEnvironment() {
    }

    public static Map<String, String> of(Config config, Map<String, String> inherited) {
        Map<String, String> env = new HashMap<>(inherited);
        env.put("PASSPHRASE", "");
        config.awsCredentials().ifPresent(c -> {
            env.remove("BOTO_CONFIG");
            env.remove("AWS_SHARED_CREDENTIALS_FILE");
            env.put(c.format().environmentVariable(), c.path().toString());
        });
        config.gpgHome().ifPresent(home -> env.put("GNUPGHOME", home.toString()));
        config.awsRegion().ifPresent(region -> env.put("AWS_DEFAULT_REGION", region));
        return Map.copyOf(env);
    }
}
