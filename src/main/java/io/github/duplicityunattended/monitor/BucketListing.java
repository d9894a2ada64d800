package io.github.duplicityunattended.monitor;

import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What listing one target found: the newest backup of each of its folders and how many keys it saw, or why it
 * could not be listed.
 *
 * @param target  what was listed
 * @param newest  folder (whole key prefix) to the end of its newest backup set; empty when not listed
 * @param keys    how many keys the listing saw
 * @param failure why the target could not be listed, in one line; empty when it was
 */
public record BucketListing(MonitorTarget target, SortedMap<String, Instant> newest, long keys,
                            Optional<String> failure) {

    public BucketListing {
        newest = Collections.unmodifiableSortedMap(new TreeMap<>(newest));
    }

    public static BucketListing listed(MonitorTarget target, SortedMap<String, Instant> newest, long keys) {
        return new BucketListing(target, newest, keys, Optional.empty());
    }

    public static BucketListing failed(MonitorTarget target, String reason) {
        return new BucketListing(target, new TreeMap<>(), 0, Optional.of(reason));
    }

    public boolean listed() {
        return failure.isEmpty();
    }
}
