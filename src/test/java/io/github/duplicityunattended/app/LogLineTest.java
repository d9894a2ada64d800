package io.github.duplicityunattended.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogLineTest {

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setInstant(Instant.parse("2026-03-01T03:00:05.250Z"));
        return record;
    }

    @AfterEach
    void forgetTheDir() {
        MDC.remove(DirLogContext.KEY);
    }

    @Test
    void aPlainLineHasTheTimeInUtcThePaddedLevelAndTheMessage() {
        assertEquals("2026-03-01 03:00:05Z INFO  Backup run started\n",
                new LogLine(false).format(record(Level.INFO, "Backup run started")));
        assertEquals("2026-03-01 03:00:05Z ERROR Backup run FAILED\n",
                new LogLine(false).format(record(Level.SEVERE, "Backup run FAILED")));
    }

    @Test
    void aLineWrittenWhileARouteWorksOnADirStartsWithThatDir() {
        MDC.put(DirLogContext.KEY, "/srv/my data");

        assertEquals("2026-03-01 03:00:05Z WARN  [/srv/my data] backup FAILED\n",
                new LogLine(false).format(record(Level.WARNING, "backup FAILED")));
        assertEquals("<4>[/srv/my data] backup FAILED\n", new LogLine(true).format(record(Level.WARNING, "backup FAILED")));
    }

    @Test
    void aJournalLineStartsWithTheSyslogPriorityOfItsLevelAndHasNoTime() {
        LogLine journal = new LogLine(true);

        assertEquals("<3>x\n", journal.format(record(Level.SEVERE, "x")));
        assertEquals("<4>x\n", journal.format(record(Level.WARNING, "x")));
        assertEquals("<6>x\n", journal.format(record(Level.INFO, "x")));
        assertEquals("<7>x\n", journal.format(record(Level.FINE, "x")));
        assertEquals("<7>x\n", journal.format(record(Level.FINEST, "x")));
    }

    @Test
    void anExceptionStaysOnTheEventsLineInTheJournalAndFollowsOnLinesOfItsOwnElsewhere() {
        LogRecord record = record(Level.SEVERE, "could not start");
        record.setThrown(new IllegalStateException("no key", new java.io.IOException("gone")));

        String journal = new LogLine(true).format(record);
        String plain = new LogLine(false).format(record);

        assertEquals(1, journal.lines().count(), journal);
        assertTrue(journal.startsWith("<3>could not start java.lang.IllegalStateException: no key | \tat "), journal);
        assertTrue(journal.contains(" | Caused by: java.io.IOException: gone"), journal);
        assertTrue(plain.startsWith("2026-03-01 03:00:05Z ERROR could not start\njava.lang.IllegalStateException: no key\n"),
                plain);
        assertTrue(plain.endsWith("\n") && !plain.endsWith("\n\n"), plain);
    }

    @Test
    void theLevelsAreNamedAsTheCodeThatLogsNamesThem() {
        assertEquals("ERROR", LogLine.name(Level.SEVERE));
        assertEquals("WARN", LogLine.name(Level.WARNING));
        assertEquals("INFO", LogLine.name(Level.INFO));
        assertEquals("DEBUG", LogLine.name(Level.FINE));
        assertEquals("TRACE", LogLine.name(Level.FINEST));
    }

    @Test
    void aMessageWithTheJdksOwnParametersIsFilledIn() {
        LogRecord record = record(Level.INFO, "{0} of {1}");
        record.setParameters(new Object[] {"1", "2"});

        assertEquals("<6>1 of 2\n", new LogLine(true).format(record));
    }
}
