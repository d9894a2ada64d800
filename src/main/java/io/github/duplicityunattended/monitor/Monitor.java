package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.config.MonitorConfig;
import io.github.duplicityunattended.support.Failures;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one check, which routes/monitor.camel.yaml runs: the targets to list, one target's listing (the
 * route lists several at once), and the one report of them all, with its log line.
 */
public final class Monitor {

    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
    private final List<MonitorTarget> targets;
    private final Function<MonitorTarget, BucketLister> listers;
    private final MonitorConfig config;
    private final Clock clock;
    private final ReportText text = new ReportText();

    /**
     * @param listers the lister of each target
     */
    public Monitor(List<MonitorTarget> targets, Function<MonitorTarget, BucketLister> listers, MonitorConfig config,
                   Clock clock) {
        this.targets = List.copyOf(targets);
        this.listers = listers;
        this.config = config;
        this.clock = clock;
    }

    /** What a check lists, in config order. */
    public List<MonitorTarget> targets() {
        return targets;
    }

    /** How reports name what is checked: the one target ({@code my-host-backup}), or {@code 3 buckets}. */
    public String name() {
        return targets.size() == 1 ? targets.get(0).reportedAs() : targets.size() + " buckets";
    }

    /** Lists one target, keeping the newest backup of each folder; a target that cannot be listed says why. */
    public BucketListing list(MonitorTarget target) {
        NewestBackups newest = new NewestBackups();
        try {
            listers.apply(target).list(newest::accept);
        } catch (Exception e) {
            LOG.debug("Could not list: {}", Failures.reason(e));
            return BucketListing.failed(target, Failures.reason(e));
        }
        LOG.debug("Listed {} object(s), {} folder(s) with backups", newest.keys(), newest.byFolder().size());
        return BucketListing.listed(target, newest.byFolder(), newest.keys());
    }

    /**
     * Judges the listings of every target in one report and logs its summary in one line. When no target could be
     * listed there is nothing to report: the check fails with the reason (the first target's).
     */
    public MonitorReport report(List<BucketListing> listings) throws IOException {
        if (listings.stream().noneMatch(BucketListing::listed)) {
            throw new IOException(noneListed(listings));
        }
        MonitorReport report = MonitorReport.merge(name(), listings, config.ignorePrefixes(), config.maxAgeDays(),
                clock.instant());
        LOG.info("{} ({} object(s) listed)", text.summary(report), report.objects());
        return report;
    }

    private static String noneListed(List<BucketListing> listings) {
        if (listings.isEmpty()) {
            return "there was nothing to list";
        }
        BucketListing first = listings.get(0);
        String reason = first.failure().orElseThrow();
        return listings.size() == 1 ? reason : "none of the " + listings.size() + " buckets could be listed; "
                + first.target().reportedAs() + ": " + reason;
    }
}
