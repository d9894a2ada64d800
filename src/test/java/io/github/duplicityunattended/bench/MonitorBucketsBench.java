package io.github.duplicityunattended.bench;

import io.github.duplicityunattended.app.LogSetup;
import io.github.duplicityunattended.config.LogLevel;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.metrics.MetricsSetup;
import io.github.duplicityunattended.monitor.MonitorReport;
import io.github.duplicityunattended.monitor.MonitorSetup;
import io.github.duplicityunattended.notify.NotifySetup;
import io.github.duplicityunattended.testsupport.FaultProxy;
import io.github.duplicityunattended.testsupport.Flows;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import io.github.duplicityunattended.testsupport.RequestLog;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Seeds {@code buckets} buckets of {@code keys} keys each on S3Proxy (in memory, in this JVM), then lists them all
 * with the monitor flow's own route ({@code direct:monitor-list}: split over the buckets on the listing threads,
 * one report), once with {@code list_threads: 1} (one bucket after another) and once with each other thread count
 * given, in rounds whose order rotates. Prints, for each: list requests against the floor (the sum of
 * ceil(keys/1000) per bucket), object GETs (must be 0), and wall time; then checks the counts: every run made exactly
 * the floor's list requests and no GET, or it exits 1 (the counts do not depend on timing; the times are only
 * printed). With a latency, a proxy holds every request that long first: the round trip to a remote region, which
 * S3Proxy in the same JVM does not have.
 * Run by bench/monitor-buckets.sh. Arguments: buckets, keys per bucket, latency in ms, rounds, thread counts.
 */
public final class MonitorBucketsBench {

    private static final Instant NOW = Instant.parse("2030-06-15T08:00:00Z");
    /** Keys per folder: a full set with its volumes and incrementals, as duplicity leaves them. */
    private static final int KEYS_PER_FOLDER = 100;

    private MonitorBucketsBench() {
    }

    private record Run(int threads, long lists, long gets, long wallMs) {
    }

    public static void main(String[] args) throws Exception {
        int buckets = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 0);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Integer> threads = new ArrayList<>(List.of(1));
        Arrays.stream(args, Math.min(4, args.length), args.length).map(Integer::valueOf).forEach(threads::add);
        if (threads.size() == 1) {
            threads.add(8);
        }
        LogSetup.install();
        LogSetup.level(LogLevel.QUIET);
        RequestLog requests = new RequestLog();
        try (S3ProxyServer s3 = S3ProxyServer.startInMemory(); FaultProxy proxy = FaultProxy.start(s3.endpoint())) {
            List<String> names = IntStream.rangeClosed(1, buckets).mapToObj("host%03d-backup"::formatted).toList();
            int folders = Math.max(1, keys / KEYS_PER_FOLDER);
            names.forEach(name -> MonitorListingBench.seed(s3, name, folders, keys / folders, NOW));
            long floor = names.stream().mapToLong(n -> (s3.keys(n).size() + 999) / 1000).sum();
            long seeded = names.stream().mapToLong(n -> s3.keys(n).size()).sum();
            proxy.delay(latency);
            URI endpoint = latency.isZero() ? s3.endpoint() : proxy.endpoint();
            System.out.printf("%d buckets, %,d keys in all (%d folders each), %d ms added to every request;"
                    + " list request floor: %d%n", buckets, seeded, folders, latency.toMillis(), floor);
            System.out.printf("%-8s %-14s %-12s %-8s%n", "threads", "list requests", "object GETs", "wall ms");
            Map<Integer, List<Long>> walls = new TreeMap<>();
            List<Run> runs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < threads.size(); i++) {
                    int t = threads.get((i + round) % threads.size());
                    Run run = measure(endpoint, names, t, requests, folders);
                    System.out.printf("%-8d %-14d %-12d %-8d%n", run.threads(), run.lists(), run.gets(), run.wallMs());
                    walls.computeIfAbsent(t, x -> new ArrayList<>()).add(run.wallMs());
                    runs.add(run);
                }
            }
            System.out.println("median wall ms: " + walls.entrySet().stream()
                    .map(e -> e.getKey() + " thread(s) " + median(e.getValue())).collect(Collectors.joining(", ")));
            List<Run> off = runs.stream().filter(r -> r.lists() != floor || r.gets() != 0).toList();
            System.out.printf("check: list requests = %d (the floor) and 0 object GETs in each of %d runs: %s%n",
                    floor, runs.size(), off.isEmpty() ? "yes" : "NO, " + off);
            if (!off.isEmpty()) {
                System.exit(1);
            }
        }
    }

    /** One check's listing of every bucket on {@code threads} threads, timed after a first one warmed it up. */
    static Run measure(URI endpoint, List<String> names, int threads, RequestLog requests, int folders)
            throws Exception {
        Path dir = Files.createTempDirectory("monitor-buckets-bench");
        String monitor = "list_threads: " + threads + "\nbucket: [" + String.join(", ", names) + "]\n";
        Config config = MonitorConfigs.load(dir, MonitorConfigs.seededBucket(dir, endpoint, "http://127.0.0.1:1",
                monitor));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MonitorSetup setup = new MonitorSetup(config, clock, false);
        NotifySetup notify = new NotifySetup(config.notifications());
        MetricsSetup metrics = new MetricsSetup(config, clock, false);
        CamelContext context = new DefaultCamelContext();
        Flows.bind(context, setup, notify, metrics);
        for (RoutesBuilder routes : Flows.routes(context, setup, notify, metrics)) {
            context.addRoutes(routes);
        }
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            template.requestBody("direct:monitor-list", null, MonitorReport.class);
            requests.clear();
            long start = System.nanoTime();
            MonitorReport report = template.requestBody("direct:monitor-list", null, MonitorReport.class);
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            if (report.buckets().size() != names.size() || !report.unlisted().isEmpty()
                    || report.folders().size() != names.size() * folders) {
                throw new IllegalStateException("not every bucket and folder listed: " + report.unlisted());
            }
            return new Run(threads, requests.lists(), requests.objectGets(), wallMs);
        } finally {
            context.stop();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
