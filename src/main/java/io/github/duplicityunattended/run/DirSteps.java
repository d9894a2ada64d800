package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.duplicity.BackupStatistics;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.exec.CommandOutput;
import io.github.duplicityunattended.support.Failures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each duplicity step of a run (its arguments, from the pure builder) and records what it did. The
 * routes run the command in between with camel-exec; the log lines carry the dir from the diagnostic context.
 */
public final class DirSteps {

    private static final Logger LOG = LoggerFactory.getLogger(DirSteps.class);
    private final DuplicityCommands commands;
    private final Clock clock;

    public DirSteps(DuplicityCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** The step that backs up or purges {@code dir} now, with its duplicity arguments. */
    public DirStep start(BackupRun run, BackupDir dir, DirStep.Action action) {
        List<String> argv;
        if (action == DirStep.Action.BACKUP) {
            argv = commands.backup(dir);
            LOG.info("backup to {} started", commands.targetOf(dir).effective());
        } else {
            argv = commands.purge(dir, run.keepFull().orElseThrow());
            LOG.info("purge started: keep the last {} full chain(s){}", run.keepFull().getAsInt(),
                    run.dryRun() ? " (dry run: only listing)" : "");
        }
        return new DirStep(dir, action, argv, clock.instant());
    }

    /** Records what duplicity did. */
    public void finished(BackupRun run, DirStep step, CommandOutput output) {
        record(run, step, output.getExitValue(), output.tail());
    }

    /** Records a step whose duplicity could not be run at all. */
    public void failed(BackupRun run, DirStep step, Exception error) {
        record(run, step, -1, List.of("could not run duplicity: " + Failures.reason(error)));
    }

    private void record(BackupRun run, DirStep step, int exit, List<String> tail) {
        DirResult result = new DirResult(exit == 0, exit, Duration.between(step.started(), clock.instant()),
                BackupStatistics.parse(tail), tail);
        run.record(step, result);
        if (result.ok()) {
            LOG.info("{} ok", step.action().word());
        } else {
            LOG.error("{} FAILED: exit {}: {}", step.action().word(), result.exitValue(), result.lastLine());
        }
    }
}
