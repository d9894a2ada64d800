package io.github.duplicityunattended.bench;

import io.github.duplicityunattended.app.LogSetup;
import io.github.duplicityunattended.config.LogLevel;
import com.sun.management.ThreadMXBean;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.monitor.Monitor;
import io.github.duplicityunattended.monitor.MonitorReport;
import io.github.duplicityunattended.monitor.MonitorSetup;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import io.github.duplicityunattended.testsupport.RequestLog;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import io.github.duplicityunattended.testsupport.SeededBucket;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Lists a bucket of {@code keys} objects in {@code folders} folders on S3Proxy with the monitor's own check
 * and prints what it cost: list requests (the floor is one per 1,000 keys), object GETs (must be 0), wall
 * time, the CPU time of the checking thread (the monitor's own share; the rest is S3Proxy's in-memory store,
 * which rescans the bucket for every page), the heap the check's result holds (one entry per folder) and what
 * it allocated in passing (response pages, which grow with objects and are garbage as soon as read). Run by bench/monitor-listing.sh. Arguments: folders, then one or more key counts.
 */
public final class MonitorListingBench {

    private static final Instant NOW = Instant.parse("2030-06-15T08:00:00Z");
    /** The config's backup dirs, never backed up in this bucket: they are in the report too. */
    private static final int CONFIGURED_DIRS = 4;

    private MonitorListingBench() {
    }

    public static void main(String[] args) throws Exception {
        int folders = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int[] sizes = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt)
                .toArray() : new int[] {100_000};
        LogSetup.install();
        LogSetup.level(LogLevel.QUIET);
        System.out.printf("%-8s %-8s %-14s %-12s %-8s %-16s %-15s %-15s%n", "keys", "folders", "list requests",
                "object GETs", "wall ms", "monitor CPU ms", "report held", "allocated");
        for (int keys : sizes) {
            RequestLog requests = new RequestLog();
            try (S3ProxyServer s3 = S3ProxyServer.startInMemory()) {
                seed(s3, folders, keys / folders);
                measure(s3, requests, folders, keys);
            }
        }
    }

    /** {@code perFolder} keys in each folder of {@link SeededBucket#NAME}. */
    static void seed(S3ProxyServer s3, int folders, int perFolder) {
        seed(s3, SeededBucket.NAME, folders, perFolder, NOW);
    }

    /**
     * A bucket of {@code folders} folders of {@code perFolder} keys each (at least 5): a full set with volumes, then
     * incrementals one day apart, the newest ending 10 to 19 days before {@code now}.
     */
    static void seed(S3ProxyServer s3, String bucket, int folders, int perFolder, Instant now) {
        s3.createBucket(bucket);
        int incrementals = Math.min(19, (perFolder - 3) / 3);
        int volumes = perFolder - 2 - 3 * incrementals;
        for (int f = 0; f < folders; f++) {
            String folder = "host/dir%04d".formatted(f);
            Instant full = now.minus(Duration.ofDays(30 + f % 10));
            SeededBucket.full(s3, bucket, folder, full, volumes);
            for (int i = 1; i <= incrementals; i++) {
                SeededBucket.incremental(s3, bucket, folder, full.plus(Duration.ofDays(i - 1)),
                        full.plus(Duration.ofDays(i)));
            }
        }
    }

    static void measure(S3ProxyServer s3, RequestLog requests, int folders, int keys) throws Exception {
        Path dir = Files.createTempDirectory("monitor-bench");
        Config config = MonitorConfigs.load(dir, MonitorConfigs.seededBucket(dir, s3, "http://127.0.0.1:1", ""));
        Monitor monitor = (Monitor) new MonitorSetup(config, Clock.fixed(NOW, ZoneOffset.UTC), false).beans()
                .get("monitor");
        check(monitor);
        requests.clear();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        MonitorReport report = check(monitor);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long holding = usedHeapAfterGc();
        int size = report.folders().size();
        report = null;
        long retained = holding - usedHeapAfterGc();
        System.out.printf("%-8d %-8d %-14d %-12d %-8d %-16d %-15s %-15s%n", keys, size,
                requests.lists(), requests.objectGets(), wallMs, cpuMs, kib(retained), kib(allocated));
        if (size != folders + CONFIGURED_DIRS) {
            throw new IllegalStateException("expected " + folders + " folders and 4 configured dirs, got " + size);
        }
    }

    /** The monitor's check of its one bucket, on this thread, so its CPU time and allocations are this thread's. */
    static MonitorReport check(Monitor monitor) throws java.io.IOException {
        return monitor.report(monitor.targets().stream().map(monitor::list).toList());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String kib(long bytes) {
        return String.format("%,d KiB", bytes / 1024);
    }
}
