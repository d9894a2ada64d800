package io.github.duplicityunattended.cli;

import io.github.duplicityunattended.app.Application;
import io.github.duplicityunattended.app.DaemonBanner;
import io.github.duplicityunattended.app.Reply;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.metrics.MetricsSetup;
import io.github.duplicityunattended.monitor.MonitorSetup;
import io.github.duplicityunattended.notify.NotifySetup;
import io.github.duplicityunattended.preflight.RunReadiness;
import io.github.duplicityunattended.restore.RestoreSetup;
import io.github.duplicityunattended.restore.VerifySetup;
import io.github.duplicityunattended.run.BackupSetup;
import io.github.duplicityunattended.run.RunResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The daemon and {@code --once}: the backup flow, the monitor flow (which mails the failure notice), the notify
 * flow (pings, ntfy, webhook), the metrics flow and the restore drill's flows (scheduled in the daemon), with
 * every running duplicity stopped when the process is.
 */
final class BackupCommand {

    private final Map<String, String> environment;

    BackupCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs until stopped (daemon: exit code 0), or runs once and returns the run's exit code. */
    int run(Config config, Arguments args) throws Exception {
        // only a valid config reaches duplicity, even for --version; its answer (a Python start-up)
        // is awaited after Camel has loaded the routes, so the two overlap
        CompletableFuture<DuplicityProbe.Result> probe =
                CompletableFuture.supplyAsync(() -> DuplicityProbe.probe(config.duplicityPath(), environment));
        CompletableFuture<List<String>> readiness =
                CompletableFuture.supplyAsync(() -> RunReadiness.problems(config, environment));
        Clock clock = Clock.systemUTC();
        BackupSetup backup = new BackupSetup(config, new BackupSetup.Mode(!args.once(), args.dryRun(),
                args.skipPurge()), environment, probe, readiness, clock);
        MonitorSetup monitor = new MonitorSetup(config, clock, !args.once());
        // the restore drill runs on verify.schedule in the daemon, with the backups' executor
        RestoreSetup restore = new RestoreSetup(config, backup.executor(), probe, clock);
        VerifySetup verify = new VerifySetup(config, restore, clock, !args.once());
        Application app = new Application(List.of(backup, monitor, new NotifySetup(config.notifications()),
                new MetricsSetup(config, clock, !args.once()), restore, verify), args.routes(), true);
        try (StopHook stopping = StopHook.install(backup.executor()::stop)) {
            if (!args.once()) {
                app.with(new DaemonBanner(config)).serve();
                return ExitCode.OK;
            }
            return exitCode(app.request("direct:backup-run"));
        }
    }

    /** The run's own exit code; 1 when the route gave no run result (it failed before the run ended). */
    static int exitCode(Reply reply) {
        return reply.body().orElse(null) instanceof RunResult result ? result.exitCode() : ExitCode.FAILED;
    }
}
