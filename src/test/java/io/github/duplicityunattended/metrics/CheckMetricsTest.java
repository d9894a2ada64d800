package io.github.duplicityunattended.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.duplicityunattended.monitor.FolderState;
import io.github.duplicityunattended.monitor.MonitorReport;
import io.github.duplicityunattended.testsupport.PrometheusText;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The monitor's metrics over several buckets, read back from the registry's Prometheus text. */
class CheckMetricsTest {

    private static final Instant NOW = Instant.parse("2030-06-15T08:00:00Z");
    private static final String LISTED = "duplicity_unattended_monitor_bucket_listed";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CheckMetrics metrics = new CheckMetrics(() -> registry, Clock.fixed(NOW, ZoneOffset.UTC));

    private static MonitorReport.BucketState listed(String bucket, long objects) {
        return new MonitorReport.BucketState(bucket, objects, Optional.empty());
    }

    private static MonitorReport report(List<MonitorReport.BucketState> buckets) {
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        return new MonitorReport("2 buckets", 7, NOW, List.of(
                new FolderState("web1-backup/etc", Optional.of(yesterday), FolderState.Status.RECENT),
                new FolderState("web2-backup/etc", Optional.of(yesterday), FolderState.Status.RECENT)), buckets);
    }

    private PrometheusText scraped() {
        return PrometheusText.parse(registry.scrape());
    }

    private static Map<String, String> bucket(String name) {
        return Map.of("bucket", name);
    }

    @Test
    void everyBucketHasASeriesSayingWhetherItWasListedAndHowManyObjectsItHeld() {
        metrics.checked(report(List.of(listed("web1-backup", 12),
                new MonitorReport.BucketState("gone-backup", 0, Optional.of("no such bucket")))));

        PrometheusText text = scraped();
        assertEquals(List.of(1.0, 0.0), List.of(text.value(LISTED, bucket("web1-backup")),
                text.value(LISTED, bucket("gone-backup"))));
        assertEquals(List.of("web1-backup"), text.labelValues("duplicity_unattended_monitor_bucket_objects", "bucket"));
        assertEquals(12.0, text.value("duplicity_unattended_monitor_bucket_objects", bucket("web1-backup")));
        assertEquals(0.0, text.value("duplicity_unattended_monitor_last_check_success", Map.of()));
        assertEquals("the last check could not list 1 of 2 bucket(s)", metrics.problem());
    }

    @Test
    void aCheckThatListedNothingTurnsEveryKnownBucketToNotListed() {
        metrics.checked(report(List.of(listed("web1-backup", 12), listed("web2-backup", 3))));
        assertNull(metrics.problem(), "every folder recent, every bucket listed");
        assertEquals(1.0, scraped().value("duplicity_unattended_monitor_last_check_success", Map.of()));

        metrics.failed();

        PrometheusText text = scraped();
        assertEquals(List.of(0.0, 0.0, 0.0), List.of(text.value(LISTED, bucket("web1-backup")),
                text.value(LISTED, bucket("web2-backup")),
                text.value("duplicity_unattended_monitor_last_check_success", Map.of())));
        assertEquals(List.of("web1-backup/etc", "web2-backup/etc"), text.labelValues(
                "duplicity_unattended_monitor_newest_backup_timestamp_seconds", "folder").stream().sorted().toList());
    }
}
