package io.github.duplicityunattended.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code metrics:} section.
 *
 * @param listen   where the daemon serves Prometheus metrics and its health check; empty: not served
 * @param textfile where a one-off run writes its metrics for node_exporter's textfile collector; empty: not written
 */
public record MetricsConfig(Optional<Listen> listen, Optional<Path> textfile) {

    public static final MetricsConfig NONE = new MetricsConfig(Optional.empty(), Optional.empty());

    /** A host (name or address) and a TCP port; port 0 picks a free one, which the log then names. */
    public record Listen(String host, int port) {
    }
}
