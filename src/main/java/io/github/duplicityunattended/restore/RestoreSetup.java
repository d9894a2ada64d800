package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.app.CannotStart;
import io.github.duplicityunattended.app.Flow;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityEnvironment;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.exec.StreamingExecutor;
import io.github.duplicityunattended.run.RunLock;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;

/**
 * The beans and placeholders of {@code routes/restore.camel.yaml}: a restore, and the route that runs one duplicity
 * command for a dir through camel-exec with the executor the backups use (output streamed with the dir's prefix,
 * the timeout, every process ended at shutdown). duplicity's version, which names the restore's options, is asked
 * while Camel loads the routes; the start waits for it.
 */
public final class RestoreSetup implements Flow {

    /** How many of duplicity's last output lines a command keeps for its outcome. */
    static final int TAIL_LINES = 200;

    private final Config config;
    private final CompletableFuture<DuplicityProbe.Result> duplicity;
    private final RestoreCommands commands;
    private final Map<String, Object> beans = new LinkedHashMap<>();

    /**
     * @param executor  runs duplicity: the backups' own in the daemon, else one of {@link #executor}
     * @param duplicity the answer of {@code duplicity --version}, asked in parallel with Camel's start
     */
    public RestoreSetup(Config config, StreamingExecutor executor, CompletableFuture<DuplicityProbe.Result> duplicity,
                        Clock clock) {
        this.config = config;
        this.duplicity = duplicity;
        this.commands = new RestoreCommands(config, () -> version(duplicity));
        beans.put("duplicityExecutor", executor);
        beans.put("restores", new Restores(commands, lock(config), config.lockWait(), clock));
    }

    /** An executor for duplicity in the config's environment, for a process that runs no backups. */
    public static StreamingExecutor executor(Config config, Map<String, String> environment) {
        return new StreamingExecutor(DuplicityEnvironment.of(config, environment), TAIL_LINES, line -> false);
    }

    /** The backups' run lock: a restore or a drill uses their cache, so it never runs beside one. */
    static RunLock lock(Config config) {
        return new RunLock(config.archiveDir().resolve("duplicity-unattended.lock"));
    }

    static DuplicityVersion version(CompletableFuture<DuplicityProbe.Result> duplicity) {
        return duplicity.join().version().orElseThrow(() -> new CannotStart(duplicity.join().problem()));
    }

    public RestoreCommands commands() {
        return commands;
    }

    @Override
    public String routesFile() {
        return "restore.camel.yaml";
    }

    @Override
    public Map<String, Object> beans() {
        return beans;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("duplicity.executable", config.duplicityPath(),
                "restore.timeout-millis", String.valueOf(config.timeout().toMillis()));
    }

    @Override
    public List<MainListener> listeners() {
        return List.of(new MainListenerSupport() {
            @Override
            public void beforeStart(BaseMainSupport main) {
                version(duplicity);
            }
        });
    }
}
