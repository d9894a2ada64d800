package io.github.duplicityunattended.monitor;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The newest backup of every folder, fed one object key at a time. Only folders that hold a manifest are
 * kept, one entry each, so memory grows with the number of folders, never with the number of objects.
 * A key's folder is everything before its last {@code /} ("" for a key at the top of the bucket).
 */
public final class NewestBackups {

    private final SortedMap<String, Instant> newest = new TreeMap<>();
    private long keys;

    public void accept(String key) {
        keys++;
        int slash = key.lastIndexOf('/');
        String folder = slash < 0 ? "" : key.substring(0, slash);
        ManifestName.endTime(key.substring(slash + 1))
                .ifPresent(end -> newest.merge(folder, end, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** Folder to the end time of its newest backup set, sorted by folder. */
    public SortedMap<String, Instant> byFolder() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(newest));
    }

    /** How many keys were seen. */
    public long keys() {
        return keys;
    }
}
