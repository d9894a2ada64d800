package io.github.duplicityunattended.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the optional {@code monitor:} section (its buckets: {@link MonitorBucketsReader}). */
final class MonitorSectionReader {

    private static final String MAILBOX = "[^<>@\\s]+@[^<>@\\s]+";
    /** {@code user@example.com} or {@code Display Name <user@example.com>}. */
    private static final Pattern ADDRESS = Pattern.compile("^(" + MAILBOX + "|[^<>]*<" + MAILBOX + ">)$");

    private final NodeReader r;

    MonitorSectionReader(NodeReader r) {
        this.r = r;
    }

    MonitorConfig read(Node node, Optional<String> bucketOfUrl) {
        Map<String, Node> m = NodeReader.isNull(node) ? Map.of()
                : r.mapping("monitor", node, ConfigSchema.childrenOf("monitor")).orElse(Map.of());
        List<MonitorConfig.Bucket> buckets = new MonitorBucketsReader(r).read(m.get("bucket"))
                .orElseGet(() -> bucketOfUrl.map(MonitorConfig.Bucket::named).stream().toList());
        Optional<String> sender = r.string("monitor.sender", m.get("sender"), false);
        sender.ifPresent(s -> address("monitor.sender", s));
        Map<String, String> recipients = r.stringsByPath("monitor.recipient", m.get("recipient"), true);
        recipients.forEach(this::address);
        if (sender.isPresent() == recipients.isEmpty()) {
            r.problem(sender.isPresent() ? "monitor.recipient" : "monitor.sender",
                    "is required when monitor." + (sender.isPresent() ? "sender" : "recipient")
                            + " is set (set both to mail reports, or neither to log them)");
        }
        int maxAge = r.integer("monitor.max_age_days", m.get("max_age_days"), 1)
                .orElse(MonitorConfig.DEFAULT_MAX_AGE_DAYS);
        String schedule = ValueChecks.cron(r, "monitor.schedule", m.get("schedule"), MonitorConfig.DEFAULT_SCHEDULE);
        List<String> ignore = r.strings("monitor.ignore_prefixes", m.get("ignore_prefixes"), false).stream()
                .map(BucketUrl::trimSlashes).toList();
        return new MonitorConfig(buckets, sender, List.copyOf(recipients.values()), maxAge, schedule, ignore,
                listThreads(m.get("list_threads")));
    }

    private int listThreads(Node node) {
        int threads = r.integer("monitor.list_threads", node, 1).orElse(MonitorConfig.DEFAULT_LIST_THREADS);
        if (threads > MonitorConfig.MAX_LIST_THREADS) {
            int most = MonitorConfig.MAX_LIST_THREADS;
            r.problem("monitor.list_threads", "must be at most " + most + " (the S3 client keeps " + most
                    + " connections), not '" + threads + "'");
        }
        return threads;
    }

    private void address(String path, String text) {
        if (!ADDRESS.matcher(text).matches()) {
            r.problem(path, "must be an e-mail address such as backup@example.com or"
                    + " \"Backups <backup@example.com>\", not '" + text + "'");
        }
    }
}
