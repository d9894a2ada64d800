package io.github.duplicityunattended.config;

import java.util.List;

/**
 * One entry of {@code backup_dirs}: a source directory, its duplicity glob patterns and the hooks run around its
 * backup.
 *
 * @param source   absolute path of the directory to back up, exactly as written in the config
 * @param includes {@code --include} patterns, in config order
 * @param excludes {@code --exclude} patterns, in config order
 * @param hooks    its {@code before} and {@code after} hooks, in config order
 */
public record BackupDir(String source, List<String> includes, List<String> excludes, List<Hook> hooks) {

    public BackupDir {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        hooks = List.copyOf(hooks);
    }

    /** A dir without hooks. */
    public BackupDir(String source, List<String> includes, List<String> excludes) {
        this(source, includes, excludes, List.of());
    }

    /** Its hooks that run at {@code when}, in config order. */
    public List<Hook> hooks(Hook.When when) {
        return hooks.stream().filter(h -> h.when() == when).toList();
    }

    public static BackupDir of(String source) {
        return new BackupDir(source, List.of(), List.of());
    }

    @Override
    public String toString() {
        return source;
    }
}
