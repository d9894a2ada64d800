package io.github.duplicityunattended.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.LogLevel;
import io.github.duplicityunattended.testsupport.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    @AfterEach
    void asTheTestsStart() {
        Logger.getLogger("").setLevel(Level.INFO);
        Logger.getLogger("duplicity").setFilter(null);
    }

    @Test
    void atQuietOnlyWarningsErrorsDuplicitysLinesAndTheRunsSummaryAreLogged() {
        LogSetup.level(LogLevel.QUIET);

        assertFalse(LoggerFactory.getLogger("io.github.duplicityunattended.backup.Something").isInfoEnabled());
        assertTrue(LoggerFactory.getLogger("io.github.duplicityunattended.backup.Something").isWarnEnabled());
        assertTrue(LoggerFactory.getLogger("io.github.duplicityunattended.run.RunLifecycle").isInfoEnabled());
        assertTrue(LoggerFactory.getLogger("duplicity").isInfoEnabled());
    }

    @Test
    void camelsOwnChatterIsLeftOutAndCamelExecsNeverLogged() {
        assertFalse(LoggerFactory.getLogger("org.apache.camel.impl.engine.AbstractCamelContext").isInfoEnabled());
        assertTrue(LoggerFactory.getLogger("org.apache.camel.impl.engine.AbstractCamelContext").isWarnEnabled());
        assertFalse(LoggerFactory.getLogger("org.apache.camel.component.exec.ExecProducer").isErrorEnabled());
        assertFalse(LoggerFactory.getLogger("software.amazon.awssdk.core").isInfoEnabled());
    }

    @Test
    void atNormalOnlyDuplicitysLinesThatTellOfAWarningOrAnErrorAreLogged() {
        LogSetup.level(LogLevel.NORMAL);
        try (LogCapture log = LogCapture.console()) {
            org.slf4j.Logger duplicity = LoggerFactory.getLogger("duplicity");
            duplicity.info("SourceFiles 2");
            duplicity.info("Warning: no signature on the manifest");
            duplicity.info("Attempt 1 failed. ConnectionError: refused");
            duplicity.info("ElapsedTime 0.01 (0.01 seconds)");

            assertEquals(List.of("INFO Warning: no signature on the manifest",
                    "INFO Attempt 1 failed. ConnectionError: refused"), log.lines());
        }
    }

    @Test
    void atVerboseEveryLineOfDuplicitysIsLogged() {
        LogSetup.level(LogLevel.VERBOSE);
        try (LogCapture log = LogCapture.console()) {
            LoggerFactory.getLogger("duplicity").info("SourceFiles 2");

            assertEquals(List.of("INFO SourceFiles 2"), log.lines());
        }
    }

    @Test
    void aLineLoggedWhileTheJvmShutsDownReachesTheConsoleThoughTheJdkResetsItsLoggingThen()
            throws IOException, InterruptedException {
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), LogsWhileStopping.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS));
        assertTrue(output.contains("INFO  before the end\n"), output);
        assertTrue(output.contains("WARN  Backup run INTERRUPTED after a reset\n"), output);
    }

    /**
     * Logs, then logs again from a shutdown hook after resetting the log manager there, as the JDK's own shutdown
     * hook does at some moment while the others run.
     */
    public static final class LogsWhileStopping {

        public static void main(String[] args) {
            LogSetup.install();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LogManager.getLogManager().reset();
                LoggerFactory.getLogger("io.github.duplicityunattended.run.RunLifecycle")
                        .warn("Backup run INTERRUPTED after a reset");
            }));
            LoggerFactory.getLogger("duplicity-unattended").info("before the end");
        }
    }
}
