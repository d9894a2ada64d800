package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.monitor.FolderState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the backups of one configured dir stand, from the names and sizes of its stored files.
 *
 * @param source          the dir
 * @param target          its target URL as the installed duplicity is given it
 * @param cache           duplicity's cache of this target (archive dir + name)
 * @param lastFull        when the newest full backup set was made
 * @param lastIncremental when the newest incremental backup set was made
 * @param chains          full backup sets, each the start of a chain
 * @param backupSets      backup sets, full and incremental (those whose manifest is stored)
 * @param bytes           bytes stored in the dir's folder: volumes, manifests, signatures
 * @param status          recent, stale or never backed up, by {@code monitor.max_age_days}
 */
public record DirStatus(String source, String target, String cache, Optional<Instant> lastFull,
                        Optional<Instant> lastIncremental, int chains, int backupSets, long bytes,
                        FolderState.Status status) {

    /** Reads a dir's stored files (base name to size), judged at {@code now}. */
    static DirStatus of(String source, String target, String cache, Map<String, Long> files, int maxAgeDays,
                        Instant now) {
        Optional<Instant> full = Optional.empty();
        Optional<Instant> incremental = Optional.empty();
        int chains = 0;
        int sets = 0;
        long bytes = 0;
        for (Map.Entry<String, Long> file : files.entrySet()) {
            bytes += file.getValue();
            Optional<BackupFileName> name = BackupFileName.parse(file.getKey())
                    .filter(n -> n.kind() == BackupFileName.Kind.MANIFEST);
            if (name.isPresent()) {
                sets++;
                Instant time = name.get().time();
                if (name.get().full()) {
                    chains++;
                    full = Optional.of(full.filter(t -> t.isAfter(time)).orElse(time));
                } else {
                    incremental = Optional.of(incremental.filter(t -> t.isAfter(time)).orElse(time));
                }
            }
        }
        Optional<Instant> newest = Stream.of(full, incremental).flatMap(Optional::stream).max(Instant::compareTo);
        return new DirStatus(source, target, cache, full, incremental, chains, sets, bytes,
                FolderState.Status.of(newest, maxAgeDays, now));
    }

    /** True when its newest backup is recent enough. */
    public boolean fresh() {
        return status == FolderState.Status.RECENT;
    }
}
