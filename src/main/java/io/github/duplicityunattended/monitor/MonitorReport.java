package io.github.duplicityunattended.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The verdict of one check: every folder with a backup, plus every configured dir's folder, minus the
 * ignored ones, each judged against the maximum age. Sorted by location.
 *
 * @param target     the bucket or directory checked
 * @param maxAgeDays a folder whose newest backup ended more than this many days (of 24 h) ago is stale
 * @param checkedAt  when it was checked: ages are counted to this instant
 * @param folders    every folder, sorted by location
 */
public record MonitorReport(String target, int maxAgeDays, Instant checkedAt, List<FolderState> folders) {

    public MonitorReport {
        folders = List.copyOf(folders);
    }

    /** Judges the newest backup of every folder at {@code now}. */
    public static MonitorReport judge(MonitorTarget target, Map<String, Instant> newest, List<String> ignorePrefixes,
                                      int maxAgeDays, Instant now) {
        Map<String, Optional<Instant>> folders = new TreeMap<>();
        target.configuredFolders().forEach(f -> folders.put(f, Optional.empty()));
        newest.forEach((f, end) -> folders.put(f, Optional.of(end)));
        List<FolderState> states = new ArrayList<>();
        folders.forEach((folder, end) -> {
            if (ignorePrefixes.stream().noneMatch(p -> folder.equals(p) || !p.isEmpty() && folder.startsWith(p + "/"))) {
                states.add(new FolderState(target.location(folder), end,
                        FolderState.Status.of(end, maxAgeDays, now)));
            }
        });
        return new MonitorReport(target.name(), maxAgeDays, now, states);
    }

    /** True when any folder is stale or was never backed up. */
    public boolean needsAttention() {
        return !attention().isEmpty();
    }

    /** The stale folders and those never backed up. */
    public List<FolderState> attention() {
        return folders.stream().filter(f -> !f.recent()).toList();
    }

    public List<FolderState> recent() {
        return folders.stream().filter(FolderState::recent).toList();
    }

    public long count(FolderState.Status status) {
        return folders.stream().filter(f -> f.status() == status).count();
    }
}
