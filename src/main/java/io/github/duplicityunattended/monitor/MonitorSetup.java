package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.app.Flow;
import io.github.duplicityunattended.app.LazyBean;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.config.MonitorConfig;
import io.github.duplicityunattended.support.HeapRoom;
import io.github.duplicityunattended.support.IdleEndingThreads;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * The beans and placeholders of {@code routes/monitor.camel.yaml}, made from the config. The S3 client is
 * built at the first check of an S3 bucket (one client for every bucket), the SES client at the first mail.
 */
public final class MonitorSetup implements Flow {

    /** How long an idle listing thread is kept: between daily checks the daemon holds none. */
    static final Duration IDLE_THREADS_END = Duration.ofSeconds(30);
    private final Config config;
    private final boolean daemon;
    private final HeapRoom heap;
    private final Monitor monitor;
    private S3Client s3;

    /**
     * @param daemon true when the schedules run (not --once, --check or --test-email)
     */
    public MonitorSetup(Config config, Clock clock, boolean daemon) {
        this.config = config;
        this.daemon = daemon;
        this.heap = HeapRoom.ofThisJvm(daemon);
        this.monitor = new Monitor(MonitorTarget.all(config), this::lister, config.monitor(), clock);
    }

    @Override
    public String routesFile() {
        return "monitor.camel.yaml";
    }

    @Override
    public Map<String, Object> beans() {
        MonitorConfig settings = config.monitor();
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("monitor", monitor);
        beans.put("listingThreads", listingThreads(settings.listThreads()));
        beans.put("everyListing", new GroupedBodyAggregationStrategy());
        beans.put("reportText", new ReportText());
        beans.put("failureNotice", new FailureNotice(hostName()));
        beans.put("mailLog", new MailLog());
        if (settings.mailsReports()) {
            beans.put("sesClient", new LazyBean<>(SesClient.class, () -> AwsClients.ses(config)));
        }
        return beans;
    }

    @Override
    public Map<String, String> properties() {
        MonitorConfig settings = config.monitor();
        String sender = settings.sender().orElse("");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("monitor.scheduled", String.valueOf(daemon && monitor.targets().get(0).whyNotListed().isEmpty()));
        p.put("monitor.schedule", settings.schedule());
        p.put("monitor.target", monitor.name());
        p.put("monitor.mails", String.valueOf(settings.mailsReports()));
        p.put("monitor.sender", sender);
        p.put("monitor.sender-address", addressOf(sender));
        p.put("monitor.recipients", String.join(",", settings.recipients()));
        return p;
    }

    /**
     * The threads the check lists buckets on: at most {@code monitor.list_threads} at a time, the other buckets
     * wait their turn. Daemon threads that end when idle, so neither a daemon between checks nor a one-off
     * command that ends holds any.
     */
    static ExecutorService listingThreads(int threads) {
        return IdleEndingThreads.pool(threads, IDLE_THREADS_END, "monitor-listing-", true);
    }

    private BucketLister lister(MonitorTarget target) {
        return roomy(lister(target, this::s3), heap);
    }

    /** {@code lister} with room in the heap while it lists (see {@link HeapRoom}). */
    static BucketLister roomy(BucketLister lister, HeapRoom heap) {
        return objects -> {
            heap.enter();
            try {
                lister.listObjects(objects);
            } finally {
                heap.leave();
            }
        };
    }

    /** How a target is listed: S3 through {@code s3}, a directory from the disk, anything else not at all. */
    static BucketLister lister(MonitorTarget target, Supplier<S3Client> s3) {
        return switch (target.kind()) {
            case S3 -> new S3BucketLister(s3, target.name(), target.keyPrefix());
            case DIRECTORY -> new DirectoryLister(Path.of(target.name()));
            case NONE -> keys -> {
                throw new IOException(target.whyNotListed().orElseThrow());
            };
        };
    }

    /** The one S3 client of every listing, made at the first. */
    private synchronized S3Client s3() {
        if (s3 == null) {
            s3 = AwsClients.s3(config);
        }
        return s3;
    }

    /** {@code backup@example.com} of {@code Backups <backup@example.com>}. */
    static String addressOf(String sender) {
        int open = sender.lastIndexOf('<');
        int close = sender.lastIndexOf('>');
        return open >= 0 && close > open ? sender.substring(open + 1, close).strip() : sender.strip();
    }

    /** This host's name, as mails and notices name it. */
    public static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }
}
