package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Hook;
import java.util.List;
import java.util.Optional;

/**
 * A hook due in a run: of the run or of one dir, with the name the log and the summary give it
 * ({@code before hook pg_dump}; {@code after hook 2 systemctl} when a dir has several after hooks).
 *
 * @param dir  the dir it runs around, or empty for a hook of the whole run
 * @param hook what it runs
 * @param name how it is named
 */
public record HookCall(Optional<BackupDir> dir, Hook hook, String name) {

    /** The calls of {@code hooks} (all of one moment, in order), for {@code dir} or the run. */
    static List<HookCall> of(Optional<BackupDir> dir, List<Hook> hooks) {
        return java.util.stream.IntStream.range(0, hooks.size()).mapToObj(i -> new HookCall(dir, hooks.get(i),
                hooks.get(i).when().word() + " hook " + (hooks.size() > 1 ? (i + 1) + " " : "")
                        + hooks.get(i).program())).toList();
    }

    public Hook.When when() {
        return hook.when();
    }
}
