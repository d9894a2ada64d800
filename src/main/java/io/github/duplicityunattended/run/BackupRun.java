package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One backup run while it goes on: the dirs to back up, in config order, and what each step did to them.
 * The routes pass it along as the exchange property {@code run}; {@link DirSteps} records into it.
 */
public final class BackupRun {

    private final List<BackupDir> dirs;
    private final OptionalInt keepFull;
    private final boolean dryRun;
    private final Instant started;
    private final Map<BackupDir, DirResult> backups = new ConcurrentHashMap<>();
    private final Map<BackupDir, DirResult> purges = new ConcurrentHashMap<>();

    /**
     * @param keepFull the N of remove-all-but-n-full, or empty when this run does not purge
     */
    public BackupRun(List<BackupDir> dirs, OptionalInt keepFull, boolean dryRun, Instant started) {
        this.dirs = List.copyOf(dirs);
        this.keepFull = keepFull;
        this.dryRun = dryRun;
        this.started = started;
    }

    public List<BackupDir> getDirs() {
        return dirs;
    }

    /** Dirs whose backup succeeded in this run: the only ones ever purged. Empty when purging is off. */
    public List<BackupDir> getDirsToPurge() {
        if (keepFull.isEmpty()) {
            return List.of();
        }
        return dirs.stream().filter(d -> backup(d).map(DirResult::ok).orElse(false)).toList();
    }

    public OptionalInt keepFull() {
        return keepFull;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public Instant started() {
        return started;
    }

    void record(DirStep step, DirResult result) {
        (step.action() == DirStep.Action.BACKUP ? backups : purges).put(step.dir(), result);
    }

    public Optional<DirResult> backup(BackupDir dir) {
        return Optional.ofNullable(backups.get(dir));
    }

    public Optional<DirResult> purge(BackupDir dir) {
        return Optional.ofNullable(purges.get(dir));
    }

    /** Dirs whose backup or purge failed, or that were never backed up, in config order. */
    public List<BackupDir> failedDirs() {
        return dirs.stream()
                .filter(d -> !backup(d).map(DirResult::ok).orElse(false)
                        || !purge(d).map(DirResult::ok).orElse(true))
                .toList();
    }
}
