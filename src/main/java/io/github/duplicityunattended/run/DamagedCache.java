package io.github.duplicityunattended.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a dir's damaged duplicity cache out of the way, keeping it beside the archive dir's others under a
 * name with the time ({@code <name>.damaged-20261128T230000Z}), so that duplicity rebuilds the cache from the
 * target instead of failing on it at every run.
 */
final class DamagedCache {

    private static final Logger LOG = LoggerFactory.getLogger(DirSteps.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private final Clock clock;

    DamagedCache(Clock clock) {
        this.clock = clock;
    }

    /** True when the cache was moved aside (or was not there at all), so that running again can help. */
    boolean setAside(Path cache, String reason) {
        Path aside = cache.resolveSibling(cache.getFileName() + ".damaged-" + STAMP.format(clock.instant()));
        try {
            if (Files.exists(cache)) {
                Files.move(cache, aside);
            }
            LOG.warn("the local cache {} cannot be read ({}); moved it aside to {} and trying again:"
                    + " duplicity fetches what it needs from the target", cache, reason, aside);
            return true;
        } catch (IOException e) {
            LOG.error("the local cache {} cannot be read ({}), and could not be moved aside: {}", cache, reason,
                    e.getMessage());
            return false;
        }
    }
}
