package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Servers every test of a JVM shares, each started on first use and stopped when the JVM ends: S3Proxy holding
 * the buckets of {@link SeededBucket} (one server for each instant they are seeded at), one SES emulator, and an
 * endpoint where no server runs.
 */
public final class SharedServers {

    private static final Map<Instant, S3ProxyServer> SEEDED = new HashMap<>();
    private static RequestLog requests;
    private static SesEmulator ses;
    private static RefusingPort nowhere;

    private SharedServers() {
    }

    /**
     * S3Proxy holding the buckets seeded with backups that end at known times before {@code seededAt}: the same
     * server for the same instant, another for another instant.
     */
    public static synchronized S3ProxyServer s3(Instant seededAt) throws Exception {
        S3ProxyServer s3 = SEEDED.get(seededAt);
        if (s3 == null) {
            if (ses == null) {
                launchSes(); // starts while the bucket is seeded
            }
            if (requests == null) {
                requests = new RequestLog();
            }
            s3 = S3ProxyServer.startInMemory();
            SeededBucket.seed(s3, seededAt);
            SeededBucket.seedWeb1(s3, seededAt);
            SEEDED.put(seededAt, s3);
            Runtime.getRuntime().addShutdownHook(new Thread(closing(s3)));
        }
        return s3;
    }

    /** Every request the shared S3Proxy servers received (see {@link RequestLog#clear()}). */
    public static synchronized RequestLog requests() {
        return requests;
    }

    public static synchronized SesEmulator ses() throws Exception {
        if (ses == null) {
            launchSes();
        }
        return ses.awaitReady();
    }

    /** An http:// endpoint that refuses every connection, as a server that is not running. */
    public static synchronized URI nowhere() {
        if (nowhere == null) {
            try {
                nowhere = RefusingPort.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(closing(nowhere)));
        }
        return nowhere.endpoint();
    }

    private static void launchSes() throws IOException {
        ses = SesEmulator.launch();
        Runtime.getRuntime().addShutdownHook(new Thread(closing(ses)));
    }

    private static Runnable closing(AutoCloseable server) {
        return () -> {
            try {
                server.close();
            } catch (Exception e) {
                // the JVM is ending
            }
        };
    }
}
