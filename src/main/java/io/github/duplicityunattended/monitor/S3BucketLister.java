package io.github.duplicityunattended.monitor;

import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists a bucket (or the keys under a prefix) with ListObjectsV2, page after page (1000 keys each) until the last
 * continuation token. It only lists: a GET of an object from Standard-IA is billed per GB. The client is asked for
 * at the first listing, so a process that never checks (a backup run) never builds it; it is thread-safe, and the
 * listers of several buckets share it.
 */
public final class S3BucketLister implements BucketLister {

    private final Supplier<S3Client> client;
    private final String bucket;
    private final String keyPrefix;

    /**
     * @param keyPrefix list only the keys starting with this ({@code host1/}); "" for the whole bucket
     */
    public S3BucketLister(Supplier<S3Client> client, String bucket, String keyPrefix) {
        this.client = client;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public void list(Consumer<String> keys) {
        S3Client s3 = client.get();
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket)
                .prefix(keyPrefix.isEmpty() ? null : keyPrefix);
        ListObjectsV2Response page;
        do {
            page = s3.listObjectsV2(request.build());
            page.contents().stream().map(S3Object::key).forEach(keys);
            request.continuationToken(page.nextContinuationToken());
        } while (Boolean.TRUE.equals(page.isTruncated()));
    }
}
