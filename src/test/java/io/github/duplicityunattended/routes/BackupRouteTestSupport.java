package io.github.duplicityunattended.routes;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.metrics.MetricsSetup;
import io.github.duplicityunattended.monitor.MonitorSetup;
import io.github.duplicityunattended.notify.NotifySetup;
import io.github.duplicityunattended.run.BackupSetup;
import io.github.duplicityunattended.run.RunLock;
import io.github.duplicityunattended.testsupport.Configs;
import io.github.duplicityunattended.testsupport.Flows;
import io.github.duplicityunattended.testsupport.ScriptedDuplicity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs routes/backup.camel.yaml wired as the program wires it (the backup and monitor flows' own setups), with a
 * scripted stand-in for the duplicity executable: the end-to-end tests run the real one; here the flow is under
 * test. A subclass names the dirs to back up.
 */
abstract class BackupRouteTestSupport extends CamelTestSupport {

    /** The test\'s own dir (config, cache, scripted duplicity), removed after it. */

    @TempDir

    Path tmp;
    ScriptedDuplicity duplicity;
    Config config;
    RunLock lock;
    BackupSetup backup;
    MonitorSetup monitor;

    NotifySetup notify;
    MetricsSetup metrics;

    /** The config's backup_dirs entries, as YAML lines. */
    abstract String backupDirs();

    /** The duplicity the config names: the scripted one, unless a subclass puts something in front of it. */
    Path duplicityPath() throws Exception {
        return duplicity.executable();
    }

    /** More top-level config keys, as YAML lines; none by default. */
    String extraConfig() throws Exception {
        return "";
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected void doPreSetup() throws Exception {
        duplicity = ScriptedDuplicity.create(tmp);
        config = Configs.load(tmp, """
                cloud: aws
                gpg_key_id: 0123ABCD
                bucket_url: s3+http://my-host-backup
                full_if_older_than: 1M
                remove_all_but_n_full: 2
                lock_wait: 1s
                archive_dir: cache
                duplicity_path: %s
                """.formatted(duplicityPath()) + extraConfig() + "backup_dirs:\n" + backupDirs());
        lock = new RunLock(config.archiveDir().resolve("duplicity-unattended.lock"));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        backup = new BackupSetup(config, new BackupSetup.Mode(false, false, false), System.getenv(),
                CompletableFuture.completedFuture(new DuplicityProbe.Result(Optional.of(new DuplicityVersion(0, 8, 22)),
                        "")), CompletableFuture.completedFuture(List.of()), Clock.systemUTC());
        monitor = new MonitorSetup(config, Clock.systemUTC(), false);
        notify = new NotifySetup(config.notifications());
        metrics = new MetricsSetup(config, Clock.systemUTC(), false);
        Flows.bind(context, backup, monitor, notify, metrics);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return Flows.routes(context, backup, monitor, notify, metrics);
    }

    /** Starts the routes with a mock in place of the notice the monitor flow would mail: it gets the report. */
    MockEndpoint notices() throws Exception {
        AdviceWith.adviceWith(context, "backup-failed",
                a -> a.weaveByToUri("direct:failure-notice").replace().to("mock:notices"));
        context.start();
        return getMockEndpoint("mock:notices");
    }
}
