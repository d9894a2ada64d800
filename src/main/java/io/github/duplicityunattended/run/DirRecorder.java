package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.duplicity.BackupStatistics;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.camel.component.exec.ExecResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives each dir's duplicity arguments to the route and records what each command did. */
public final class DirRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(DirRecorder.class);
    private final DuplicityCommands commands;
    private final Clock clock;

    public DirRecorder(DuplicityCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public List<String> backupArgs(BackupRun run, BackupDir dir) {
        run.markStarted(dir, clock.instant());
        LOG.info("[{}] backup to {} started", dir.source(), commands.targetOf(dir).effective());
        return commands.backup(dir);
    }

    public List<String> purgeArgs(BackupRun run, BackupDir dir) {
        run.markStarted(dir, clock.instant());
        LOG.info("[{}] purge started: keep the last {} full chain(s){}", dir.source(), run.keepFull().orElse(0),
                run.dryRun() ? " (dry run: only listing)" : "");
        return commands.purge(dir, run.keepFull().orElseThrow());
    }

    public void backedUp(BackupRun run, BackupDir dir, ExecResult result) {
        DirResult r = result(run, dir, result.getExitValue(), tail(result));
        run.recordBackup(dir, r);
        log(dir, "backup", r);
    }

    public void purged(BackupRun run, BackupDir dir, ExecResult result) {
        DirResult r = result(run, dir, result.getExitValue(), tail(result));
        run.recordPurge(dir, r);
        log(dir, "purge", r);
    }

    public void backupFailed(BackupRun run, BackupDir dir, Exception error) {
        DirResult r = result(run, dir, -1, List.of(describe(error)));
        run.recordBackup(dir, r);
        log(dir, "backup", r);
    }

    public void purgeFailed(BackupRun run, BackupDir dir, Exception error) {
        DirResult r = result(run, dir, -1, List.of(describe(error)));
        run.recordPurge(dir, r);
        log(dir, "purge", r);
    }

    private DirResult result(BackupRun run, BackupDir dir, int exit, List<String> tail) {
        return new DirResult(exit == 0, exit, run.elapsed(dir, clock.instant()), BackupStatistics.parse(tail), tail);
    }

    private static void log(BackupDir dir, String what, DirResult r) {
        if (r.ok()) {
            LOG.info("[{}] {} ok", dir.source(), what);
        } else {
            LOG.error("[{}] {} FAILED: exit {}: {}", dir.source(), what, r.exitValue(), r.lastLine());
        }
    }

    private static String describe(Exception error) {
        String message = Optional.ofNullable(error.getMessage()).orElse(error.getClass().getSimpleName());
        return "could not run duplicity: " + message;
    }

    private static List<String> tail(ExecResult result) {
        try (InputStream in = result.getStdout()) {
            return in == null ? List.of() : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
