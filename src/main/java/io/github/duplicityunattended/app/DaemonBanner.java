package io.github.duplicityunattended.app;

import io.github.duplicityunattended.config.Config;
import java.text.ParseException;
import java.util.Date;
import java.util.Optional;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one line when the daemon is up and one when it stops, with the next scheduled backup. */
public final class DaemonBanner extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger("duplicity-unattended");
    private final Config config;

    public DaemonBanner(Config config) {
        this.config = config;
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        LOG.info("Started with {}: {} dir(s), backups on '{}' (next {})", config.file(), config.backupDirs().size(),
                config.schedule(), nextText(config.schedule()));
        if (Boolean.parseBoolean(main.getCamelContext().resolvePropertyPlaceholders("{{monitor.scheduled:false}}"))) {
            LOG.info("Backup checks of {} on '{}' (next {}), reports {}",
                    main.getCamelContext().resolvePropertyPlaceholders("{{monitor.target}}"),
                    config.monitor().schedule(), nextText(config.monitor().schedule()),
                    config.monitor().mailsReports() ? "mailed to " + String.join(", ", config.monitor().recipients())
                            : "written to the log");
        }
        config.verify().schedule().ifPresent(cron -> LOG.info("Restore drills on '{}' (next {}): up to {} file(s) a dir",
                cron, nextText(cron), config.verify().sampleFiles()));
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        LOG.info("Stopped");
    }

    private static String nextText(String cron) {
        return next(cron).map(Date::toInstant).map(Object::toString).orElse("never");
    }

    static Optional<Date> next(String cron) {
        try {
            return Optional.ofNullable(new CronExpression(cron).getNextValidTimeAfter(new Date()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
