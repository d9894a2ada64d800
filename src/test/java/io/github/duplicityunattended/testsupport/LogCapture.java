package io.github.duplicityunattended.testsupport;

import io.github.duplicityunattended.app.LogLine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps, in memory, every event one logger (and those below it) writes at or above a level, until closed. A
 * line's text is what the console shows after the level: the message, after the dir it concerns when a route
 * was working on one ({@code [/srv/data] ...}); its level as slf4j names it (ERROR, WARN, INFO, DEBUG).
 */
public final class LogCapture implements AutoCloseable {

    /** One logged line: when, at which level, and its text. */
    public record Line(long millis, String level, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger target;
    private final Level levelBefore;
    private final boolean parentsBefore;
    private final LogLine formatter = new LogLine(false);
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord event) {
            if (!isLoggable(event)) {
                return;
            }
            lines.add(new Line(event.getMillis(), LogLine.name(event.getLevel()), formatter.text(event)));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * @param logger   the logger's name; "" for the root logger (everything that reaches the console)
     * @param level    the least level kept; a named logger logs from this level on while the capture is open
     * @param additive whether the events also still go to the console
     */
    public LogCapture(String logger, Level level, boolean additive) {
        target = Logger.getLogger(logger);
        levelBefore = target.getLevel();
        parentsBefore = target.getUseParentHandlers();
        handler.setLevel(level);
        if (!logger.isEmpty()) {
            target.setLevel(level);
            target.setUseParentHandlers(additive);
        }
        target.addHandler(handler);
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
        target.removeHandler(handler);
        if (!target.getName().isEmpty()) {
            target.setLevel(levelBefore);
            target.setUseParentHandlers(parentsBefore);
        }
    }
}
