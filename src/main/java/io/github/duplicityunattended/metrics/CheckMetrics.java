package io.github.duplicityunattended.metrics;

import io.github.duplicityunattended.monitor.FolderState;
import io.github.duplicityunattended.monitor.MonitorReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The monitor's metrics: when it last checked and whether it could list every bucket, each bucket (label
 * {@code bucket}: listed or not, its objects), the newest backup of every folder (label {@code folder}, which starts
 * with its bucket: {@code my-host-backup/etc}) with its age at scrape time, and how many folders stand how (label
 * {@code status}).
 */
public final class CheckMetrics {

    private final Supplier<? extends MeterRegistry> registry;
    private final Clock clock;
    private final Map<String, MultiGauge> gauges = new ConcurrentHashMap<>();
    private volatile String problem;
    private volatile List<String> buckets = List.of();

    /** @param registry the registry, asked for at the first check: a process that records none never makes it */
    public CheckMetrics(Supplier<? extends MeterRegistry> registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void checked(MonitorReport report) {
        List<MultiGauge.Row<?>> newest = new ArrayList<>();
        List<MultiGauge.Row<?>> age = new ArrayList<>();
        for (FolderState f : report.folders()) {
            f.newest().ifPresent(end -> {
                Tags tags = Tags.of("folder", f.location());
                newest.add(MultiGauge.Row.of(tags, RunMetrics.seconds(end)));
                age.add(MultiGauge.Row.of(tags, clock, c -> RunMetrics.seconds(c.instant()) - RunMetrics.seconds(end)));
            });
        }
        gauge("newest_backup_timestamp", "seconds", "When the folder's newest backup ended.").register(newest, true);
        gauge("newest_backup_age", "seconds", "How old the folder's newest backup is now.").register(age, true);
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        for (FolderState.Status s : FolderState.Status.values()) {
            counts.add(MultiGauge.Row.of(Tags.of("status", s.name().toLowerCase(Locale.ROOT)), report.count(s)));
        }
        gauge("folders", null, "Folders by status at the last check: recent, stale, never_backed_up.")
                .register(counts, true);
        List<MultiGauge.Row<?>> listed = new ArrayList<>();
        List<MultiGauge.Row<?>> objects = new ArrayList<>();
        for (MonitorReport.BucketState b : report.buckets()) {
            listed.add(MultiGauge.Row.of(Tags.of("bucket", b.location()), b.listed() ? 1 : 0));
            if (b.listed()) {
                objects.add(MultiGauge.Row.of(Tags.of("bucket", b.location()), b.objects()));
            }
        }
        bucketsListed(listed);
        gauge("bucket_objects", null, "How many objects the bucket held at the last check that listed it.")
                .register(objects, true);
        buckets = report.buckets().stream().map(MonitorReport.BucketState::location).toList();
        ended(report.unlisted().isEmpty(), report.checkedAt());
        problem = !report.unlisted().isEmpty() ? "the last check could not list " + report.unlisted().size() + " of "
                + report.buckets().size() + " bucket(s)"
                : report.needsAttention() ? "the last check found " + report.attention().size()
                        + " stale or never backed-up folder(s)" : null;
    }

    /** A check that could list no bucket: each bucket of the check before is now one not listed. */
    public void failed() {
        bucketsListed(buckets.stream().<MultiGauge.Row<?>>map(b -> MultiGauge.Row.of(Tags.of("bucket", b), 0))
                .toList());
        ended(false, clock.instant());
        problem = "the last check could not list the backups";
    }

    private void bucketsListed(List<MultiGauge.Row<?>> rows) {
        gauge("bucket_listed", null, "1 when the last check could list the bucket, 0 when not.").register(rows, true);
    }

    /** What was wrong at the last check, or null when nothing was (or before the first). */
    String problem() {
        return problem;
    }

    private void ended(boolean ok, Instant at) {
        gauge("last_check_timestamp", "seconds", "When the monitor last checked.")
                .register(List.of(MultiGauge.Row.of(Tags.empty(), RunMetrics.seconds(at))), true);
        gauge("last_check_success", null, "1 when the last check could list every bucket, 0 when not.")
                .register(List.of(MultiGauge.Row.of(Tags.empty(), ok ? 1 : 0)), true);
    }

    private MultiGauge gauge(String name, String unit, String help) {
        return gauges.computeIfAbsent(name, n -> MultiGauge.builder(RunMetrics.PREFIX + "monitor." + n)
                .description(help).baseUnit(unit).register(registry.get()));
    }
}
