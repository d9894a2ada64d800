package io.github.duplicityunattended.cli;

import io.github.duplicityunattended.app.Application;
import io.github.duplicityunattended.app.Reply;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.exec.StreamingExecutor;
import io.github.duplicityunattended.metrics.MetricsSetup;
import io.github.duplicityunattended.monitor.MonitorSetup;
import io.github.duplicityunattended.notify.NotifySetup;
import io.github.duplicityunattended.restore.DrillReport;
import io.github.duplicityunattended.restore.RestoreChecks;
import io.github.duplicityunattended.restore.RestoreSetup;
import io.github.duplicityunattended.restore.VerifySetup;
import io.github.duplicityunattended.run.RunRefusal;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code --verify [DIR]}: the restore drill once, over every dir or the one named (an unknown one is exit 2), with
 * the monitor flow for its notice; 0 when every compared file is identical, 1 otherwise.
 */
final class VerifyCommand {

    private final PrintStream err;
    private final Map<String, String> environment;

    VerifyCommand(PrintStream err, Map<String, String> environment) {
        this.err = err;
        this.environment = environment;
    }

    int run(Config config, Arguments args) throws Exception {
        String dir = null;
        if (args.options().dir().isPresent()) {
            try {
                dir = new RestoreChecks(config).dir(args.options().dir().get()).source();
            } catch (RestoreChecks.Refused e) {
                err.println("duplicity-unattended: " + e.getMessage() + "; nothing was restored.");
                return ExitCode.USAGE;
            }
        }
        CompletableFuture<DuplicityProbe.Result> duplicity =
                CompletableFuture.supplyAsync(() -> DuplicityProbe.probe(config.duplicityPath(), environment));
        Clock clock = Clock.systemUTC();
        StreamingExecutor executor = RestoreSetup.executor(config, environment);
        RestoreSetup restore = new RestoreSetup(config, executor, duplicity, clock);
        VerifySetup verify = new VerifySetup(config, restore, clock, false);
        MonitorSetup monitor = new MonitorSetup(config, clock, false);
        Reply reply;
        try (StopHook stopping = StopHook.install(executor::stop)) {
            // the drill's notice goes through the monitor's notify route, which also tells the notify and
            // metrics flows
            reply = new Application(List.of(restore, verify, monitor, new NotifySetup(config.notifications()),
                    new MetricsSetup(config, clock, false)), args.routes(), false).request("direct:verify-run", dir);
        }
        if (reply.body().orElse(null) instanceof DrillReport report) {
            return report.isFailed() ? ExitCode.FAILED : ExitCode.OK;
        }
        if (reply.body().orElse(null) instanceof RunRefusal refusal) {
            return refusal.exitCode();
        }
        err.println("duplicity-unattended: the restore drill did not run: " + reply.reason().orElse("no report"));
        return ExitCode.FAILED;
    }
}
