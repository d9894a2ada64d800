package io.github.duplicityunattended.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Hook;
import io.github.duplicityunattended.exec.Command;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A hook's argv and environment, built by pure code: what each kind of hook is told. */
class HookCommandsTest {

    private static final Map<String, String> PROGRAM_ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root",
            "DUPLICITY_UNATTENDED_STATUS", "stale", "PGHOST", "/run/postgresql");
    private static final List<String> PG_DUMP = List.of("pg_dump", "--file=/var/backups/pg/app dump.sql", "app");
    private final HookCommands commands = new HookCommands(PROGRAM_ENV);
    private final BackupDir dir = BackupDir.of("/var/backups/pg");

    @Test
    void aBeforeHookGetsItsArgvAsWrittenAndTheDirButNoStatusYet() {
        Hook hook = new Hook(Hook.When.BEFORE, PG_DUMP, Duration.ofHours(2));
        assertEquals(new Command(PG_DUMP, Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "PGHOST", "/run/postgresql",
                "DUPLICITY_UNATTENDED_DIR", "/var/backups/pg"), Duration.ofHours(2), false),
                commands.ofDir(hook, dir, "ok"));
    }

    @Test
    void anAfterHookIsACleanupAndIsToldHowTheDirWent() {
        Hook hook = new Hook(Hook.When.AFTER, List.of("systemctl", "start", "app.service"), Duration.ofMinutes(5));
        assertEquals(new Command(List.of("systemctl", "start", "app.service"), Map.of("PATH", "/usr/bin:/bin",
                "HOME", "/root", "PGHOST", "/run/postgresql", "DUPLICITY_UNATTENDED_DIR", "/var/backups/pg",
                "DUPLICITY_UNATTENDED_STATUS", "failed"), Duration.ofMinutes(5), true),
                commands.ofDir(hook, dir, "failed"));
    }

    @Test
    void theRunsHooksAfterTheBackupsAreToldTheStatusAndTheSummaryBeforeRunNothing() {
        BackupRun run = new BackupRun(List.of(dir), OptionalInt.empty(), false, Instant.parse("2026-11-26T02:00:00Z"));
        RunReport soFar = RunReport.of(run, Instant.parse("2026-11-26T02:00:03Z"));
        Map<String, String> base = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "PGHOST", "/run/postgresql");
        List<String> umount = List.of("umount", "/mnt/snap");

        assertEquals(new Command(umount, base, Duration.ofHours(1), false),
                commands.ofRun(new Hook(Hook.When.BEFORE_RUN, umount, Duration.ofHours(1)), soFar));
        Map<String, String> told = new java.util.HashMap<>(base);
        told.put("DUPLICITY_UNATTENDED_STATUS", "failed");
        told.put("DUPLICITY_UNATTENDED_SUMMARY", "Backup run FAILED: 0 of 1 dirs ok, 1 failed, took 3.0s\n"
                + "[/var/backups/pg] FAILED: not backed up\nFailed dirs: /var/backups/pg");
        assertEquals(new Command(umount, told, Duration.ofHours(1), true),
                commands.ofRun(new Hook(Hook.When.AFTER_RUN, umount, Duration.ofHours(1)), soFar));
        assertEquals(new Command(umount, told, Duration.ofHours(1), false),
                commands.ofRun(new Hook(Hook.When.ON_FAILURE, umount, Duration.ofHours(1)), soFar));
    }

    @Test
    void severalHooksOfOneMomentAreNamedByTheirPlaceAndProgram() {
        List<Hook> hooks = List.of(new Hook(Hook.When.AFTER, List.of("/usr/bin/systemctl", "start", "a"),
                Duration.ofHours(1)), new Hook(Hook.When.AFTER, List.of("sh", "-c", "x"), Duration.ofHours(1)));
        assertEquals(List.of("after hook 1 systemctl", "after hook 2 sh"),
                HookCall.of(java.util.Optional.of(dir), hooks).stream().map(HookCall::name).toList());
        assertEquals(List.of("before_run hook mount"), HookCall.of(java.util.Optional.empty(), List.of(
                new Hook(Hook.When.BEFORE_RUN, List.of("mount", "/mnt"), Duration.ofHours(1)))).stream()
                .map(HookCall::name).toList());
    }
}
