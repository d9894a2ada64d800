package io.github.duplicityunattended.duplicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** duplicity 0.8.22's own words, as it printed them in failures here. */
class DuplicityMessagesTest {

    @Test
    void theCauseIsQuotedNotTheLockfileNoteThatFollowsIt() {
        assertEquals("Another duplicity instance is already running with this archive directory",
                DuplicityMessages.reason(List.of(
                        "Another duplicity instance is already running with this archive directory",
                        "Could not release lockfile: Unable to release an unaquired lock")));
    }

    @Test
    void aPythonTracebackIsQuotedByItsExceptionLine() {
        assertEquals("gzip.BadGzipFile: Not a gzipped file (b'ga')", DuplicityMessages.reason(List.of(
                "Traceback (most recent call last):",
                "  File \"/usr/lib/python3.11/gzip.py\", line 428, in _read_gzip_header",
                "    raise BadGzipFile('Not a gzipped file (%r)' % magic)",
                " gzip.BadGzipFile: Not a gzipped file (b'ga')")));
    }

    @Test
    void gpgsOwnLineIsQuotedForAKeyGpgCannotUse() {
        assertEquals("gpg: [stdin]: sign+encrypt failed: No public key", DuplicityMessages.reason(List.of(
                "Reuse configured PASSPHRASE as SIGN_PASSPHRASE",
                "No signatures found, switching to full backup.",
                "GPGError: GPG Failed, see log below:",
                "===== Begin GnuPG log =====",
                "gpg: all values passed to '--default-key' ignored",
                "gpg: 0123456789ABCDEF: skipped: No public key",
                "gpg: [stdin]: sign+encrypt failed: No public key",
                "===== End GnuPG log =====")));
    }

    @Test
    void anUnreachableTargetIsQuotedByTheGivingUpLine() {
        assertEquals("Giving up after 2 attempts. EndpointConnectionError: Could not connect",
                DuplicityMessages.reason(List.of("Attempt of list Nr. 1 failed. EndpointConnectionError: Could not"
                        + " connect", "Giving up after 2 attempts. EndpointConnectionError: Could not connect")));
    }

    @Test
    void withoutANamedCauseTheLastLineThatIsNotChatterIsQuoted() {
        assertEquals("something odd happened", DuplicityMessages.reason(List.of("something odd happened",
                "Reuse configured PASSPHRASE as SIGN_PASSPHRASE", "")));
        assertEquals("no output", DuplicityMessages.reason(List.of()));
    }

    @Test
    void theStatisticsLinesAreNotMistakenForACause() {
        assertEquals("Backup source directory /srv/x does not exist.", DuplicityMessages.reason(List.of(
                "Backup source directory /srv/x does not exist.", "Errors 0", "ElapsedTime 0.03 (0.03 seconds)")));
    }

    @Test
    void aFileDuplicityCouldNotReadIsRecognisedWithItsPath() {
        assertEquals(Optional.of("/etc/shadow"),
                DuplicityMessages.unreadableFile("Error accessing possibly locked file /etc/shadow"));
        assertTrue(DuplicityMessages.isUnreadableFile("Error accessing possibly locked file /root/a b"));
        assertFalse(DuplicityMessages.isUnreadableFile("Errors 1"));
    }

    @Test
    void aCacheDuplicityCannotReadIsRecognised() {
        assertTrue(DuplicityMessages.cacheDamaged(List.of("Traceback (most recent call last):",
                " gzip.BadGzipFile: Not a gzipped file (b'ga')")));
        assertFalse(DuplicityMessages.cacheDamaged(List.of("Backup source directory /x does not exist.")));
    }
}
