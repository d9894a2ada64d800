package io.github.duplicityunattended.app;

import java.io.IOException;
import java.util.logging.LogManager;

/**
 * The JDK's log manager, configured from {@link LogSetup#DEFAULTS} instead of the JDK's logging.properties, and
 * kept working until the process ends: the JDK's own resets every logger from a shutdown hook of its own, so what
 * a stopping run logs from its hooks (which dirs a SIGTERM left unfinished) would be lost.
 */
public final class LogManagerKeptToTheEnd extends LogManager {

    /** Made by the JDK when the system property {@code java.util.logging.manager} names this class. */
    public LogManagerKeptToTheEnd() {
        super();
    }

    @Override
    public void readConfiguration() throws IOException {
        LogSetup.readDefaults(this);
    }

    /** Resets, except while the JVM shuts down: then the loggers stay as they are to the end. */
    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    /** The JVM refuses new shutdown hooks once it has begun to run them. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
