package io.github.duplicityunattended.restore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code --status} found: every configured dir, in config order.
 *
 * @param store      the bucket or directory listed
 * @param checkedAt  when it was listed; ages count to this instant
 * @param maxAgeDays a dir whose newest backup is older than this many days is stale
 * @param duplicity  the installed duplicity's version, which shapes the targets; empty when it could not be asked
 * @param dirs       the dirs, in config order
 */
public record StatusReport(String store, Instant checkedAt, int maxAgeDays, Optional<String> duplicity,
                           List<DirStatus> dirs) {

    public StatusReport {
        dirs = List.copyOf(dirs);
    }

    /** True when every dir has a recent backup. */
    public boolean allFresh() {
        return dirs.stream().allMatch(DirStatus::fresh);
    }
}
