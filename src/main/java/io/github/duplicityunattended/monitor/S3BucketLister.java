package io.github.duplicityunattended.monitor;

import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists a bucket with ListObjectsV2, page after page (1000 keys each) until the last continuation token.
 * It only lists: a GET of an object from Standard-IA is billed per GB.
 */
public final class S3BucketLister implements BucketLister {

    private final S3Client s3;
    private final String bucket;

    public S3BucketLister(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void list(Consumer<String> keys) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket);
        ListObjectsV2Response page;
        do {
            page = s3.listObjectsV2(request.build());
            page.contents().stream().map(S3Object::key).forEach(keys);
            request.continuationToken(page.nextContinuationToken());
        } while (Boolean.TRUE.equals(page.isTruncated()));
    }
}
