package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Hook;
import io.github.duplicityunattended.exec.Command;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a hook's command: its argv as the config wrote it (never a shell string), and its environment, the
 * program's own plus what the hook is told: the dir ({@value #DIR}), how the dir or the run went
 * ({@value #STATUS}: ok, failed, incomplete, interrupted) and, for the run's after hooks, the summary
 * ({@value #SUMMARY}). An after hook is a cleanup: it still runs while the program is stopping.
 */
public final class HookCommands {

    public static final String DIR = "DUPLICITY_UNATTENDED_DIR";
    public static final String STATUS = "DUPLICITY_UNATTENDED_STATUS";
    public static final String SUMMARY = "DUPLICITY_UNATTENDED_SUMMARY";
    private static final String PREFIX = "DUPLICITY_UNATTENDED_";

    private final Map<String, String> inherited;

    /** @param environment the program's environment, which every hook inherits */
    public HookCommands(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        // a hook is told only what holds for it: nothing of this kind from whoever started the program
        env.keySet().removeIf(name -> name.startsWith(PREFIX));
        this.inherited = Map.copyOf(env);
    }

    /** A hook of the dir: {@code before} (no status yet) or {@code after} (with the dir's status). */
    public Command ofDir(Hook hook, BackupDir dir, String status) {
        Map<String, String> env = new HashMap<>(inherited);
        env.put(DIR, dir.source());
        if (hook.when() == Hook.When.AFTER) {
            env.put(STATUS, status);
        }
        return new Command(hook.command(), env, hook.timeout(), hook.when() == Hook.When.AFTER);
    }

    /** A hook of the run: {@code before_run} is told nothing; after_run and on_failure the run's status and summary. */
    public Command ofRun(Hook hook, RunReport soFar) {
        Map<String, String> env = new HashMap<>(inherited);
        if (hook.when() != Hook.When.BEFORE_RUN) {
            env.put(STATUS, soFar.statusWord());
            env.put(SUMMARY, String.join("\n", soFar.lines()));
        }
        return new Command(hook.command(), env, hook.timeout(), hook.when() == Hook.When.AFTER_RUN);
    }
}
