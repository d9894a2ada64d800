package io.github.duplicityunattended.preflight;

import io.github.duplicityunattended.config.BucketUrl;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.monitor.AwsClients;
import io.github.duplicityunattended.support.Failures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * Whether the backups' target can be reached with what the config gives: for S3, one listing of at most one key
 * under the prefix with the configured credentials (never a GET: reads from Standard-IA are billed); for
 * {@code file://}, a dir that exists or can be made.
 */
public final class TargetAccess {

    /**
     * @param passed  what was checked, when nothing is wrong
     * @param problem what is wrong, as a sentence
     */
    public record Finding(Optional<String> passed, Optional<String> problem) {

        static Finding ok(String passed) {
            return new Finding(Optional.of(passed), Optional.empty());
        }

        static Finding wrong(String problem) {
            return new Finding(Optional.empty(), Optional.of(problem));
        }
    }

    private TargetAccess() {
    }

    public static Finding check(Config config) {
        String url = config.bucketUrl();
        if (BucketUrl.isS3(url)) {
            return s3(config, BucketUrl.bucketOf(url).orElse(""), BucketUrl.prefixOf(url));
        }
        if (BucketUrl.schemeOf(url).filter("file"::equals).isPresent()) {
            return directory(Path.of(BucketUrl.pathOf(url)));
        }
        return Finding.ok("target " + url + " not checked: only S3 and file:// targets are");
    }

    static Finding s3(Config config, String bucket, String prefix) {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket)
                .prefix(prefix.isEmpty() ? null : prefix + "/").maxKeys(1).build();
        try (S3Client s3 = AwsClients.s3(config)) {
            s3.listObjectsV2(request);
            return Finding.ok("bucket " + bucket + " can be listed with the configured credentials");
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if ("NoSuchBucket".equals(code)) {
                return Finding.wrong("bucket_url: there is no bucket " + bucket
                        + config.s3EndpointUrl().map(u -> " at " + u).orElse(""));
            }
            return Finding.wrong((config.awsCredentials().isPresent() ? "aws_config_file" : "bucket_url")
                    + ": the credentials may not list bucket " + bucket + " (S3 said " + code + ": "
                    + Failures.reason(e) + ")");
        } catch (RuntimeException e) {
            return Finding.wrong("bucket_url: cannot reach bucket " + bucket + ": " + Failures.reason(e));
        }
    }

    static Finding directory(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isDirectory(existing) && Files.isWritable(existing)) {
            return Finding.ok("target dir " + dir + (existing.equals(dir) ? " exists and is writable"
                    : " can be made"));
        }
        return Finding.wrong("bucket_url: the target dir " + dir + " cannot be "
                + (existing != null && existing.equals(dir) ? "written" : "made") + " by this user");
    }
}
