package io.github.duplicityunattended.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one folder stands.
 *
 * @param location the folder as reports name it: {@code my-host-backup/etc}
 * @param newest   the end time of its newest backup set; empty when it was never backed up
 * @param status   what that means against the maximum age
 */
public record FolderState(String location, Optional<Instant> newest, Status status) {

    /** Recent, too old, or a configured dir with no backup at all. */
    public enum Status {
        RECENT, STALE, NEVER_BACKED_UP;

        /** A folder whose newest backup ended more than {@code maxAgeDays} (of 24 h) before {@code now} is stale. */
        public static Status of(Optional<Instant> newest, int maxAgeDays, Instant now) {
            return newest.map(end -> Duration.between(end, now).compareTo(Duration.ofDays(maxAgeDays)) > 0
                    ? STALE : RECENT).orElse(NEVER_BACKED_UP);
        }
    }

    public boolean recent() {
        return status == Status.RECENT;
    }
}
