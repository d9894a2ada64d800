package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.Config;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Begins and ends backup runs: takes the run lock and makes the run; at the end words its report once, logs
 * it and releases the lock.
 */
public final class RunLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RunLifecycle.class);
    private final Config config;
    private final RunLock lock;
    private final Clock clock;
    private final boolean dryRun;
    private final boolean skipPurge;
    private final Supplier<List<String>> readiness;

    /**
     * @param readiness what keeps a run from working (no signing key, no writable cache), asked as it begins
     */
    public RunLifecycle(Config config, RunLock lock, Clock clock, boolean dryRun, boolean skipPurge,
                        Supplier<List<String>> readiness) {
        this.config = config;
        this.lock = lock;
        this.clock = clock;
        this.dryRun = dryRun;
        this.skipPurge = skipPurge;
        this.readiness = readiness;
    }

    /** Takes the run lock (waiting up to {@code lock_wait}) and returns a new run over every configured dir. */
    public BackupRun begin() throws RunRefusedException {
        List<String> problems = readiness.get();
        if (!problems.isEmpty()) {
            throw new RunRefusedException(String.join("; ", problems));
        }
        lock.acquire(config.lockWait());
        OptionalInt keep = skipPurge ? OptionalInt.empty() : config.removeAllButNFull();
        LOG.info("Backup run started: {} dir(s) to {}{}{}", config.backupDirs().size(), config.bucketUrl(),
                keep.isPresent() ? ", then keep the last " + keep.getAsInt() + " full chain(s)"
                        : skipPurge ? ", purge skipped" : ", no purge configured",
                dryRun ? " (dry run)" : "");
        return new BackupRun(config.backupDirs(), keep, dryRun, clock.instant());
    }

    /** Words the run's report, logs it and releases the lock. */
    public RunReport finish(BackupRun run) {
        try {
            RunReport report = RunReport.of(run, clock.instant());
            for (RunReport.Line line : report.summary()) {
                switch (line.level()) {
                    case ERROR -> LOG.error(line.text());
                    case WARN -> LOG.warn(line.text());
                    case INFO -> LOG.info(line.text());
                }
            }
            return report;
        } finally {
            lock.release();
        }
    }

    /** A run that could not start, with the reason. */
    public RunRefusal refused(String reason) {
        LOG.error("Backup run not started: {}", reason);
        return new RunRefusal(reason);
    }
}
