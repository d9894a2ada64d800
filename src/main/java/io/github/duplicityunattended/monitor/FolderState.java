package io.github.duplicityunattended.monitor;

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
    public enum Status { RECENT, STALE, NEVER_BACKED_UP }

    public boolean recent() {
        return status == Status.RECENT;
    }
}
