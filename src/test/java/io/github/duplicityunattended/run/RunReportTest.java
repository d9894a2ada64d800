package io.github.duplicityunattended.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.exec.CommandOutput;
import io.github.duplicityunattended.testsupport.Configs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.exec.ExecCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);
    static final List<String> STATS = List.of("--------------[ Backup Statistics ]--------------",
            "SourceFiles 3", "NewFiles 3", "RawDeltaSize 4 (4 bytes)", "TotalDestinationSizeChange 853 (853 bytes)");

    @TempDir
    Path tmp;
    Config config;
    DirSteps steps;
    BackupRun run;

    @BeforeEach
    void run() throws Exception {
        config = Configs.load(tmp, """
                gpg_key_id: 0123ABCD
                bucket_url: file:///var/backups
                full_if_older_than: 1M
                remove_all_but_n_full: 2
                backup_dirs:
                  - source: /etc
                  - source: /srv
                """);
        steps = new DirSteps(new DuplicityCommands(config, new DuplicityVersion(0, 8, 22), false), CLOCK);
        run = new BackupRun(config.backupDirs(), OptionalInt.of(2), false, CLOCK.instant());
    }

    private BackupDir dir(int i) {
        return config.backupDirs().get(i);
    }

    private void step(int dir, DirStep.Action action, int exit, List<String> tail, List<String> picked,
                      boolean interrupted) {
        DirStep step = steps.start(run, dir(dir), action);
        ExecCommand command = new ExecCommand("duplicity", step.argv(), null, 1000L, null, null, null, false,
                LoggingLevel.OFF);
        steps.finished(run, step, new CommandOutput(command, exit, tail, picked, interrupted));
    }

    private List<String> withErrors(long errors) {
        return java.util.stream.Stream.concat(STATS.stream(), java.util.stream.Stream.of("Errors " + errors)).toList();
    }

    @Test
    void aRunWithEveryDirBackedUpAndPurgedIsOkWithExitCodeZero() {
        step(0, DirStep.Action.BACKUP, 0, withErrors(0), List.of(), false);
        step(1, DirStep.Action.BACKUP, 0, withErrors(0), List.of(), false);
        assertEquals(List.of(dir(0), dir(1)), run.getDirsToPurge());
        step(0, DirStep.Action.PURGE, 0, List.of(), List.of(), false);
        step(1, DirStep.Action.PURGE, 0, List.of(), List.of(), false);

        RunReport report = RunReport.of(run, CLOCK.instant());
        assertEquals(RunReport.Status.OK, report.status());
        assertEquals(0, report.exitCode());
        assertFalse(report.needsNotice());
        assertEquals(List.of("Backup run finished: 2 of 2 dirs ok, 0 failed, took 0.0s",
                "[/etc] ok in 0.0s: files 3, changed 3, bytes changed 4 B, stored 853 B, errors 0; purge ok",
                "[/srv] ok in 0.0s: files 3, changed 3, bytes changed 4 B, stored 853 B, errors 0; purge ok"),
                report.lines());
    }

    @Test
    void filesDuplicityCouldNotReadMakeTheRunIncompleteWithExitCodeThreeAndKeepItsChainsFromThePurge() {
        step(0, DirStep.Action.BACKUP, 0, withErrors(4), List.of("Error accessing possibly locked file /etc/shadow",
                "Error accessing possibly locked file /etc/gshadow"), false);
        step(1, DirStep.Action.BACKUP, 0, withErrors(0), List.of(), false);
        assertEquals(List.of(dir(1)), run.getDirsToPurge(), "the incomplete dir is not purged");

        RunReport report = RunReport.of(run, CLOCK.instant());
        assertEquals(RunReport.Status.INCOMPLETE, report.status());
        assertEquals(3, report.exitCode());
        assertTrue(report.needsNotice());
        assertEquals(List.of("/etc"), report.incompleteDirs());
        assertEquals(new RunReport.Line(RunReport.Level.WARN, "[/etc] ok in 0.0s: files 3, changed 3, bytes changed"
                + " 4 B, stored 853 B, errors 4; INCOMPLETE: 4 file(s) could not be read: /etc/shadow, /etc/gshadow"
                + " and 2 more; not purged"), report.summary().get(1));
        assertEquals(List.of(new RunReport.Detail("Files duplicity could not read in /etc (4 in all):",
                List.of("/etc/shadow", "/etc/gshadow"))), report.details());
    }

    @Test
    void aFailedDirFailsTheRunWithExitCodeOneQuotingTheCause() {
        step(0, DirStep.Action.BACKUP, 23, List.of("Another duplicity instance is already running with this archive"
                + " directory", "Could not release lockfile: Unable to release an unaquired lock"), List.of(), false);
        step(1, DirStep.Action.BACKUP, 0, withErrors(0), List.of(), false);

        RunReport report = RunReport.of(run, CLOCK.instant());
        assertEquals(RunReport.Status.FAILED, report.status());
        assertEquals(1, report.exitCode());
        assertEquals("[/etc] FAILED after 0.0s: exit 23: Another duplicity instance is already running with this"
                + " archive directory; not purged", report.lines().get(1));
        assertEquals(List.of("/etc"), report.failedDirs());
    }

    @Test
    void aRunTheProgramsStopInterruptedExitsWith143AndSendsNoNotice() {
        step(0, DirStep.Action.BACKUP, 0, withErrors(0), List.of(), false);
        step(1, DirStep.Action.BACKUP, 143, List.of("Reuse configured PASSPHRASE as SIGN_PASSPHRASE"), List.of(), true);

        RunReport report = RunReport.of(run, CLOCK.instant());
        assertEquals(RunReport.Status.INTERRUPTED, report.status());
        assertEquals(143, report.exitCode());
        assertFalse(report.needsNotice());
        assertEquals(List.of(
                "Backup run INTERRUPTED: the program was stopped; 1 of 2 dirs ok, 1 not finished, took 0.0s",
                "[/etc] ok in 0.0s: files 3, changed 3, bytes changed 4 B, stored 853 B, errors 0",
                "[/srv] INTERRUPTED: not started, the program was stopping; not purged",
                "Not finished, resumed at the next run: /srv"), report.lines());
    }
}
