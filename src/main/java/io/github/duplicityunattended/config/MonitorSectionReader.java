package io.github.duplicityunattended.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the optional {@code monitor:} section. */
final class MonitorSectionReader {

    private final NodeReader r;

    MonitorSectionReader(NodeReader r) {
        this.r = r;
    }

    MonitorConfig read(Node node, Optional<String> bucketOfUrl) {
        Map<String, Node> m = NodeReader.isNull(node) ? Map.of()
                : r.mapping("monitor", node, ConfigSchema.childrenOf("monitor")).orElse(Map.of());
        Optional<String> bucket = r.string("monitor.bucket", m.get("bucket"), false).or(() -> bucketOfUrl);
        Optional<String> sender = r.string("monitor.sender", m.get("sender"), false);
        List<String> recipients = r.strings("monitor.recipient", m.get("recipient"), true);
        sender.filter(s -> !s.contains("@"))
                .ifPresent(s -> r.problem("monitor.sender", "must be an e-mail address, not '" + s + "'"));
        for (int i = 0; i < recipients.size(); i++) {
            if (!recipients.get(i).contains("@")) {
                r.problem(recipients.size() == 1 ? "monitor.recipient" : "monitor.recipient[" + i + "]",
                        "must be an e-mail address, not '" + recipients.get(i) + "'");
            }
        }
        if (sender.isPresent() != !recipients.isEmpty()) {
            r.problem(sender.isPresent() ? "monitor.recipient" : "monitor.sender",
                    "is required when monitor." + (sender.isPresent() ? "sender" : "recipient")
                            + " is set (set both to mail reports, or neither to log them)");
        }
        int maxAge = r.integer("monitor.max_age_days", m.get("max_age_days"), 1)
                .orElse(MonitorConfig.DEFAULT_MAX_AGE_DAYS);
        String schedule = ConfigLoader.cron(r, "monitor.schedule", m.get("schedule"), MonitorConfig.DEFAULT_SCHEDULE);
        List<String> ignore = r.strings("monitor.ignore_prefixes", m.get("ignore_prefixes"), false).stream()
                .map(BucketUrl::trimSlashes).toList();
        return new MonitorConfig(bucket.orElse(""), sender, recipients, maxAge, schedule, ignore);
    }
}
