package io.github.duplicityunattended.app;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.duplicity.DuplicityEnvironment;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.exec.StreamingExecutor;
import io.github.duplicityunattended.monitor.MonitorSetup;
import io.github.duplicityunattended.run.BackupRuns;
import io.github.duplicityunattended.run.DirRecorder;
import io.github.duplicityunattended.run.RunLock;
import io.github.duplicityunattended.run.RunOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.main.Main;

/**
 * Builds the Camel Main process: binds the beans the YAML routes call, sets the placeholders they use
 * from the config, and points Camel at the routes (built-in, or the copies in --routes DIR).
 */
public final class Application {

    /** The built-in routes, named one by one: scanning the jar for a wildcard costs start-up time. */
    public static final String BUILT_IN_ROUTES = "classpath:routes/backup.camel.yaml,"
            + "classpath:routes/monitor.camel.yaml";
    static final int TAIL_LINES = 200;

    private final Config config;
    private final Mode mode;
    private final Main main = new Main();
    private final RunOutcome outcome = new RunOutcome();
    private final StreamingExecutor executor;
    private final CompletableFuture<DuplicityProbe.Result> duplicity;

    /**
     * How the process runs.
     *
     * @param once      run one backup cycle and stop, instead of serving the schedules
     * @param dryRun    duplicity --dry-run, purge without --force
     * @param skipPurge never purge
     * @param routes    dir of YAML routes to load instead of the built-in ones
     */
    public record Mode(boolean once, boolean dryRun, boolean skipPurge, Optional<Path> routes) {
    }

    /**
     * @param duplicity the answer of {@code duplicity --version}, asked while Camel loads the routes;
     *                  {@link #run()} stops before any backup when it names no version
     */
    public Application(Config config, CompletableFuture<DuplicityProbe.Result> duplicity, Mode mode,
                       Map<String, String> environment) {
        this.config = config;
        this.mode = mode;
        this.duplicity = duplicity;
        DuplicityCommands commands = new DuplicityCommands(config,
                () -> duplicity.join().version().orElseThrow(() -> new DuplicityUnavailable(duplicity.join().problem())),
                mode.dryRun());
        this.executor = new StreamingExecutor(DuplicityEnvironment.of(config, environment),
                args -> commands.dirOf(args).map(BackupDir::source).orElse("duplicity"), TAIL_LINES);
        Clock clock = Clock.systemUTC();
        RunLock lock = new RunLock(config.archiveDir().resolve("duplicity-unattended.lock"));
        main.bind("config", config);
        main.bind("duplicityExecutor", executor);
        main.bind("backupRuns", new BackupRuns(config, lock, outcome, clock, mode.dryRun(), mode.skipPurge()));
        main.bind("dirRecorder", new DirRecorder(commands, clock));
        MonitorSetup monitor = new MonitorSetup(config, clock, !mode.once());
        monitor.beans().forEach(main::bind);
        monitor.properties().forEach(main::addInitialProperty);
        main.configure().withRoutesIncludePattern(mode.routes()
                .map(dir -> "file:" + dir.toAbsolutePath() + "/*.camel.yaml").orElse(BUILT_IN_ROUTES));
        main.configure().withShutdownTimeout(25);
        main.configure().withName("duplicity-unattended");
        main.addInitialProperty("backup.schedule", config.schedule());
        main.addInitialProperty("backup.scheduled", String.valueOf(!mode.once()));
        if (mode.once()) {
            // nothing is scheduled in a one-off run: an idle scheduler only delays the exit
            main.addInitialProperty("camel.component.quartz.autoStartScheduler", "false");
            main.addInitialProperty("camel.component.quartz.interruptJobsOnShutdown", "true");
        }
        main.addInitialProperty("backup.timeout-millis", String.valueOf(config.timeout().toMillis()));
        main.addInitialProperty("duplicity.executable", config.duplicityPath());
    }

    /**
     * Starts the routes with no schedule firing, sends one exchange to {@code endpoint} (such as
     * {@code direct:monitor-check}), stops, and returns the reply. The mode must be {@code once}.
     */
    public Reply request(String endpoint) throws Exception {
        OnceListener once = new OnceListener(endpoint);
        main.addMainListener(once);
        main.run();
        return once.result();
    }

    /**
     * Runs until stopped (daemon) or until the one backup cycle is done (--once). Returns the exit code:
     * 0 when the cycle succeeded (or the daemon was stopped), 1 when it failed.
     */
    public int run() throws Exception {
        Thread stopDuplicity = new Thread(executor::terminateAll, "stop-duplicity");
        Runtime.getRuntime().addShutdownHook(stopDuplicity);
        main.addMainListener(new DuplicityCheck(duplicity));
        if (mode.once()) {
            main.addMainListener(new OnceListener("direct:backup-run"));
        } else {
            main.addMainListener(new DaemonBanner(config));
        }
        main.run();
        return mode.once() ? outcome.exitCode() : 0;
    }
}
