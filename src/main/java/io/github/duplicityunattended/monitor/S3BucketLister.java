package io.github.duplicityunattended.monitor;

import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Lists a bucket (or the keys under a prefix) with ListObjectsV2, page after page (1000 keys each, with their
 * sizes) until the last continuation token. It only lists: a GET of an object from Standard-IA is billed per GB.
 * The client is asked for at the first listing, so a process that never checks (a backup run) never builds it;
 * the S3 client is thread-safe, and the monitor's listers of several buckets share one (and never close it).
 */
public final class S3BucketLister implements BucketLister, AutoCloseable {

    private final Supplier<S3Client> client;
    private final String bucket;
    private final String keyPrefix;
    private S3Client s3;

    /**
     * @param keyPrefix list only the keys starting with this ({@code host1/}); "" for the whole bucket
     */
    public S3BucketLister(Supplier<S3Client> client, String bucket, String keyPrefix) {
        this.client = client;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public synchronized void listObjects(Consumer<Listed> objects) {
        if (s3 == null) {
            s3 = client.get();
        }
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket)
                .prefix(keyPrefix.isEmpty() ? null : keyPrefix);
        ListObjectsV2Response page;
        do {
            page = s3.listObjectsV2(request.build());
            page.contents().stream().map(o -> new Listed(o.key(), o.size() == null ? 0 : o.size())).forEach(objects);
            request.continuationToken(page.nextContinuationToken());
        } while (Boolean.TRUE.equals(page.isTruncated()));
    }

    /** Closes the client this lister asked for, if a listing did, and its connections. */
    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
    }
}
