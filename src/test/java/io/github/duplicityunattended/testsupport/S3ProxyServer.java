package io.github.duplicityunattended.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * A real S3 API server (S3Proxy) in this JVM on a loopback port it binds itself (port 0), storing objects in a
 * directory, with AWS v2/v4 signatures checked against one access key and headers it does not implement refused.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "AKIATESTBACKUPS00001";
    public static final String SECRET_KEY = "test-secret-key-that-must-never-be-logged";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private S3ProxyServer(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    public static S3ProxyServer start(Path dataDir) throws Exception {
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", dataDir.toString());
        return start(ContextBuilder.newBuilder("filesystem").overrides(props).build(BlobStoreContext.class));
    }

    /** The same server keeping its objects in memory: fast to fill with many keys. */
    public static S3ProxyServer startInMemory() throws Exception {
        return start(ContextBuilder.newBuilder("transient").build(BlobStoreContext.class));
    }

    private static S3ProxyServer start(BlobStoreContext context) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // as S3Proxy ships: a header it does not implement is refused, as many S3-compatible stores do
                // with boto3 1.36+'s checksum headers (duplicity 3.0.4 sends them unless told when_required)
                .ignoreUnknownHeaders(false)
                .build();
        proxy.start();
        Conditions.await(() -> proxy.getState().equals("STARTED"), "S3Proxy starts");
        return new S3ProxyServer(proxy, context);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    public void createBucket(String name) {
        blobStore().createContainerInLocation(null, name);
    }

    /** Puts a one-byte object straight into the store, bypassing HTTP. */
    public void put(String bucket, String key) {
        blobStore().putBlob(bucket, blobStore().blobBuilder(key).payload(new byte[] {1}).build());
    }

    /** Every object key in the bucket, sorted. */
    public List<String> keys(String bucket) {
        List<String> keys = new ArrayList<>();
        String marker = null;
        do {
            ListContainerOptions options = ListContainerOptions.Builder.recursive();
            if (marker != null) {
                options = options.afterMarker(marker);
            }
            var page = blobStore().list(bucket, options);
            for (StorageMetadata m : page) {
                if (m.getType() == org.jclouds.blobstore.domain.StorageType.BLOB) {
                    keys.add(m.getName());
                }
            }
            marker = page.getNextMarker();
        } while (marker != null);
        keys.sort(null);
        return keys;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
