package io.github.duplicityunattended.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the metrics in Prometheus's text format for node_exporter's textfile collector: to a temporary file
 * in the same dir, then renamed over the old one, so a scrape never reads half a file. A file that cannot be
 * written is one ERROR line; it never changes a run's exit status.
 */
public final class MetricsTextfile {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsTextfile.class);
    /** {@code duplicity_unattended_last_success_timestamp_seconds{dir="/etc",} 1.7E9} */
    private static final Pattern SUCCESS = Pattern.compile(
            "^duplicity_unattended_last_success_timestamp_seconds\\{dir=\"((?:[^\"\\\\]|\\\\.)*)\",?\\} (\\S+)$");
    private final Optional<Path> target;
    private final Supplier<PrometheusMeterRegistry> registry;

    /**
     * @param file where to write; empty: nowhere ({@code metrics.textfile} is not set)
     */
    public MetricsTextfile(Optional<Path> file, Supplier<PrometheusMeterRegistry> registry) {
        this.target = file;
        this.registry = registry;
    }

    public void write() {
        target.ifPresent(this::write);
    }

    private void write(Path file) {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, registry.get().scrape(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.debug("Wrote the metrics to {}", file);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write the metrics to {}: {}", file, e.getMessage());
        }
    }

    /** Each dir's last success as an earlier run wrote it to {@code file}; empty when there is none. */
    public static Map<String, Double> lastSuccesses(Path file) {
        Map<String, Double> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = SUCCESS.matcher(line);
                if (m.matches()) {
                    out.put(m.group(1).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"),
                            Double.parseDouble(m.group(2)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no earlier file, or one of another making: start afresh
        }
        return out;
    }
}
