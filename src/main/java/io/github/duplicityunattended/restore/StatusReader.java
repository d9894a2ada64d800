package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityTarget;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.monitor.BucketLister;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --status}: one listing of the store, and how every configured dir stands. */
public final class StatusReader {

    private final Config config;
    private final BackupStore store;
    private final Clock clock;

    public StatusReader(Config config, BackupStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param version the installed duplicity's version; without it the targets are shown as configured
     */
    public StatusReport read(BucketLister lister, Optional<DuplicityVersion> version) throws IOException {
        Map<String, Map<String, Long>> listing = store.list(lister);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<DirStatus> dirs = config.backupDirs().stream().map(dir -> {
            DuplicityTarget target = targetOf(config, dir, version);
            return DirStatus.of(dir.source(), target.effective(),
                    config.archiveDir().resolve(target.cacheName()).toString(), BackupStore.of(listing, dir),
                    config.monitor().maxAgeDays(), now);
        }).toList();
        return new StatusReport(store.name(), now, config.monitor().maxAgeDays(), version.map(Object::toString),
                dirs);
    }

    /** The dir's target as the installed duplicity is given it; as configured when the version is not known. */
    static DuplicityTarget targetOf(Config config, BackupDir dir, Optional<DuplicityVersion> version) {
        String original = config.bucketUrl() + dir.source();
        return version.map(v -> DuplicityTarget.of(config.bucketUrl(), dir.source(), v))
                .orElse(new DuplicityTarget(original, original));
    }
}
