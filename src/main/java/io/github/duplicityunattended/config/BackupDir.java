package io.github.duplicityunattended.config;

import java.util.List;

/**
 * One entry of {@code backup_dirs}: a source directory and its duplicity glob patterns.
 *
 * @param source   absolute path of the directory to back up, exactly as written in the config
 * @param includes {@code --include} patterns, in config order
 * @param excludes {@code --exclude} patterns, in config order
 */
public record BackupDir(String source, List<String> includes, List<String> excludes) {

    public BackupDir {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    public static BackupDir of(String source) {
        return new BackupDir(source, List.of(), List.of());
    }

    @Override
    public String toString() {
        return source;
    }
}
