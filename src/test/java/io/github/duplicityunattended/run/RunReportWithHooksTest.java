package io.github.duplicityunattended.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.config.Hook;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.exec.CommandOutput;
import io.github.duplicityunattended.testsupport.Configs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.exec.ExecCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the report tells what hooks did: the dir or run they failed, the summary line, the notice's tail. */
class RunReportWithHooksTest {

    private static final Clock CLOCK = RunReportTest.CLOCK;

    @TempDir
    Path tmp;
    Config config;
    DirSteps steps;
    HookSteps hooks;
    BackupRun run;

    @BeforeEach
    void run() throws Exception {
        config = Configs.load(tmp, """
                gpg_key_id: 0123ABCD
                bucket_url: file:///var/backups
                full_if_older_than: 1M
                remove_all_but_n_full: 2
                hooks:
                  - when: before_run
                    command: [mount, /mnt/snap]
                  - when: after_run
                    command: [umount, /mnt/snap]
                backup_dirs:
                  - source: /var/backups/pg
                    hooks:
                      - when: before
                        command: [pg_dump, -f, /var/backups/pg/app.sql, app]
                      - when: after
                        command: [rm, /var/backups/pg/app.sql]
                  - source: /srv/app
                    hooks:
                      - when: before
                        command: [systemctl, stop, app]
                      - when: after
                        command: [systemctl, start, app]
                """);
        steps = new DirSteps(new DuplicityCommands(config, new DuplicityVersion(0, 8, 22), false), CLOCK);
        hooks = new HookSteps(config.hooks(), new HookCommands(Map.of()), CLOCK, false);
        run = new BackupRun(config.backupDirs(), OptionalInt.of(2), false, CLOCK.instant());
    }

    private BackupDir dir(int i) {
        return config.backupDirs().get(i);
    }

    private void backup(int dir) {
        DirStep step = steps.start(run, dir(dir), DirStep.Action.BACKUP);
        steps.finished(run, step, output("duplicity", 0, RunReportTest.STATS, false));
    }

    private void hook(HookCall call, int exit, List<String> tail, boolean interrupted) {
        HookStep step = hooks.start(run, call);
        hooks.finished(run, step, output(call.hook().command().get(0), exit, tail, interrupted));
    }

    private static CommandOutput output(String program, int exit, List<String> tail, boolean interrupted) {
        return new CommandOutput(new ExecCommand(program, List.of(), null, 1000L, null, null, null, false,
                LoggingLevel.OFF), exit, tail, List.of(), interrupted);
    }

    private HookCall dirHook(int dir, Hook.When when) {
        return hooks.ofDir(dir(dir), when).get(0);
    }

    private HookCall runHook(Hook.When when) {
        return hooks.ofRun(when).get(0);
    }

    @Test
    void aFailedBeforeHookFailsItsDirWhichIsNeitherBackedUpNorPurgedAndTheNoticeQuotesTheHook() {
        hook(runHook(Hook.When.BEFORE_RUN), 0, List.of(), false);
        hook(dirHook(0, Hook.When.BEFORE), 1, List.of("pg_dump: error: connection to server failed",
                "  Is the server running locally?"), false);
        assertEquals(false, hooks.prepared(run, dir(0)));
        hook(dirHook(0, Hook.When.AFTER), 0, List.of(), false);
        hook(dirHook(1, Hook.When.BEFORE), 0, List.of(), false);
        backup(1);
        hook(dirHook(1, Hook.When.AFTER), 0, List.of(), false);
        assertEquals(List.of(dir(1)), run.getDirsToPurge());

        RunReport report = RunReport.of(run, CLOCK.instant());
        assertEquals(RunReport.Status.FAILED, report.status());
        assertEquals(List.of("Backup run FAILED: 1 of 2 dirs ok, 1 failed, took 0.0s",
                "[/var/backups/pg] FAILED: before hook pg_dump: exit 1: Is the server running locally?; not backed up",
                "[/srv/app] ok in 0.0s: files 3, changed 3, bytes changed 4 B, stored 853 B, errors 0",
                "Failed dirs: /var/backups/pg"), report.lines());
        assertEquals(List.of(new RunReport.Detail("Last 2 line(s) of the before hook pg_dump of /var/backups/pg:",
                List.of("pg_dump: error: connection to server failed", "  Is the server running locally?"))),
                report.details());
    }

    @Test
    void aFailedAfterHookFailsItsDirThoughItWasBackedUpAndKeepsItFromThePurge() {
        backup(1);
        hook(dirHook(1, Hook.When.AFTER), 5, List.of("Job for app.service failed."), false);

        assertEquals(List.of(), run.getDirsToPurge());
        RunReport report = RunReport.of(run, CLOCK.instant());
        assertEquals(List.of("/var/backups/pg", "/srv/app"), report.failedDirs());
        assertEquals("[/srv/app] ok in 0.0s: files 3, changed 3, bytes changed 4 B, stored 853 B, errors 0;"
                + " after hook systemctl FAILED: exit 5: Job for app.service failed.; not purged", report.lines().get(2));
    }

    @Test
    void aFailedBeforeRunHookLeavesEveryDirUnbackedUpAndIsNamedInTheHeadlineOfNothingAndItsOwnLine() {
        hook(runHook(Hook.When.BEFORE_RUN), 32, List.of("mount: /mnt/snap: special device /dev/vg0/snap does not"
                + " exist."), false);
        assertEquals(List.of(), run.getDirsToBackUp());
        hook(runHook(Hook.When.AFTER_RUN), 0, List.of(), false);

        RunReport report = RunReport.of(run, CLOCK.instant());
        assertEquals(List.of("Backup run FAILED: 0 of 2 dirs ok, 2 failed, before_run hook mount failed, took 0.0s",
                "[/var/backups/pg] FAILED: not backed up: the before_run hook mount failed",
                "[/srv/app] FAILED: not backed up: the before_run hook mount failed",
                "before_run hook mount FAILED: exit 32: mount: /mnt/snap: special device /dev/vg0/snap does not exist.;"
                        + " no dir was backed up",
                "Failed dirs: /var/backups/pg, /srv/app"), report.lines());
        assertEquals("Last 1 line(s) of the before_run hook mount:", report.details().get(0).heading());
    }

    @Test
    void aFailedAfterRunHookFailsARunWhoseDirsWereAllOk() {
        backup(0);
        backup(1);
        hook(runHook(Hook.When.AFTER_RUN), 1, List.of("umount: /mnt/snap: target is busy."), false);

        RunReport report = RunReport.of(run, CLOCK.instant());
        assertEquals(1, report.exitCode());
        assertEquals(List.of(), report.failedDirs());
        assertEquals("Backup run FAILED: 2 of 2 dirs ok, 0 failed, after_run hook umount failed, took 0.0s",
                report.lines().get(0));
        assertEquals("after_run hook umount FAILED: exit 1: umount: /mnt/snap: target is busy.",
                report.lines().get(3));
    }

    @Test
    void aHookTheProgramsStopEndedLeavesItsDirInterruptedNotFailed() {
        hook(dirHook(0, Hook.When.BEFORE), 143, List.of("not started: the program is stopping"), true);
        backup(1);

        RunReport report = RunReport.of(run, CLOCK.instant());
        assertEquals(RunReport.Status.INTERRUPTED, report.status());
        assertEquals("[/var/backups/pg] INTERRUPTED: before hook pg_dump stopped with the program; not backed up",
                report.lines().get(1));
        assertEquals("interrupted", HookSteps.dirStatus(run, dir(0)));
        assertEquals("ok", HookSteps.dirStatus(run, dir(1)));
    }

    @Test
    void aDryRunRunsNoHookAndAFailedBeforeHookSkipsOnlyThePreparingHooksAfterIt() {
        HookSteps dry = new HookSteps(config.hooks(), new HookCommands(Map.of()), CLOCK, true);
        assertEquals(false, dry.due(run, runHook(Hook.When.BEFORE_RUN)));
        assertEquals(false, dry.due(run, dirHook(0, Hook.When.AFTER)));

        hook(dirHook(0, Hook.When.BEFORE), 1, List.of(), false);
        assertEquals(false, hooks.due(run, dirHook(0, Hook.When.BEFORE)));
        assertEquals(true, hooks.due(run, dirHook(0, Hook.When.AFTER)));
        assertEquals(true, hooks.due(run, dirHook(1, Hook.When.BEFORE)), "another dir's hooks are its own");
    }
}
