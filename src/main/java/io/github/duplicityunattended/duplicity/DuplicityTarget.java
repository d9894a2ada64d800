package io.github.duplicityunattended.duplicity;

import io.github.duplicityunattended.config.BucketUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where one dir goes: the original's target ({@code bucket_url} + source, plain concatenation) and
 * the URL the installed duplicity must be given for it. An old {@code s3+http://} URL (boto2) runs as
 * {@code boto3+s3://} on duplicity 0.8 and as {@code s3://} on duplicity 2, which has no boto2.
 *
 * @param original  the target as the original script wrote it, and as it names the S3 folder
 * @param effective the target passed to duplicity
 */
public record DuplicityTarget(String original, String effective) {

    public static DuplicityTarget of(String bucketUrl, String source, DuplicityVersion version) {
        String original = bucketUrl + source;
        return new DuplicityTarget(original, translate(original, version));
    }

    static String translate(String url, DuplicityVersion version) {
        if (BucketUrl.schemeOf(url).filter("s3+http"::equals).isEmpty()) {
            return url;
        }
        return (version.hasBoto3AsS3Scheme() ? "s3://" : "boto3+s3://") + BucketUrl.pathOf(url);
    }

    /** True when duplicity is given another URL than the original's. */
    public boolean translated() {
        return !original.equals(effective);
    }

    /** True when duplicity talks to S3 through boto3 for this target (so boto3-only options apply). */
    public boolean usesBoto3(DuplicityVersion version) {
        String scheme = BucketUrl.schemeOf(effective).orElse("");
        return scheme.equals("boto3+s3") || scheme.equals("s3") && version.hasBoto3AsS3Scheme();
    }

    public boolean isS3() {
        return BucketUrl.isS3(effective);
    }

    /**
     * The cache name duplicity derives by default from the original URL (md5 of its text). Passing it as
     * {@code --name} after a translation keeps a migrating user's local cache, so duplicity does not
     * download every signature file again.
     */
    public Optional<String> cacheNameToKeep() {
        return translated() ? Optional.of(cacheName()) : Optional.empty();
    }

    /**
     * The name of this target's dir in duplicity's archive dir: duplicity's default, the md5 of the URL it is
     * given, which {@link #cacheNameToKeep()} keeps at the original's after a translation.
     */
    public String cacheName() {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(original.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
