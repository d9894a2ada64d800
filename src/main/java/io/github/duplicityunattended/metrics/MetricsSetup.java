package io.github.duplicityunattended.metrics;

import io.github.duplicityunattended.app.Flow;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.config.MetricsConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.util.function.Suppliers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans and placeholders of {@code routes/metrics.camel.yaml}: the runs' and checks' metrics in one Prometheus
 * registry, written to {@code metrics.textfile} after each run; and, for the daemon with {@code metrics.listen},
 * Camel Main's management HTTP server serving that registry (with Camel's own metrics) at
 * {@code /observe/metrics} and the health at {@code /observe/health}.
 */
public final class MetricsSetup implements Flow {

    private static final Logger LOG = LoggerFactory.getLogger("duplicity-unattended");
    private final MetricsConfig config;
    private final boolean serves;
    /** Made when first recorded into (or served): a process that records no metrics never loads Micrometer. */
    private final Supplier<PrometheusMeterRegistry> registry =
            Suppliers.memorize(() -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    private final RunMetrics runs;
    private final CheckMetrics checks;
    private final Clock clock;
    private final Duration grace;

    /**
     * @param daemon true when the schedules run: only the daemon serves metrics
     */
    public MetricsSetup(Config config, Clock clock, boolean daemon) {
        this.config = config.metrics();
        this.serves = daemon && this.config.listen().isPresent();
        this.clock = clock;
        this.grace = config.lockWait().plus(Duration.ofMinutes(5));
        this.runs = new RunMetrics(registry, this.config.textfile().map(MetricsTextfile::lastSuccesses).orElse(Map.of()),
                clock);
        this.checks = new CheckMetrics(registry, clock);
    }

    @Override
    public String routesFile() {
        return "metrics.camel.yaml";
    }

    @Override
    public Map<String, Object> beans() {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("runMetrics", runs);
        beans.put("checkMetrics", checks);
        beans.put("metricsTextfile", new MetricsTextfile(config.textfile(), registry));
        if (serves) {
            // Camel's metrics service takes the registry bound under this name, so ours are served with Camel's
            beans.put(MicrometerConstants.METRICS_REGISTRY_NAME, registry.get());
        }
        return beans;
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        // a daemon that serves them and a textfile read them; with neither, recording them is work for no one
        p.put("metrics.recorded", String.valueOf(serves || config.textfile().isPresent()));
        config.listen().filter(l -> serves).ifPresent(listen -> {
            p.put("camel.management.enabled", "true");
            p.put("camel.management.host", listen.host());
            p.put("camel.management.port", String.valueOf(listen.port()));
            p.put("camel.management.metricsEnabled", "true");
            p.put("camel.management.healthCheckEnabled", "true");
            p.put("camel.metrics.enabled", "true");
        });
        return p;
    }

    @Override
    public List<MainListener> listeners() {
        if (!serves) {
            return List.of();
        }
        return List.of(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                CamelContext context = main.getCamelContext();
                BackupHealth health = new BackupHealth(runs, checks, clock, grace);
                health.setCamelContext(context);
                HealthCheckRegistry.get(context).register(health);
                String base = "http://" + hostForUrl() + ":" + port(context).orElse(config.listen().get().port());
                LOG.info("Metrics at {}/observe/metrics, health at {}/observe/health", base, base);
            }
        });
    }

    private String hostForUrl() {
        String host = config.listen().orElseThrow().host();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The port the server bound (the one the kernel picked, for port 0). */
    static Optional<Integer> port(CamelContext context) {
        return Optional.ofNullable(context.hasService(VertxPlatformHttpServer.class)).map(VertxPlatformHttpServer::getPort);
    }

    /** The registry: what /observe/metrics and the textfile show of the runs and checks. */
    public PrometheusMeterRegistry registry() {
        return registry.get();
    }
}
