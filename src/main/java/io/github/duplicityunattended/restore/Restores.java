package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.Durations;
import io.github.duplicityunattended.duplicity.DuplicityMessages;
import io.github.duplicityunattended.exec.CommandOutput;
import io.github.duplicityunattended.run.RunLock;
import io.github.duplicityunattended.run.RunRefusedException;
import io.github.duplicityunattended.support.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Begins and ends a {@code --restore}: takes the run lock (duplicity's cache is the backups' cache), makes the
 * target's parent dirs and duplicity's arguments; at the end says in one line how it went. The route runs the
 * command in between; log lines carry the dir from the diagnostic context.
 */
public final class Restores {

    private static final Logger LOG = LoggerFactory.getLogger(Restores.class);
    private final RestoreCommands commands;
    private final RunLock lock;
    private final Duration lockWait;
    private final Clock clock;

    public Restores(RestoreCommands commands, RunLock lock, Duration lockWait, Clock clock) {
        this.commands = commands;
        this.lock = lock;
        this.lockWait = lockWait;
        this.clock = clock;
    }

    /** Takes the lock and returns the step that restores as asked. */
    public RestoreStep begin(RestoreRequest request) throws RunRefusedException, IOException {
        lock.acquire(lockWait);
        try {
            // duplicity makes a restored dir's parents, but not a restored file's: it then says nothing and exits 0
            Files.createDirectories(request.target().getParent());
        } catch (IOException e) {
            lock.release();
            throw e;
        }
        LOG.info("restore of {} from {} to {} started", request.what(),
                commands.targetOf(request.dir()).effective(), request.target());
        return new RestoreStep(request, commands.restore(request.dir(), request.path(), request.time(),
                request.target(), request.force()), clock.instant());
    }

    /** Says how duplicity's restore went, and releases the lock. */
    public RestoreOutcome finished(RestoreStep step, CommandOutput output) {
        if (output.getExitValue() != 0) {
            return end(step, false, "exit " + output.getExitValue() + ": " + DuplicityMessages.reason(output.tail()));
        }
        if (!Files.exists(step.request().target(), LinkOption.NOFOLLOW_LINKS)) {
            return end(step, false, "duplicity exited 0 but restored nothing to " + step.request().target());
        }
        return end(step, true, "");
    }

    /** A restore whose duplicity could not be run at all. */
    public RestoreOutcome failed(RestoreStep step, Exception error) {
        return end(step, false, "could not run duplicity: " + Failures.reason(error));
    }

    /** A restore that could not start (the backups' lock stayed held), with the reason. */
    public RestoreOutcome refused(String reason) {
        LOG.error("Restore not started: {}", reason);
        return new RestoreOutcome(false, "restore not started: " + reason);
    }

    private RestoreOutcome end(RestoreStep step, boolean ok, String why) {
        lock.release();
        String took = Durations.human(Duration.between(step.started(), clock.instant()));
        RestoreRequest r = step.request();
        RestoreOutcome outcome = ok
                ? new RestoreOutcome(true, "restored " + r.what() + " to " + r.target() + " in " + took)
                : new RestoreOutcome(false, "restore of " + r.what() + " to " + r.target() + " FAILED after " + took
                        + ": " + why);
        if (ok) {
            LOG.info(outcome.line());
        } else {
            LOG.error(outcome.line());
        }
        return outcome;
    }
}
