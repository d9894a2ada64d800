package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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
    private final Set<BackupDir> healed = ConcurrentHashMap.newKeySet();

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

    /**
     * Dirs backed up completely in this run: the only ones ever purged, so that no chain is removed while the
     * newest backup lacks a file. Empty when purging is off.
     */
    public List<BackupDir> getDirsToPurge() {
        if (keepFull.isEmpty()) {
            return List.of();
        }
        return dirs.stream().filter(d -> backup(d).map(r -> r.ok() && !r.incomplete()).orElse(false)).toList();
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

    /** True the first time it is asked for a dir in this run: its damaged cache is set aside at most once. */
    boolean healOnce(BackupDir dir) {
        return healed.add(dir);
    }

    public Optional<DirResult> backup(BackupDir dir) {
        return Optional.ofNullable(backups.get(dir));
    }

    public Optional<DirResult> purge(BackupDir dir) {
        return Optional.ofNullable(purges.get(dir));
    }
}
