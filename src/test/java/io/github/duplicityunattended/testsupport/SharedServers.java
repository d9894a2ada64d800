package io.github.duplicityunattended.testsupport;

import java.time.Instant;

/**
 * One S3Proxy holding the buckets of {@link SeededBucket} and one SES emulator for every test of a JVM, started on first use
 * and stopped when the JVM ends.
 */
public final class SharedServers {

    private static S3ProxyServer s3;
    private static RequestLog requests;
    private static Instant seededAt;
    private static SesEmulator ses;

    private SharedServers() {
    }

    /**
     * S3Proxy with the bucket seeded once, its backups ending at known times before {@code now}; a later call
     * gets the same bucket, seeded at {@link #seededAt()}.
     */
    public static synchronized S3ProxyServer s3(Instant now) throws Exception {
        if (s3 == null) {
            if (ses == null) {
                ses = SesEmulator.launch(SesEmulator.freePort());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(ses)));
            }
            requests = new RequestLog();
            s3 = S3ProxyServer.startInMemory();
            SeededBucket.seed(s3, now);
            SeededBucket.seedWeb1(s3, now);
            seededAt = now;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(s3)));
        }
        return s3;
    }

    /** Every request the shared S3Proxy received (see {@link RequestLog#clear()}). */
    public static synchronized RequestLog requests() {
        return requests;
    }

    /** The instant the shared bucket's backup times count back from. */
    public static synchronized Instant seededAt() {
        return seededAt;
    }

    public static synchronized SesEmulator ses() throws Exception {
        if (ses == null) {
            ses = SesEmulator.launch(SesEmulator.freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(ses)));
        }
        return ses.awaitReady();
    }

    private static void close(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // the JVM is ending
        }
    }
}
