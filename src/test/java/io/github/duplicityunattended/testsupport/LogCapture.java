package io.github.duplicityunattended.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Keeps, in memory, every event one logger (and those below it) writes at or above a level, until closed. A
 * line's text is what the console shows after the level: the message, after the dir it concerns when a route
 * was working on one ({@code [/srv/data] ...}).
 */
public final class LogCapture implements AutoCloseable {

    /** One logged line: when, at which level, and its text. */
    public record Line(long millis, String level, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final String name = "capture-" + System.identityHashCode(this);
    private final LoggerConfig target;
    private final boolean added;

    /**
     * @param logger   the logger's name; "" for the root logger (everything that reaches the console)
     * @param additive whether the events also still go to the console
     */
    public LogCapture(String logger, Level level, boolean additive) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        AbstractAppender appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String dir = event.getContextData().getValue("dir");
                lines.add(new Line(event.getTimeMillis(), event.getLevel().name(),
                        (dir == null ? "" : "[" + dir + "] ") + event.getMessage().getFormattedMessage()));
            }
        };
        appender.start();
        LoggerConfig existing = logger.isEmpty() ? config.getRootLogger() : config.getLoggers().get(logger);
        added = existing == null;
        target = added ? new LoggerConfig(logger, level, additive) : existing;
        if (!logger.isEmpty()) {
            target.setLevel(level);
        }
        target.addAppender(appender, level, null);
        if (added) {
            config.addLogger(logger, target);
        }
        context.updateLoggers();
    }

    /** Everything that reaches the console at INFO and above. */
    public static LogCapture console() {
        return new LogCapture("", Level.INFO, true);
    }

    /** Every line so far, as {@code LEVEL text}. */
    public List<String> lines() {
        return lines.stream().map(l -> l.level() + " " + l.text()).toList();
    }

    /** Every line's text so far. */
    public List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    /** Every line so far, with its time and level. */
    public List<Line> events() {
        return List.copyOf(lines);
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        target.removeAppender(name);
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }
}
