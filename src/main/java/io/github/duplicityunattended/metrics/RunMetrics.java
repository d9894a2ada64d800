package io.github.duplicityunattended.metrics;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.duplicity.BackupStatistics;
import io.github.duplicityunattended.run.BackupRun;
import io.github.duplicityunattended.run.DirResult;
import io.github.duplicityunattended.run.RunReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The backup runs' metrics, named by Prometheus conventions: when the last run started and ended, its duration
 * and exit status, and per dir (label {@code dir}) its last success, duration, exit status, bytes changed and
 * stored, files with errors and purge result. A series appears with the first run that has its value.
 */
public final class RunMetrics {

    static final String PREFIX = "duplicity_unattended.";
    private final Supplier<? extends MeterRegistry> registry;
    private final Clock clock;
    private final Map<String, Double> lastSuccess = new ConcurrentHashMap<>();
    private final List<MultiGauge.Row<?>> none = List.of();
    private volatile Outcome last;
    private final Map<String, MultiGauge> gauges = new ConcurrentHashMap<>();

    /** What the last run did: its times and exit status, and each dir's results. */
    record Outcome(Instant started, Instant ended, int exitStatus, Map<String, Optional<DirResult>> backups,
                   Map<String, Optional<DirResult>> purges) {
    }

    /**
     * @param registry    the registry, asked for when something is recorded: a process that records none never
     *                    makes it
     * @param lastSuccess the end of each dir's last successful backup as an earlier process recorded it (the
     *                    previous textfile), so a one-off run that fails does not lose it
     */
    public RunMetrics(Supplier<? extends MeterRegistry> registry, Map<String, Double> lastSuccess, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.lastSuccess.putAll(lastSuccess);
        if (!lastSuccess.isEmpty()) {
            publish();
        }
    }

    /** Records a finished run as its report tells it. */
    public void finished(BackupRun run, RunReport report) {
        Map<String, Optional<DirResult>> backups = new ConcurrentHashMap<>();
        Map<String, Optional<DirResult>> purges = new ConcurrentHashMap<>();
        Instant ended = clock.instant();
        for (BackupDir dir : run.getDirs()) {
            backups.put(dir.source(), run.backup(dir));
            purges.put(dir.source(), run.purge(dir));
            if (!run.dryRun() && !report.failedDirs().contains(dir.source())) {
                lastSuccess.put(dir.source(), seconds(ended));
            }
        }
        last = new Outcome(run.started(), ended, report.exitCode(), backups, purges);
        publish();
    }

    /** The last run's outcome, or null before the first. */
    Outcome last() {
        return last;
    }

    private void publish() {
        Outcome o = last;
        if (o != null) {
            run("last_run_start_timestamp", "seconds", "When the last backup run started.", seconds(o.started()));
            run("last_run_end_timestamp", "seconds", "When the last backup run ended.", seconds(o.ended()));
            run("last_run_duration", "seconds", "How long the last backup run took.",
                    seconds(o.ended()) - seconds(o.started()));
            run("last_run_exit_status", null, "Exit status of the last backup run: 0 ok, 1 a dir failed, 3 files could not be read, 143 stopped.",
                    o.exitStatus());
            perDir("last_backup_duration", "seconds", "How long the dir's last backup took.", o.backups(),
                    r -> r.duration().toMillis() / 1000.0);
            perDir("last_backup_exit_status", null, "duplicity's exit status in the dir's last backup (-1: not run).",
                    o.backups(), DirResult::exitValue);
            perDir("last_backup_changed", "bytes", "Bytes changed in the dir since its previous backup.", o.backups(),
                    r -> r.statistics().map(BackupStatistics::bytesChanged).orElse(0L));
            perDir("last_backup_stored", "bytes", "Bytes the dir's last backup added to the target.", o.backups(),
                    r -> r.statistics().map(BackupStatistics::bytesStored).orElse(0L));
            perDir("last_backup_error_files", null, "Files duplicity could not read in the dir's last backup.",
                    o.backups(), r -> r.statistics().map(BackupStatistics::errors).orElse(0L));
            perDir("last_purge_exit_status", null, "duplicity's exit status in the dir's last purge of old chains.",
                    o.purges(), DirResult::exitValue);
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        lastSuccess.forEach((dir, value) -> rows.add(MultiGauge.Row.of(Tags.of("dir", dir), value)));
        gauge("last_success_timestamp", "seconds",
                "When the last run that backed the dir up (and purged it, if asked) ended.").register(rows, true);
    }

    private void run(String name, String unit, String help, double value) {
        gauge(name, unit, help).register(List.of(MultiGauge.Row.of(Tags.empty(), value)), true);
    }

    private void perDir(String name, String unit, String help, Map<String, Optional<DirResult>> results,
                        ToDoubleFunction<DirResult> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        results.forEach((dir, r) -> r.ifPresent(x -> rows.add(MultiGauge.Row.of(Tags.of("dir", dir), value.applyAsDouble(x)))));
        gauge(name, unit, help).register(rows.isEmpty() ? none : rows, true);
    }

    private MultiGauge gauge(String name, String unit, String help) {
        return gauges.computeIfAbsent(name, n -> MultiGauge.builder(PREFIX + n).description(help).baseUnit(unit)
                .register(registry.get()));
    }

    static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
