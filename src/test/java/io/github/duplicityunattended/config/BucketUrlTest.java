package io.github.duplicityunattended.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketUrlTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "s3+http://my-host-backup,          s3+http,  true,  my-host-backup, ''",
        "s3+http://my-host-backup/,         s3+http,  true,  my-host-backup, ''",
        "S3+HTTP://Bucket/Host1,            s3+http,  true,  Bucket,         Host1",
        "boto3+s3://bucket/a/b/,            boto3+s3, true,  bucket,         a/b",
        "s3://bucket//deep//prefix//,       s3,       true,  bucket,         deep//prefix",
        "s3+http:///prefix,                 s3+http,  true,  -,              prefix",
        "file:///srv/backups,               file,     false, -,              srv/backups",
        "gs://bucket/x,                     gs,       false, -,              x",
        "my-bucket/x,                       -,        false, -,              x"})
    void theSchemeBucketAndPrefixAreRead(String url, String scheme, boolean s3, String bucket, String prefix) {
        assertEquals(Optional.ofNullable(scheme), BucketUrl.schemeOf(url));
        assertEquals(s3, BucketUrl.isS3(url));
        assertEquals(Optional.ofNullable(bucket), BucketUrl.bucketOf(url));
        assertEquals(prefix, BucketUrl.prefixOf(url));
    }

    @ParameterizedTest
    @CsvSource({"s3+http://bucket/x, bucket/x", "file:///srv, /srv", "no-scheme, no-scheme"})
    void thePathIsEverythingAfterTheScheme(String url, String path) {
        assertEquals(path, BucketUrl.pathOf(url));
    }

    @ParameterizedTest
    @CsvSource({"/etc/, etc", "//a//b//, a//b", "'', ''", "/, ''", "plain, plain"})
    void slashesAreTrimmedAtBothEnds(String text, String trimmed) {
        assertEquals(trimmed, BucketUrl.trimSlashes(text));
    }
}
