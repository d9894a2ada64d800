package io.github.duplicityunattended.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much the program logs. {@code normal}: every event and summary line, and duplicity's warnings and errors
 * (its statistics are folded into each dir's summary line); {@code verbose}: all of duplicity's output too;
 * {@code quiet}: warnings, errors and the run's summary.
 */
public enum LogLevel {
    QUIET, NORMAL, VERBOSE;

    /** The name as written in the config: {@code quiet}, {@code normal}, {@code verbose}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogLevel> of(String key) {
        return Arrays.stream(values()).filter(l -> l.key().equals(key)).findFirst();
    }
}
