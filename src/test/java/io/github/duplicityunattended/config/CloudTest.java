package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cloud key as the original had it: aws (the default) or gcp, and the bucket_url each takes. */
class CloudTest {

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    private static ConfigFixture.Yaml gcp() {
        return valid().set("cloud", "gcp").set("bucket_url", "gs://my-host-backup/host1");
    }

    @Test
    void gcpWithAGsUrlLoads() throws Exception {
        Config config = f.load(gcp());
        assertEquals(Cloud.GCP, config.cloud());
        assertEquals("gs://my-host-backup/host1", config.bucketUrl());
        assertEquals(List.of(), config.notices());
    }

    @Test
    void gcpWithAnyOtherUrlIsRefused() {
        assertEquals(List.of(f.problem("bucket_url: must be a gs:// URL with cloud: gcp, not 's3+http://my-host-backup'")),
                f.problems(valid().set("cloud", "gcp")));
        assertEquals(List.of(f.problem("bucket_url: must be a gs:// URL with cloud: gcp, not 'file:///backups'")),
                f.problems(gcp().set("bucket_url", "file:///backups")));
    }

    @Test
    void aGsUrlNeedsCloudGcp() {
        assertEquals(List.of(f.problem("bucket_url: is a Google Cloud Storage (gs://) URL: it needs cloud: gcp,"
                + " not aws")), f.problems(gcp().set("cloud", "aws")));
        assertEquals(List.of(f.problem("bucket_url: is a Google Cloud Storage (gs://) URL: it needs cloud: gcp"
                + " (without the key, cloud is aws)")), f.problems(gcp().without("cloud")));
        assertEquals(List.of(f.problem("s3_url: is a Google Cloud Storage (gs://) URL: it needs cloud: gcp"
                + " (without the key, cloud is aws)")),
                f.problems(valid().without("cloud").without("bucket_url").set("s3_url", "gs://my-host-backup")));
    }

    @Test
    void aGsUrlMustNameItsBucket() {
        assertEquals(List.of(f.problem("bucket_url: names no bucket: write it right after the scheme, as in"
                + " s3+http://my-bucket")), f.problems(gcp().set("bucket_url", "gs:///host1")));
    }

    @Test
    void theS3SettingsAreMistakesWithGcp() {
        assertEquals(List.of(
                f.problem("s3_endpoint_url: is for S3 stores; with cloud: gcp duplicity talks to Google Cloud Storage"),
                f.problem("monitor.bucket: the monitor lists S3 buckets and file:// dirs, not Google Cloud Storage;"
                        + " remove it with cloud: gcp")),
                f.problems(gcp().set("s3_endpoint_url", "https://storage.googleapis.com")
                        .set("monitor", "bucket: my-host-backup")));
    }

    @Test
    void withGcpTheAwsCredentialsFileIsNotReadAndSaidToBeIgnored() throws Exception {
        Config config = f.load(gcp().set("aws_config_file", "/nowhere/aws_credentials"));
        assertEquals(Optional.empty(), config.awsCredentials());
        assertEquals(List.of(f.problem("aws_config_file: ignored with cloud: gcp, as the original did")),
                config.notices());
    }
}
