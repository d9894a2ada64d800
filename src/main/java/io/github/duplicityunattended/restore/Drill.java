package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.ByteSizes;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.exec.CommandOutput;
import io.github.duplicityunattended.run.RunLock;
import io.github.duplicityunattended.run.RunRefusal;
import io.github.duplicityunattended.run.RunRefusedException;
import io.github.duplicityunattended.support.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restore drill's steps, which the routes call: begin (the run lock, one listing of the store), a dir's plan,
 * each file's restore into a private temp dir and its comparison with the source, and the report. The routes run
 * duplicity in between; log lines carry the dir from the diagnostic context.
 */
public final class Drill {

    private static final Logger LOG = LoggerFactory.getLogger(Drill.class);
    private final Config config;
    private final RestoreCommands commands;
    private final BackupStore store;
    private final RunLock lock;
    private final Clock clock;
    private final DrillPlanner planner;
    private final DrillCheck check = new DrillCheck();

    public Drill(Config config, RestoreCommands commands, BackupStore store, RunLock lock, Clock clock, Random random) {
        this.config = config;
        this.commands = commands;
        this.store = store;
        this.lock = lock;
        this.clock = clock;
        this.planner = new DrillPlanner(random);
    }

    /** Takes the run lock and lists the store once; {@code dir} is the source of one dir, or null for all. */
    public DrillRun begin(String dir) throws RunRefusedException {
        List<BackupDir> dirs = dir == null ? config.backupDirs()
                : config.backupDirs().stream().filter(d -> d.source().equals(dir)).toList();
        lock.acquire(config.lockWait());
        LOG.info("Restore drill started: {} dir(s), up to {} file(s) each, at most {} downloaded", dirs.size(),
                config.verify().sampleFiles(), ByteSizes.human(config.verify().maxDownload()));
        Optional<String> problem = Optional.empty();
        Optional<Map<String, Map<String, Long>>> listing = Optional.empty();
        if (store.whyNotListed().isEmpty()) {
            try {
                listing = Optional.of(store.list());
            } catch (IOException | RuntimeException e) {
                problem = Optional.of("could not list " + store.name() + ": " + Failures.reason(e));
            }
        }
        return new DrillRun(dirs, listing, problem, config.verify().maxDownload(), clock.instant());
    }

    /** The files of the dir's newest backup to restore, within its share of the budget. */
    public DrillPlan plan(DrillRun run, BackupDir dir) {
        DrillPlan plan;
        try {
            plan = planOf(run, dir);
        } catch (IOException | RuntimeException e) {
            plan = DrillPlan.failed(dir, "could not read the cached manifests: " + Failures.reason(e));
        }
        run.planned(plan);
        if (!plan.getFiles().isEmpty()) {
            try {
                plan.copiesIn(Files.createTempDirectory("restore-drill-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
            } catch (IOException e) {
                plan = DrillPlan.failed(dir, "could not make a private temp dir: " + Failures.reason(e));
            }
        }
        plan.problem().ifPresent(p -> LOG.error("drill: {}", p));
        if (!plan.getFiles().isEmpty()) {
            LOG.info("drill: restoring {} file(s) of the backup of {}, {} to download", plan.getFiles().size(),
                    DrillReport.WHEN.format(plan.backupTime().orElseThrow()), ByteSizes.human(plan.getFiles().stream()
                            .mapToLong(DrillPlan.PlannedFile::cost).sum()));
        }
        return plan;
    }

    private DrillPlan planOf(DrillRun run, BackupDir dir) throws IOException {
        if (run.listingProblem().isPresent()) {
            return DrillPlan.failed(dir, run.listingProblem().get());
        }
        Path cache = config.archiveDir().resolve(commands.targetOf(dir).cacheName());
        Optional<BackupChain> chain = BackupChain.newest(cache);
        if (chain.isEmpty()) {
            return DrillPlan.failed(dir, "no backup to restore: the cache " + cache + " holds no manifest (a backup"
                    + " or a --restore of this dir fills it)");
        }
        VolumeSizes sizes = run.listing().map(l -> VolumeSizes.listed(BackupStore.of(l, dir)))
                .orElseGet(() -> VolumeSizes.bound(config.duplicityOptions()));
        return planner.plan(dir, chain.get(), sizes, config.verify().sampleFiles(), run.allowance());
    }

    /** duplicity's arguments to restore one planned file into the plan's temp dir. */
    public List<String> restore(DrillPlan plan, DrillPlan.PlannedFile file) {
        plan.restoring(file);
        LOG.info("drill: restoring {} ({} to download)", file.path(), ByteSizes.human(file.cost()));
        return commands.restore(plan.getDir(), Optional.of(file.path()), Optional.empty(),
                copyOf(plan, file), false);
    }

    /** Compares a restored file with the source, or records why it was not restored. */
    public void restored(DrillPlan plan, DrillPlan.PlannedFile file, CommandOutput output) {
        check.restored(plan, file, copyOf(plan, file), output);
    }

    /** A file whose restore could not be run at all. */
    public void failed(DrillPlan plan, DrillPlan.PlannedFile file, Exception error) {
        check.failed(plan, file, "could not run duplicity: " + Failures.reason(error));
    }

    /** Removes the dir's restored copies and records its result (the report says it, at the end). */
    public void done(DrillRun run, DrillPlan plan) {
        check.removeCopies(plan);
        run.record(plan.result());
    }

    /** Words the report, logs it and releases the lock. */
    public DrillReport finish(DrillRun run) {
        try {
            DrillReport report = new DrillReport(run.results(), run.budget(),
                    Duration.between(run.started(), clock.instant()));
            for (DrillReport.Line line : report.summary()) {
                if (line.failed()) {
                    LOG.error(line.text());
                } else {
                    LOG.info(line.text());
                }
            }
            return report;
        } finally {
            lock.release();
        }
    }

    /** A drill that could not start (the backups' lock stayed held), with the reason. */
    public RunRefusal refused(String reason) {
        LOG.error("Restore drill not started: {}", reason);
        return new RunRefusal(reason);
    }

    private static Path copyOf(DrillPlan plan, DrillPlan.PlannedFile file) {
        return plan.copies().resolve(String.valueOf(file.number()));
    }
}
