package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.config.MonitorConfig;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One check: lists the target, keeps the newest backup of every folder, judges them, logs one line. */
public final class Monitor {

    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
    private final MonitorTarget target;
    private final BucketLister lister;
    private final MonitorConfig config;
    private final Clock clock;
    private final ReportText text = new ReportText();

    public Monitor(MonitorTarget target, BucketLister lister, MonitorConfig config, Clock clock) {
        this.target = target;
        this.lister = lister;
        this.config = config;
        this.clock = clock;
    }

    public MonitorReport check() throws IOException {
        NewestBackups newest = new NewestBackups();
        lister.list(newest::accept);
        MonitorReport report = MonitorReport.judge(target, newest.byFolder(), config.ignorePrefixes(),
                config.maxAgeDays(), clock.instant());
        LOG.info("{} ({} object(s) listed)", text.summary(report), newest.keys());
        return report;
    }
}
