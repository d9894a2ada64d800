package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.app.Flow;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.monitor.MonitorSetup;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The beans and placeholders of {@code routes/verify.camel.yaml}, the restore drill: on {@code verify.schedule} in
 * the daemon, or once for {@code --verify}. Its restores run through the restore flow's route; its notice goes to
 * the monitor flow's notify route.
 */
public final class VerifySetup implements Flow {

    /** A valid cron for the schedule's route when the config has none: the route then never starts. */
    static final String NO_SCHEDULE = "0 0 5 ? * SUN";
    private final Config config;
    private final boolean daemon;
    private final Map<String, Object> beans = new LinkedHashMap<>();

    /**
     * @param restore the restore flow, whose commands the drill's restores are
     * @param daemon  true when the schedules run
     */
    public VerifySetup(Config config, RestoreSetup restore, Clock clock, boolean daemon) {
        this.config = config;
        this.daemon = daemon;
        beans.put("drill", new Drill(config, restore.commands(), BackupStore.of(config), RestoreSetup.lock(config),
                clock, new SecureRandom()));
        beans.put("drillNotice", new DrillNotice(MonitorSetup.hostName()));
    }

    @Override
    public String routesFile() {
        return "verify.camel.yaml";
    }

    @Override
    public Map<String, Object> beans() {
        return beans;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("verify.scheduled", String.valueOf(daemon && config.verify().schedule().isPresent()),
                "verify.schedule", config.verify().schedule().orElse(NO_SCHEDULE));
    }
}
