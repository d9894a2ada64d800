package io.github.duplicityunattended.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a duplicity {@code bucket_url} that the program needs: scheme, bucket, prefix. */
public final class BucketUrl {

    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$");

    private BucketUrl() {
    }

    /** The scheme, such as {@code s3+http}, {@code boto3+s3}, {@code s3} or {@code file}. */
    public static Optional<String> schemeOf(String url) {
        Matcher m = URL.matcher(url);
        return m.matches() ? Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** True for the S3 schemes duplicity knows, old (boto2) and new (boto3). */
    public static boolean isS3(String url) {
        return schemeOf(url).map(s -> s.equals("s3+http") || s.equals("s3") || s.equals("boto3+s3")).orElse(false);
    }

    /** True for a Google Cloud Storage URL ({@code gs://bucket/prefix}). */
    public static boolean isGcs(String url) {
        return schemeOf(url).filter("gs"::equals).isPresent();
    }

    /** Everything after {@code scheme://}. */
    public static String pathOf(String url) {
        Matcher m = URL.matcher(url);
        return m.matches() ? m.group(2) : url;
    }

    /** The bucket of an S3 URL: the first path segment after the scheme. */
    public static Optional<String> bucketOf(String url) {
        if (!isS3(url)) {
            return Optional.empty();
        }
        String rest = pathOf(url);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        return bucket.isEmpty() ? Optional.empty() : Optional.of(bucket);
    }

    /** The key prefix of an S3 URL after the bucket, without leading or trailing slashes ("" for none). */
    public static String prefixOf(String url) {
        String rest = pathOf(url);
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
    }

    static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }
}
