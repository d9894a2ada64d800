package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.duplicity.BackupStatistics;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.duplicity.DuplicityMessages;
import io.github.duplicityunattended.exec.CommandOutput;
import io.github.duplicityunattended.support.Failures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each duplicity step of a run (its arguments, from the pure builder) and records what it did. The
 * routes run the command in between with camel-exec; the log lines carry the dir from the diagnostic context.
 */
public final class DirSteps {

    private static final Logger LOG = LoggerFactory.getLogger(DirSteps.class);
    private final DuplicityCommands commands;
    private final DamagedCache damagedCache;
    private final Clock clock;

    public DirSteps(DuplicityCommands commands, Clock clock) {
        this.commands = commands;
        this.damagedCache = new DamagedCache(clock);
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
        DirResult.Outcome outcome = output.interrupted() ? DirResult.Outcome.INTERRUPTED
                : output.getExitValue() == 0 ? DirResult.Outcome.OK : DirResult.Outcome.FAILED;
        List<String> unreadable = output.picked().stream().map(DuplicityMessages::unreadableFile)
                .flatMap(Optional::stream).toList();
        record(run, step, new DirResult(outcome, output.getExitValue(), elapsed(step),
                BackupStatistics.parse(output.tail()), output.tail(), unreadable));
    }

    /** Records a step whose duplicity could not be run at all. */
    public void failed(BackupRun run, DirStep step, Exception error) {
        List<String> tail = List.of("could not run duplicity: " + Failures.reason(error));
        record(run, step, new DirResult(DirResult.Outcome.FAILED, -1, elapsed(step), Optional.empty(), tail, List.of()));
    }

    /**
     * When the step failed because duplicity's local cache of this dir cannot be read, moves that cache aside
     * (kept, named with the time) and says the step should run again: duplicity then fetches what it needs from
     * the target. At most once per dir and run.
     */
    public boolean setDamagedCacheAside(BackupRun run, DirStep step) {
        Optional<DirResult> result = step.action() == DirStep.Action.BACKUP ? run.backup(step.dir())
                : run.purge(step.dir());
        if (result.filter(r -> r.outcome() == DirResult.Outcome.FAILED)
                .filter(r -> DuplicityMessages.cacheDamaged(r.tail())).isEmpty() || !run.healOnce(step.dir())) {
            return false;
        }
        return damagedCache.setAside(commands.cacheOf(step.dir()), result.get().reason());
    }

    private Duration elapsed(DirStep step) {
        return Duration.between(step.started(), clock.instant());
    }

    private static void record(BackupRun run, DirStep step, DirResult result) {
        run.record(step, result);
        String what = step.action().word();
        switch (result.outcome()) {
            case OK -> {
                if (result.incomplete()) {
                    LOG.warn("{} ok, but {} file(s) could not be read", what, result.unreadableCount());
                } else {
                    LOG.info("{} ok", what);
                }
            }
            case FAILED -> LOG.error("{} FAILED: exit {}: {}", what, result.exitValue(), result.reason());
            case INTERRUPTED -> LOG.warn("{} interrupted: the program is stopping", what);
        }
    }
}
