package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.metrics.MetricsSetup;
import io.github.duplicityunattended.notify.NotifySetup;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import io.github.duplicityunattended.testsupport.Flows;
import io.github.duplicityunattended.testsupport.LogCapture;
import io.github.duplicityunattended.testsupport.RequestLog;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import io.github.duplicityunattended.testsupport.SesEmulator;
import io.github.duplicityunattended.testsupport.SharedServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import java.util.logging.Level;
import org.junit.jupiter.api.io.TempDir;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;

/**
 * Runs routes/monitor.camel.yaml in a Camel context with the beans and placeholders the application gives it,
 * made from a real config file, against S3Proxy holding the seeded bucket and the SES emulator. A fixed clock
 * decides what is stale.
 */
@UsesInstalledTools
abstract class MonitorRouteTestSupport extends CamelTestSupport {

    static final Instant NOW = Instant.parse("2030-06-15T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    S3ProxyServer s3;
    /** The requests S3Proxy received during the test. */
    RequestLog requests;
    SesEmulator ses;
    Config config;
    MonitorSetup setup;
    NotifySetup notify;
    MetricsSetup metrics;
    /** What the monitor logged during the test. */
    LogCapture log;

    /** The test's {@code monitor:} section. */
    abstract String monitorSection();

    /** Top-level config keys after the monitor section; none unless a test says otherwise. */
    String moreConfig() {
        return "";
    }

    /** Where the config sends mail; the emulator unless a test says otherwise. */
    String sesEndpoint() {
        return ses.endpoint().toString();
    }

    /** Where the config lists buckets; S3Proxy unless a test says otherwise. */
    URI s3Endpoint() throws Exception {
        return s3.endpoint();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        s3 = SharedServers.s3(NOW);
        ses = SharedServers.ses();
        ses.clear();
        requests = SharedServers.requests();
        requests.clear();
        log = new LogCapture("io.github.duplicityunattended.monitor", Level.INFO, true);
        config = MonitorConfigs.load(dir, MonitorConfigs.seededBucket(dir, s3Endpoint(), sesEndpoint(),
                monitorSection()) + moreConfig());
        CamelContext context = super.createCamelContext();
        setup = new MonitorSetup(config, CLOCK, false);
        notify = new NotifySetup(config.notifications());
        metrics = new MetricsSetup(config, CLOCK, false);
        Flows.bind(context, setup, notify, metrics);
        return context;
    }

    @Override
    protected void doPostTearDown() {
        log.close();
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return Flows.routes(context, setup, notify, metrics);
    }
}
