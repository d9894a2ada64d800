package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.Config;
import java.time.Clock;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts and ends backup runs: takes the run lock, creates the run, logs its summary, records the outcome. */
public final class BackupRuns {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRuns.class);
    private final Config config;
    private final RunLock lock;
    private final RunOutcome outcome;
    private final Clock clock;
    private final boolean dryRun;
    private final boolean skipPurge;

    public BackupRuns(Config config, RunLock lock, RunOutcome outcome, Clock clock, boolean dryRun, boolean skipPurge) {
        this.config = config;
        this.lock = lock;
        this.outcome = outcome;
        this.clock = clock;
        this.dryRun = dryRun;
        this.skipPurge = skipPurge;
    }

    /** Takes the run lock (waiting up to {@code lock_wait}) and returns a new run over every configured dir. */
    public BackupRun begin() throws RunRefusedException {
        lock.acquire(config.lockWait());
        OptionalInt keep = skipPurge ? OptionalInt.empty() : config.removeAllButNFull();
        LOG.info("Backup run started: {} dir(s) to {}{}{}", config.backupDirs().size(), config.bucketUrl(),
                keep.isPresent() ? ", then keep the last " + keep.getAsInt() + " full chain(s)"
                        : skipPurge ? ", purge skipped" : ", no purge configured",
                dryRun ? " (dry run)" : "");
        return new BackupRun(config.backupDirs(), keep, dryRun, clock.instant());
    }

    /** Logs the summary, releases the lock and records the outcome. */
    public void finish(BackupRun run) {
        try {
            for (RunSummary.Line line : RunSummary.entries(run, clock.instant())) {
                if (line.failed()) {
                    LOG.error(line.text());
                } else {
                    LOG.info(line.text());
                }
            }
            outcome.record(run);
        } finally {
            lock.release();
        }
    }

    /** Records a run that could not start, with the reason. */
    public void refused(String reason) {
        LOG.error("Backup run not started: {}", reason);
        outcome.refuse(reason);
    }
}
