package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.monitor.Mail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a drill is reported: the headline with the estimated cost, a line per dir, the notice's mail. */
class DrillReportTest {

    static final Optional<Instant> BACKUP = Optional.of(Instant.parse("2026-11-25T02:00:00Z"));
    static final DirDrill HEALTHY = new DirDrill("/etc", 20, 20, 3, 3L << 30, BACKUP, List.of(), Optional.empty());
    static final DirDrill DAMAGED = new DirDrill("/srv/data", 2, 1, 0, 300L << 20, BACKUP, List.of(
            new DrillPlan.Failure("notes.txt", true, "differs from the source", List.of()),
            new DrillPlan.Failure("sub dir/big.bin", false, "exit 31: Invalid data - SHA1 hash mismatch for file:",
                    List.of("Invalid data - SHA1 hash mismatch for file:", " duplicity-full.X.vol1.difftar.gpg"))),
            Optional.empty());
    static final DirDrill NEVER = new DirDrill("/home", 0, 0, 0, 0, Optional.empty(), List.of(),
            Optional.of("no backup to restore: the cache /c/x holds no manifest"));

    @Test
    void aHealthyDrillSaysWhatItComparedDownloadedAndWhatThatCosts() {
        DrillReport report = new DrillReport(List.of(HEALTHY), 4L << 30, Duration.ofSeconds(75));
        assertEquals(false, report.isFailed());
        assertEquals(List.of(
                "Restore drill passed: 1 of 1 dirs ok, 3.0 GiB downloaded of a 4.0 GiB budget (est. $0.0300 at $0.01/GB"
                        + " read), took 1m 15s",
                "[/etc] ok: 20 compared, 20 identical, 0 different, 3 skipped (changed since the backup of 2026-11-25"
                        + " 02:00 UTC), 3.0 GiB downloaded"), report.lines());
    }

    @Test
    void aDifferenceARestoreErrorOrADirThatCannotBeDrilledFailsTheDrillNamingDirAndFile() {
        DrillReport report = new DrillReport(List.of(HEALTHY, DAMAGED, NEVER), 4L << 30, Duration.ofSeconds(5));
        assertEquals(true, report.isFailed());
        assertEquals(List.of(
                "Restore drill FAILED: 1 of 3 dirs ok, 3.3 GiB downloaded of a 4.0 GiB budget (est. $0.0329 at"
                        + " $0.01/GB read), took 5.0s",
                "[/etc] ok: 20 compared, 20 identical, 0 different, 3 skipped (changed since the backup of 2026-11-25"
                        + " 02:00 UTC), 3.0 GiB downloaded",
                "[/srv/data] FAILED: 2 compared, 1 identical, 1 different, 0 skipped (changed since the backup of"
                        + " 2026-11-25 02:00 UTC), 300.0 MiB downloaded; differs from the source: notes.txt; could not"
                        + " restore sub dir/big.bin: exit 31: Invalid data - SHA1 hash mismatch for file:",
                "[/home] FAILED: no backup to restore: the cache /c/x holds no manifest",
                "Failed dirs: /srv/data, /home"), report.lines());
    }

    @Test
    void theNoticeHoldsTheReportAndTheLastLinesOfEachFailedRestore() {
        DrillReport report = new DrillReport(List.of(DAMAGED), 1L << 30, Duration.ofSeconds(5));
        Mail mail = new DrillNotice("web1").mail(report);
        assertEquals("Restore drill failed: web1", mail.subject());
        assertEquals(String.join("\n", report.lines()) + "\n\nLast 2 line(s) of the restore of sub dir/big.bin of"
                + " /srv/data:\n  Invalid data - SHA1 hash mismatch for file:\n   duplicity-full.X.vol1.difftar.gpg\n",
                mail.text());
    }
}
