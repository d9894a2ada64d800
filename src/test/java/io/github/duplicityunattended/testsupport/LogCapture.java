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
 * Keeps, in memory, every event one logger (and those below it) writes at or above a level of its own, until
 * closed; unlike {@link CapturedLog}, which takes what reaches the root logger, it can take DEBUG events and
 * keep them off the console.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String name = "capture-" + System.identityHashCode(this);
    private final LoggerConfig target;

    /**
     * @param additive whether the events also still go to the console
     */
    public LogCapture(String logger, Level level, boolean additive) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        AbstractAppender appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerConfig existing = config.getLoggers().get(logger);
        target = existing != null ? existing : new LoggerConfig(logger, level, additive);
        target.setLevel(level);
        target.addAppender(appender, level, null);
        if (existing == null) {
            config.addLogger(logger, target);
        }
        context.updateLoggers();
    }

    /** Every event so far, as {@code LEVEL message}. */
    public List<String> lines() {
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
