package io.github.duplicityunattended.app;

import io.github.duplicityunattended.config.LogLevel;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Chooses the log's form and level: the layouts themselves are patterns in {@code log4j2.xml}, picked by system
 * properties set here. Under systemd ({@code JOURNAL_STREAM} set) each line starts with its syslog priority
 * ({@code <3>} error, {@code <4>} warning, {@code <6>} info, {@code <7>} debug) and has no timestamp of its own,
 * the journal keeps one; elsewhere lines start with the time in UTC. The level decides which of duplicity's
 * lines are logged: at {@code normal} and {@code quiet} only those that tell of a warning or error.
 */
public final class LogSetup {

    /** The system properties log4j2.xml reads. */
    static final String STYLE = "duplicity-unattended.log.style";
    static final String LEVEL = "duplicity-unattended.log.level";
    static final String DUPLICITY_LINES = "duplicity-unattended.log.duplicity-lines";
    /** duplicity's lines that tell of a warning or an error (its statistics and progress do not). */
    static final String WARNINGS_AND_ERRORS = "(?i)^(warning|error|traceback|giving up|attempt \\d+ failed"
            + "|[\\w.]*(exception|error)\\b).*|.*\\b(failed|denied|not found|does not exist|cannot|can't)\\b.*";

    private LogSetup() {
    }

    /** The form: journal-native when the environment says stdout goes to the journal. */
    public static void style(Map<String, String> environment) {
        set(STYLE, environment.containsKey("JOURNAL_STREAM") ? "journal" : "plain", "plain");
    }

    /** The level; everything logged from now on follows it. */
    public static void level(LogLevel level) {
        set(LEVEL, level == LogLevel.QUIET ? "WARN" : "INFO", "INFO");
        set(DUPLICITY_LINES, level == LogLevel.VERBOSE ? ".*" : WARNINGS_AND_ERRORS, ".*");
    }

    /** Sets the property and reloads log4j2.xml, only when that changes what is in effect. */
    private static void set(String property, String value, String fallback) {
        if (value.equals(System.getProperty(property, fallback))) {
            return;
        }
        System.setProperty(property, value);
        if (LogManager.getContext(false) instanceof LoggerContext context) {
            context.reconfigure();
        }
    }
}
