package io.github.duplicityunattended.duplicity;

import io.github.duplicityunattended.config.Config;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of every duplicity process: this process's own (PATH and HOME kept, unlike the
 * original), plus an empty PASSPHRASE for the passphrase-less key and pointers to the credentials
 * file, GnuPG home and region. Values are file paths and names, never secrets.
 *
 * <p>With {@code s3_endpoint_url} (a store other than AWS) boto3 is asked to send and check checksums only
 * where the S3 API requires them: boto3 1.36 and later add checksum headers to every request by default,
 * and S3Proxy, older MinIO and Ceph and some hosted stores refuse them (duplicity 3 on Debian 13 has
 * boto3 1.37). A value the user's environment already sets is kept; AWS itself needs neither.
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
        if (config.s3EndpointUrl().isPresent()) {
            env.putIfAbsent("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
            env.putIfAbsent("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
        }
        return Map.copyOf(env);
    }
}
