package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.BackupDir;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A restore as asked and checked ({@link RestoreChecks}): a configured dir, or one path of it, as of now or of a
 * duplicity time, into a target.
 *
 * @param dir    the configured dir
 * @param path   a file or subdir of the dir, relative to it; empty for the whole dir
 * @param time   a duplicity time; empty for the newest backup
 * @param target where the dir or the path is restored to, absolute
 * @param force  write into a target that exists and is not empty
 */
public record RestoreRequest(BackupDir dir, Optional<String> path, Optional<String> time, Path target,
                             boolean force) {

    /** {@code hosts as of 3D}, {@code the whole dir}: what is restored, as log lines (which name the dir) say it. */
    public String what() {
        return path.orElse("the whole dir") + time.map(t -> " as of " + t).orElse("");
    }
}
