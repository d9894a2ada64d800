package io.github.duplicityunattended.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.MDC;

/**
 * One event as one line of the log. A line written while a route works on a dir starts, after the level, with
 * that dir ({@code [/srv/data] }): the diagnostic context's {@code dir}. Two forms:
 * <ul>
 * <li>plain: {@code 2026-03-01 03:00:00Z INFO  [/srv/data] message}, the time in UTC; an exception's stack
 * trace follows on lines of its own;</li>
 * <li>journal: {@code <6>[/srv/data] message}, the syslog priority systemd reads ({@code <3>} error,
 * {@code <4>} warning, {@code <6>} info, {@code <7>} debug) and no time, the journal keeps one; an exception
 * stays on the event's line, its stack trace's lines joined by {@code " | "}.</li>
 * </ul>
 */
public final class LogLine extends Formatter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX").withZone(ZoneOffset.UTC);

    private final boolean journal;

    /** @param journal the journal's form, else the plain one */
    public LogLine(boolean journal) {
        this.journal = journal;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        String level = name(record.getLevel());
        if (journal) {
            line.append('<').append(priority(level)).append('>');
        } else {
            TIME.formatTo(record.getInstant(), line);
            line.append(' ').append(level).append(" ".repeat(6 - level.length()));
        }
        line.append(text(record));
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            String trace = stackTrace(thrown);
            line.append(journal ? " " + String.join(" | ", trace.strip().split("\\R")) : "\n" + trace.stripTrailing());
        }
        return line.append('\n').toString();
    }

    /** The event's text, what follows the level: the message, after the dir it concerns when there is one. */
    public String text(LogRecord record) {
        String dir = MDC.get(DirLogContext.KEY);
        String message = formatMessage(record);
        return dir == null || dir.isEmpty() ? message : "[" + dir + "] " + message;
    }

    /** The level as slf4j, and so the code that logs, names it: ERROR, WARN, INFO, DEBUG or TRACE. */
    public static String name(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private static int priority(String level) {
        return switch (level) {
            case "ERROR" -> 3;
            case "WARN" -> 4;
            case "INFO" -> 6;
            default -> 7;
        };
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
