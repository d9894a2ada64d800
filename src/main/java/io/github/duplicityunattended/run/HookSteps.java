package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Durations;
import io.github.duplicityunattended.config.Hook;
import io.github.duplicityunattended.exec.CommandOutput;
import io.github.duplicityunattended.support.Failures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks of a run: which are due at a moment, each one's command as it starts (from the pure
 * {@link HookCommands}), and what it did. The routes run the command in between with the executor that runs
 * duplicity, so a hook's output is logged with its dir and the program's stop ends it too.
 */
public final class HookSteps {

    private static final Logger LOG = LoggerFactory.getLogger(HookSteps.class);
    private final List<Hook> runHooks;
    private final HookCommands commands;
    private final Clock clock;
    private final boolean dryRun;

    /**
     * @param runHooks the config's hooks of the whole run
     * @param dryRun   list the hooks instead of running them: a dry run changes nothing
     */
    public HookSteps(List<Hook> runHooks, HookCommands commands, Clock clock, boolean dryRun) {
        this.runHooks = List.copyOf(runHooks);
        this.commands = commands;
        this.clock = clock;
        this.dryRun = dryRun;
    }

    /** The run's hooks of this moment, in config order. */
    public List<HookCall> ofRun(Hook.When when) {
        return HookCall.of(Optional.empty(), runHooks.stream().filter(h -> h.when() == when).toList());
    }

    /** The dir's hooks of this moment, in config order. */
    public List<HookCall> ofDir(BackupDir dir, Hook.When when) {
        return HookCall.of(Optional.of(dir), dir.hooks(when));
    }

    /**
     * Whether the hook runs now: not in a dry run, and not after a hook before it that prepares the same thing
     * (a before hook, a before_run hook) failed.
     */
    public boolean due(BackupRun run, HookCall call) {
        if (dryRun) {
            LOG.info("{} not run: dry run", call.name());
            return false;
        }
        return !call.when().prepares() || run.prepared(call.dir());
    }

    /** True when the dir's before hooks all went well, so that it is backed up. */
    public boolean prepared(BackupRun run, BackupDir dir) {
        return run.prepared(Optional.of(dir));
    }

    /** True when the run, as it stands, failed: its on_failure hooks are due. */
    public boolean runFailed(BackupRun run) {
        return RunReport.of(run, clock.instant()).failed();
    }

    /** The hook's command as it starts now: the environment tells it how its dir, or the run, went so far. */
    public HookStep start(BackupRun run, HookCall call) {
        var command = call.dir().map(dir -> commands.ofDir(call.hook(), dir, dirStatus(run, dir)))
                .orElseGet(() -> commands.ofRun(call.hook(), RunReport.of(run, clock.instant())));
        LOG.info("{} started", call.name());
        return new HookStep(call, command, clock.instant());
    }

    /** Records what the hook did. */
    public void finished(BackupRun run, HookStep step, CommandOutput output) {
        DirResult.Outcome outcome = output.interrupted() ? DirResult.Outcome.INTERRUPTED
                : output.getExitValue() == 0 ? DirResult.Outcome.OK : DirResult.Outcome.FAILED;
        record(run, new HookResult(step.call(), outcome, output.getExitValue(), elapsed(step), output.tail()));
    }

    /** Records a hook that could not be started at all. */
    public void failed(BackupRun run, HookStep step, Exception error) {
        record(run, new HookResult(step.call(), DirResult.Outcome.FAILED, -1, elapsed(step),
                List.of("could not run " + step.command().argv().get(0) + ": " + Failures.reason(error))));
    }

    /** How the dir went, as its after hooks are told: ok, failed, incomplete or interrupted. */
    static String dirStatus(BackupRun run, BackupDir dir) {
        if (!run.prepared(Optional.of(dir))) {
            return run.hooks(Optional.of(dir)).stream().anyMatch(HookResult::interrupted) ? "interrupted" : "failed";
        }
        return run.backup(dir).map(r -> switch (r.outcome()) {
            case OK -> r.incomplete() ? "incomplete" : "ok";
            case FAILED -> "failed";
            case INTERRUPTED -> "interrupted";
        }).orElse("failed");
    }

    private Duration elapsed(HookStep step) {
        return Duration.between(step.started(), clock.instant());
    }

    private static void record(BackupRun run, HookResult result) {
        run.record(result);
        String name = result.call().name();
        switch (result.outcome()) {
            case OK -> LOG.info("{} ok in {}", name, Durations.human(result.duration()));
            case FAILED -> LOG.error("{} FAILED: exit {}: {}", name, result.exitValue(), result.reason());
            case INTERRUPTED -> LOG.warn("{} interrupted: the program is stopping", name);
        }
    }
}
