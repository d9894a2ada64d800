package io.github.duplicityunattended.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.testsupport.Configs;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --validate's look at the target, against S3Proxy (signatures checked) and the file system. */
class TargetAccessTest {

    static S3ProxyServer s3;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.startInMemory();
        s3.createBucket("host-backup");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    private Config s3Config(String bucketUrl, String secret) throws Exception {
        Path credentials = tmp.resolve("aws_credentials");
        Files.writeString(credentials, "[default]\naws_access_key_id = " + S3ProxyServer.ACCESS_KEY
                + "\naws_secret_access_key = " + secret + "\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        return Configs.load(tmp, """
                gpg_key_id: 0123ABCD
                bucket_url: %s
                full_if_older_than: 1M
                aws_config_file: aws_credentials
                s3_endpoint_url: %s
                aws_region: us-east-1
                backup_dirs:
                  - source: /etc
                """.formatted(bucketUrl, s3.endpoint()));
    }

    @Test
    void aBucketTheCredentialsMayListPasses() throws Exception {
        TargetAccess.Finding f = TargetAccess.check(s3Config("boto3+s3://host-backup/web1", S3ProxyServer.SECRET_KEY));
        assertEquals(Optional.of("bucket host-backup can be listed with the configured credentials"), f.passed());
        assertEquals(Optional.empty(), f.problem());
    }

    @Test
    void aMisspeltBucketIsNamed() throws Exception {
        TargetAccess.Finding f = TargetAccess.check(s3Config("s3+http://host-bakup", S3ProxyServer.SECRET_KEY));
        assertEquals(Optional.of("bucket_url: there is no bucket host-bakup at " + s3.endpoint()), f.problem());
    }

    @Test
    void aWrongSecretIsBlamedOnTheCredentialsFileWithoutQuotingIt() throws Exception {
        TargetAccess.Finding f = TargetAccess.check(s3Config("s3+http://host-backup", "not-the-secret-key"));
        String problem = f.problem().orElseThrow();
        assertTrue(problem.startsWith("aws_config_file: the credentials may not list bucket host-backup (S3 said"
                + " SignatureDoesNotMatch"), problem);
        assertFalse(problem.contains("not-the-secret-key"), problem);
    }

    @Test
    void aLocalTargetPassesWhenItExistsOrCanBeMade() {
        assertEquals(Optional.of("target dir " + tmp + " exists and is writable"),
                TargetAccess.directory(tmp).passed());
        assertEquals(Optional.of("target dir " + tmp.resolve("a/b") + " can be made"),
                TargetAccess.directory(tmp.resolve("a/b")).passed());
    }
}
