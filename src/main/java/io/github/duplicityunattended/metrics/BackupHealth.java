package io.github.duplicityunattended.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * The daemon's health, at {@code /observe/health} with Camel's own checks: down when the last backup run failed,
 * when the last check failed or found stale backups, or when a schedule has stopped firing (its next fire is
 * overdue by more than {@code grace} and no job of it is running).
 */
public final class BackupHealth extends AbstractHealthCheck {

    /** The quartz group and trigger name of each scheduled route, as routes/*.camel.yaml set them. */
    static final Map<String, String> SCHEDULES = Map.of("backup-on-schedule", "backup", "monitor-on-schedule", "monitor");
    static final String GROUP = "duplicity-unattended";
    private final RunMetrics runs;
    private final CheckMetrics checks;
    private final Clock clock;
    private final Duration grace;

    public BackupHealth(RunMetrics runs, CheckMetrics checks, Clock clock, Duration grace) {
        super("duplicity-unattended");
        this.runs = runs;
        this.checks = checks;
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        RunMetrics.Outcome last = runs.last();
        String problem = last != null && last.exitStatus() != 0
                ? "the last backup run failed (exit " + last.exitStatus() + ")" : checks.problem();
        if (problem == null) {
            problem = stoppedSchedule(getCamelContext());
        }
        if (problem == null) {
            builder.up();
        } else {
            builder.message(problem).down();
        }
    }

    /** Why a started schedule does not fire, or null when each fires as it should. */
    String stoppedSchedule(CamelContext context) {
        List<String> started = SCHEDULES.keySet().stream()
                .filter(id -> context.getRouteController().getRouteStatus(id) != null
                        && context.getRouteController().getRouteStatus(id).isStarted()).sorted().toList();
        if (started.isEmpty()) {
            return null;
        }
        try {
            Scheduler scheduler = context.getComponent("quartz", QuartzComponent.class).getScheduler();
            if (scheduler == null || scheduler.isShutdown() || scheduler.isInStandbyMode()) {
                return "the schedules are not running";
            }
            List<JobExecutionContext> running = scheduler.getCurrentlyExecutingJobs();
            for (String route : started) {
                TriggerKey key = TriggerKey.triggerKey(SCHEDULES.get(route), GROUP);
                Trigger trigger = scheduler.getTrigger(key);
                boolean busy = running.stream().anyMatch(j -> j.getTrigger().getKey().equals(key));
                Date next = trigger == null ? null : trigger.getNextFireTime();
                if (!busy && (next == null || next.toInstant().plus(grace).isBefore(clock.instant()))) {
                    return "the " + SCHEDULES.get(route) + " schedule has stopped firing"
                            + (next == null ? "" : " (due at " + next.toInstant() + ")");
                }
            }
            return null;
        } catch (SchedulerException e) {
            return "the schedules cannot be read: " + e.getMessage();
        }
    }
}
