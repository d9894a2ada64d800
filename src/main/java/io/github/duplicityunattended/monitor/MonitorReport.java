package io.github.duplicityunattended.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The verdict of one check over every monitored bucket: every folder with a backup, plus every folder that must
 * hold one, minus the ignored ones, each judged against the maximum age; and each bucket, listed or not. A bucket
 * that could not be listed has no folders here, and hides no other bucket's. Both lists sorted by location.
 *
 * @param target     what was checked, as mails and log lines name it: the bucket (or directory), or
 *                   {@code 3 buckets}
 * @param maxAgeDays a folder whose newest backup ended more than this many days (of 24 h) ago is stale
 * @param checkedAt  when it was checked: ages are counted to this instant
 * @param folders    every folder, sorted by location
 * @param buckets    every bucket listed or tried, sorted by location
 */
public record MonitorReport(String target, int maxAgeDays, Instant checkedAt, List<FolderState> folders,
                            List<BucketState> buckets) {

    /**
     * One monitored bucket at this check.
     *
     * @param location the bucket as reports name it: {@code my-host-backup}, {@code shared-backups/host1}
     * @param objects  how many objects its listing saw
     * @param failure  why it could not be listed, in one line; empty when it was
     */
    public record BucketState(String location, long objects, Optional<String> failure) {

        public boolean listed() {
            return failure.isEmpty();
        }
    }

    public MonitorReport {
        folders = List.copyOf(folders);
        buckets = List.copyOf(buckets);
    }

    /** A report of folders alone, with no bucket states (to word and judge folders). */
    public MonitorReport(String target, int maxAgeDays, Instant checkedAt, List<FolderState> folders) {
        this(target, maxAgeDays, checkedAt, folders, List.of());
    }

    /** Judges the newest backup of every folder of one target at {@code now}. */
    public static MonitorReport judge(MonitorTarget target, Map<String, Instant> newest, List<String> ignorePrefixes,
                                      int maxAgeDays, Instant now) {
        return new MonitorReport(target.reportedAs(), maxAgeDays, now,
                states(target, newest, ignorePrefixes, maxAgeDays, now));
    }

    /** Merges the listings of every target into one report at {@code now}, its folders and buckets by location. */
    public static MonitorReport merge(String target, List<BucketListing> listings, List<String> ignorePrefixes,
                                      int maxAgeDays, Instant now) {
        List<FolderState> folders = new ArrayList<>();
        List<BucketState> buckets = new ArrayList<>();
        for (BucketListing listing : listings) {
            buckets.add(new BucketState(listing.target().reportedAs(), listing.keys(), listing.failure()));
            if (listing.listed()) {
                folders.addAll(states(listing.target(), listing.newest(), ignorePrefixes, maxAgeDays, now));
            }
        }
        folders.sort(Comparator.comparing(FolderState::location));
        buckets.sort(Comparator.comparing(BucketState::location));
        return new MonitorReport(target, maxAgeDays, now, folders, buckets);
    }

    private static List<FolderState> states(MonitorTarget target, Map<String, Instant> newest,
                                            List<String> ignorePrefixes, int maxAgeDays, Instant now) {
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
        return states;
    }

    /** True when any folder is stale or was never backed up, or any bucket could not be listed. */
    public boolean needsAttention() {
        return !attention().isEmpty() || !unlisted().isEmpty();
    }

    /** The stale folders and those never backed up. */
    public List<FolderState> attention() {
        return folders.stream().filter(f -> !f.recent()).toList();
    }

    public List<FolderState> recent() {
        return folders.stream().filter(FolderState::recent).toList();
    }

    /** The buckets that could not be listed: their backups were not checked. */
    public List<BucketState> unlisted() {
        return buckets.stream().filter(b -> !b.listed()).toList();
    }

    public long count(FolderState.Status status) {
        return folders.stream().filter(f -> f.status() == status).count();
    }

    /** How many objects the listings saw, together. */
    public long objects() {
        return buckets.stream().mapToLong(BucketState::objects).sum();
    }
}
