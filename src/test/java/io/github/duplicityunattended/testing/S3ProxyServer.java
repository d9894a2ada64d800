package io.github.duplicityunattended.testing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy running in this JVM on a free port, in memory, with AWS signature checks on. Objects are put
 * straight into its blob store (fast); the code under test talks to it over HTTP like to S3.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "AKIAMONITORTEST1";
    public static final String SECRET_KEY = "monitor-test-secret-key";
    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final RequestLog requests;

    private S3ProxyServer(BlobStoreContext context, S3Proxy proxy, RequestLog requests) {
        this.context = context;
        this.proxy = proxy;
        this.requests = requests;
    }

    public static S3ProxyServer start() throws Exception {
        RequestLog requests = new RequestLog();
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new S3ProxyServer(context, proxy, requests);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    /** Every request S3Proxy received, from its DEBUG log. */
    public RequestLog requests() {
        return requests;
    }

    /** Puts a small object straight into the store, bypassing HTTP (and the request log). */
    public void put(String bucket, String key) {
        BlobStore store = blobStore();
        store.putBlob(bucket, store.blobBuilder(key).payload(new byte[] {1}).build());
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            context.close();
        }
    }
}
