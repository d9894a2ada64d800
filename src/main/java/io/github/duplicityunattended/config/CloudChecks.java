package io.github.duplicityunattended.config;

import java.net.URI;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The rules of the {@code cloud} key, as the original had them: {@code aws} (also when the key is absent, as in
 * its 2019–2021 configs) or {@code gcp}, which backs up to a {@code gs://} URL and has no use for S3 settings.
 */
final class CloudChecks {

    private CloudChecks() {
    }

    static Cloud cloud(NodeReader r, Node node) {
        Optional<String> text = r.string("cloud", node, ConfigSchema.isRequired("cloud"));
        Optional<Cloud> cloud = text.flatMap(Cloud::of);
        if (text.isPresent() && cloud.isEmpty()) {
            r.problem("cloud", "must be aws or gcp, not '" + text.get() + "'");
        }
        return cloud.orElse(Config.DEFAULT_CLOUD);
    }

    /** gcp takes a gs:// URL, aws any other (S3, file://, ...). */
    static void bucketUrlFits(NodeReader r, String path, String url, Cloud cloud, boolean cloudGiven) {
        if (cloud == Cloud.GCP && !BucketUrl.isGcs(url)) {
            r.problem(path, "must be a gs:// URL with cloud: gcp, not '" + url + "'");
        } else if (cloud == Cloud.AWS && BucketUrl.isGcs(url)) {
            r.problem(path, "is a Google Cloud Storage (gs://) URL: it needs cloud: gcp"
                    + (cloudGiven ? ", not aws" : " (without the key, cloud is aws)"));
        }
    }

    /**
     * With gcp, the keys that only S3 uses are mistakes, not settings to ignore silently. (With gcp the monitor's
     * bucket has no default, so a bucket here was written in the config.)
     */
    static void s3OnlyKeys(NodeReader r, Cloud cloud, Optional<URI> s3Endpoint, MonitorConfig monitor) {
        if (cloud != Cloud.GCP) {
            return;
        }
        s3Endpoint.ifPresent(x -> r.problem("s3_endpoint_url",
                "is for S3 stores; with cloud: gcp duplicity talks to Google Cloud Storage"));
        if (!monitor.buckets().isEmpty()) {
            r.problem("monitor.bucket", "the monitor lists S3 buckets and file:// dirs, not Google Cloud Storage;"
                    + " remove it with cloud: gcp");
        }
    }
}
