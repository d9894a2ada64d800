package io.github.duplicityunattended.run;

import io.github.duplicityunattended.app.CannotStart;
import io.github.duplicityunattended.app.Flow;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.duplicity.DuplicityEnvironment;
import io.github.duplicityunattended.duplicity.DuplicityMessages;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.exec.StreamingExecutor;
import io.github.duplicityunattended.preflight.RunReadiness;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;

/**
 * The beans and placeholders of {@code routes/backup.camel.yaml}, made from the config. duplicity's version,
 * which shapes its arguments, is asked while Camel loads the routes; the start waits for it and stops when
 * duplicity cannot be run.
 */
public final class BackupSetup implements Flow {

    /** How many of duplicity's last output lines a step keeps for the summary and the failure notice. */
    static final int TAIL_LINES = 200;

    /**
     * How the backups run.
     *
     * @param scheduled back up on the config's schedule (the daemon), not only when asked
     * @param dryRun    duplicity --dry-run, purge without --force
     * @param skipPurge never purge
     */
    public record Mode(boolean scheduled, boolean dryRun, boolean skipPurge) {
    }

    private final Config config;
    private final Mode mode;
    private final CompletableFuture<DuplicityProbe.Result> duplicity;
    private final CompletableFuture<List<String>> readiness;
    private final StreamingExecutor executor;
    private final Map<String, Object> beans = new LinkedHashMap<>();

    /**
     * @param duplicity the answer of {@code duplicity --version}, asked in parallel with Camel's start
     * @param readiness the problems that keep any run from working (no signing key, no writable cache), found in
     *                  parallel with Camel's start: the start fails on them before any duplicity call
     */
    public BackupSetup(Config config, Mode mode, Map<String, String> environment,
                       CompletableFuture<DuplicityProbe.Result> duplicity, CompletableFuture<List<String>> readiness,
                       Clock clock) {
        this.config = config;
        this.mode = mode;
        this.duplicity = duplicity;
        this.readiness = readiness;
        this.executor = new StreamingExecutor(DuplicityEnvironment.of(config, environment), TAIL_LINES,
                DuplicityMessages::isUnreadableFile);
        DuplicityCommands commands = new DuplicityCommands(config,
                () -> duplicity.join().version().orElseThrow(() -> new CannotStart(duplicity.join().problem())),
                mode.dryRun());
        RunLock lock = new RunLock(config.archiveDir().resolve("duplicity-unattended.lock"));
        beans.put("duplicityExecutor", executor);
        // the daemon checks again at every run: a key or cache that went away refuses that run in one line
        Supplier<List<String>> everyRun = mode.scheduled() ? () -> RunReadiness.problems(config, environment) : List::of;
        beans.put("runLifecycle", new RunLifecycle(config, lock, clock, mode.dryRun(), mode.skipPurge(), everyRun));
        beans.put("dirSteps", new DirSteps(commands, clock));
        // hooks run through the same executor as duplicity: their output logged with the dir, ended on a stop
        beans.put("hookExecutor", executor);
        beans.put("hookSteps", new HookSteps(config.hooks(), new HookCommands(environment), clock, mode.dryRun()));
        beans.put("dirThreads", DirThreads.of(config.parallel()));
    }

    @Override
    public String routesFile() {
        return "backup.camel.yaml";
    }

    @Override
    public Map<String, Object> beans() {
        return beans;
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("backup.schedule", config.schedule());
        p.put("backup.scheduled", String.valueOf(mode.scheduled()));
        p.put("backup.timeout-millis", String.valueOf(config.timeout().toMillis()));
        p.put("duplicity.executable", config.duplicityPath());
        return p;
    }

    @Override
    public List<MainListener> listeners() {
        return List.of(new MainListenerSupport() {
            @Override
            public void beforeStart(BaseMainSupport main) {
                List<String> problems = new ArrayList<>();
                DuplicityProbe.Result result = duplicity.join();
                if (result.version().isEmpty()) {
                    problems.add(result.problem());
                }
                readiness.join().forEach(p -> problems.add(config.file() + ": " + p));
                if (!problems.isEmpty()) {
                    throw new CannotStart(String.join("\n", problems) + "\nnothing was backed up; --validate"
                            + " checks all of this");
                }
            }
        });
    }

    /** Runs duplicity; {@link StreamingExecutor#stop()} ends every running one when the program stops. */
    public StreamingExecutor executor() {
        return executor;
    }
}
