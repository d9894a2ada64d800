package io.github.duplicityunattended.app;

import io.github.duplicityunattended.config.LogLevel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The log: everything the program and its libraries log through slf4j goes to the JDK's own logging, which
 * writes it with {@link ConsoleLog} one {@link LogLine} per event. This class sets it up and chooses its form and
 * level. Under systemd ({@code JOURNAL_STREAM} set) each line starts with its syslog priority and has no time of
 * its own; elsewhere lines start with the time in UTC. The level decides which of duplicity's lines are logged:
 * at {@code normal} and {@code quiet} only those that tell of a warning or error.
 */
public final class LogSetup {

    /** The levels at start: INFO, the libraries' own chatter only from WARN (camel-exec's never: it logs argv). */
    static final String DEFAULTS = String.join("\n",
            "handlers = " + ConsoleLog.class.getName(),
            ".level = INFO",
            // duplicity's output and the run's summary, at every level
            "duplicity.level = INFO",
            "io.github.duplicityunattended.run.RunLifecycle.level = INFO",
            "org.apache.camel.level = WARNING",
            "org.apache.camel.component.exec.level = OFF",
            "org.quartz.level = WARNING",
            "software.amazon.level = WARNING",
            "org.apache.hc.level = WARNING",
            "io.vertx.level = WARNING",
            "io.netty.level = WARNING", "");
    /** duplicity's lines that tell of a warning or an error (its statistics and progress do not). */
    static final Pattern WARNINGS_AND_ERRORS = Pattern.compile("(?i)^(warning|error|traceback|giving up"
            + "|attempt \\d+ failed|[\\w.]*(exception|error)\\b).*|.*\\b(failed|denied|not found|does not exist"
            + "|cannot|can't)\\b.*");

    private static volatile boolean journal;
    private static volatile boolean toStandardError;
    /** The logger of duplicity's output, held: the JDK's logging forgets the filter of a logger nothing holds. */
    private static Logger duplicity;

    private LogSetup() {
    }

    /**
     * Puts the log in place; the first thing the program does, before anything logs. When something made the
     * JDK's log manager before, the same configuration is read into that one.
     */
    public static void install() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", LogManagerKeptToTheEnd.class.getName());
        }
        LogManager manager = LogManager.getLogManager();
        if (!(manager instanceof LogManagerKeptToTheEnd)) {
            try {
                readDefaults(manager);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Configures a log manager with {@link #DEFAULTS}, in place of whatever it had. */
    static void readDefaults(LogManager manager) throws IOException {
        manager.readConfiguration(new ByteArrayInputStream(DEFAULTS.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The form: journal-native when the environment says stdout goes to the journal. */
    public static void style(Map<String, String> environment) {
        journal = environment.containsKey("JOURNAL_STREAM");
    }

    /** Log lines go to stderr from now on: stdout carries a report (a check's, or the status). */
    public static void reportOnStandardOutput() {
        toStandardError = true;
    }

    /** The level; everything logged from now on follows it. */
    public static synchronized void level(LogLevel level) {
        Logger.getLogger("").setLevel(level == LogLevel.QUIET ? Level.WARNING : Level.INFO);
        duplicity = Logger.getLogger("duplicity");
        duplicity.setFilter(level == LogLevel.VERBOSE ? null : LogSetup::warningOrError);
    }

    static boolean journal() {
        return journal;
    }

    static boolean toStandardError() {
        return toStandardError;
    }

    /** Whether a line of duplicity's tells of a warning or an error. */
    static boolean warningOrError(LogRecord record) {
        return record.getMessage() == null || WARNINGS_AND_ERRORS.matcher(record.getMessage()).matches();
    }
}
