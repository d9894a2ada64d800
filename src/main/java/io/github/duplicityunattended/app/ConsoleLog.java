package io.github.duplicityunattended.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes each event the loggers pass on, as one {@link LogLine} in UTF-8 whatever the locale, to stdout (stderr
 * while a check's or status's report is the output), flushed at once.
 */
public final class ConsoleLog extends Handler {

    private static final LogLine PLAIN = new LogLine(false);
    private static final LogLine JOURNAL = new LogLine(true);

    /** Made by the log manager from its configuration's {@code handlers}. */
    public ConsoleLog() {
        setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        try {
            byte[] line = (LogSetup.journal() ? JOURNAL : PLAIN).format(record).getBytes(StandardCharsets.UTF_8);
            PrintStream out = LogSetup.toStandardError() ? System.err : System.out;
            out.write(line, 0, line.length);
            out.flush();
        } catch (RuntimeException e) {
            reportError("could not write a log line", e, ErrorManager.FORMAT_FAILURE);
        }
    }

    @Override
    public void flush() {
        System.out.flush();
        System.err.flush();
    }

    /** Nothing to close: stdout and stderr stay open for whatever still writes to them. */
    @Override
    public void close() {
        flush();
    }
}
