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
        // a manifest's name holds no '/', so the whole key ends as its name does; only manifests are split
        ManifestName.endTime(key).ifPresent(end -> {
            int slash = key.lastIndexOf('/');
            newest.merge(slash < 0 ? "" : key.substring(0, slash), end, (a, b) -> a.isAfter(b) ? a : b);
        });
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
