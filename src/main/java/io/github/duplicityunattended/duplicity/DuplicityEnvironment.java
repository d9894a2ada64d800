package io.github.duplicityunattended.duplicity;

import io.github.duplicityunattended.config.AwsCredentialsFile;
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

    /** Variables through which boto or boto3 would take credentials other than the configured file's. */
    static final java.util.List<String> OVERRIDING_CREDENTIALS = java.util.List.of("AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
            "BOTO_CONFIG", "BOTO_PATH", "AWS_SHARED_CREDENTIALS_FILE");

    private DuplicityEnvironment() {
    }

    public static Map<String, String> of(Config config, Map<String, String> inherited) {
        Map<String, String> env = new HashMap<>(inherited);
        env.put("PASSPHRASE", "");
        config.awsCredentials().ifPresent(c -> {
            // boto and boto3 prefer credentials in the environment to any file: with a file configured,
            // none from this process's environment may reach duplicity
            OVERRIDING_CREDENTIALS.forEach(env::remove);
            env.put(c.format().environmentVariable(), c.path().toString());
            if (c.format() == AwsCredentialsFile.Format.BOTO) {
                // boto3 reads a boto file (BOTO_CONFIG) only after ~/.aws/credentials: keep that one out of it
                env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            }
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
