package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One backup run while it goes on: the dirs to back up, in config order, and what each step and hook did.
 * The routes pass it along as the exchange property {@code run}; {@link DirSteps} and {@link HookSteps} record
 * into it, from several threads at once when dirs are backed up in parallel: every record is a concurrent
 * collection, and a dir's results are written by the one thread that works on that dir.
 */
public final class BackupRun {

    private final List<BackupDir> dirs;
    private final OptionalInt keepFull;
    private final boolean dryRun;
    private final Instant started;
    private final Map<BackupDir, DirResult> backups = new ConcurrentHashMap<>();
    private final Map<BackupDir, DirResult> purges = new ConcurrentHashMap<>();
    private final Set<BackupDir> healed = ConcurrentHashMap.newKeySet();
    private final Queue<HookResult> hooks = new ConcurrentLinkedQueue<>();

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

    /** The dirs to back up: all of them, or none when a before_run hook failed. */
    public List<BackupDir> getDirsToBackUp() {
        return prepared(Optional.empty()) ? dirs : List.of();
    }

    /**
     * Dirs backed up completely in this run, and whose hooks all went well: the only ones ever purged, so that no
     * chain is removed while the newest backup lacks a file. Empty when purging is off.
     */
    public List<BackupDir> getDirsToPurge() {
        if (keepFull.isEmpty()) {
            return List.of();
        }
        return dirs.stream().filter(d -> backup(d).map(r -> r.ok() && !r.incomplete()).orElse(false))
                .filter(d -> hooks(Optional.of(d)).stream().allMatch(HookResult::ok)).toList();
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

    void record(HookResult result) {
        hooks.add(result);
    }

    /** What the hooks of the dir (or, empty, of the whole run) did so far, in the order they ended. */
    public List<HookResult> hooks(Optional<BackupDir> dir) {
        return hooks.stream().filter(h -> h.call().dir().equals(dir)).toList();
    }

    /** True while no hook that prepares the dir (a before hook; or, empty, the run: a before_run hook) went wrong. */
    boolean prepared(Optional<BackupDir> dir) {
        return hooks(dir).stream().noneMatch(h -> h.call().when().prepares() && !h.ok());
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
