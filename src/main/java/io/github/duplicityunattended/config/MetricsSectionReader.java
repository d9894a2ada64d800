package io.github.duplicityunattended.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the optional {@code metrics:} section: where the daemon serves metrics, where a one-off run writes them. */
final class MetricsSectionReader {

    /** {@code host:port}, {@code [::1]:port}. */
    private static final Pattern LISTEN = Pattern.compile("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):(\\d{1,5})$");
    private final NodeReader r;
    private final Function<String, Path> paths;

    /**
     * @param paths resolves a path as the config's other paths are (relative to the config file, {@code ~})
     */
    MetricsSectionReader(NodeReader r, Function<String, Path> paths) {
        this.r = r;
        this.paths = paths;
    }

    MetricsConfig read(Node node) {
        Map<String, Node> m = NodeReader.isNull(node) ? Map.of()
                : r.mapping("metrics", node, ConfigSchema.childrenOf("metrics")).orElse(Map.of());
        Optional<MetricsConfig.Listen> listen = r.string("metrics.listen", m.get("listen"), false).flatMap(this::listen);
        Optional<Path> textfile = r.string("metrics.textfile", m.get("textfile"), false).map(paths).filter(this::textfile);
        return new MetricsConfig(listen, textfile);
    }

    private Optional<MetricsConfig.Listen> listen(String text) {
        Matcher m = LISTEN.matcher(text);
        int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (port < 0 || port > 65535) {
            r.problem("metrics.listen", "must be HOST:PORT, such as 127.0.0.1:9464 or [::1]:9464, not '" + text + "'");
            return Optional.empty();
        }
        return Optional.of(new MetricsConfig.Listen(m.group(1).replaceAll("^\\[|\\]$", ""), port));
    }

    private boolean textfile(Path file) {
        if (!file.getFileName().toString().endsWith(".prom")) {
            r.problem("metrics.textfile", "must end in .prom: node_exporter's textfile collector reads no other file");
            return false;
        }
        return true;
    }
}
