package io.github.duplicityunattended.cli;

import io.github.duplicityunattended.app.Application;
import io.github.duplicityunattended.app.Reply;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.exec.StreamingExecutor;
import io.github.duplicityunattended.restore.RestoreChecks;
import io.github.duplicityunattended.restore.RestoreOutcome;
import io.github.duplicityunattended.restore.RestoreRequest;
import io.github.duplicityunattended.restore.RestoreSetup;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code --restore DIR [--path PATH] [--time TIME] --to TARGET [--force]}: checks the request before anything is
 * written (exit 2 with the reason), then runs the restore flow once: 0 restored, 1 not.
 */
final class RestoreCommand {

    private final PrintStream err;
    private final Map<String, String> environment;

    RestoreCommand(PrintStream err, Map<String, String> environment) {
        this.err = err;
        this.environment = environment;
    }

    int run(Config config, Arguments args) throws Exception {
        Arguments.ActionOptions o = args.options();
        RestoreRequest request;
        try {
            request = new RestoreChecks(config).check(o.dir().orElseThrow(), o.path(), o.time(), o.to().orElseThrow(),
                    o.force());
        } catch (RestoreChecks.Refused e) {
            err.println("duplicity-unattended: " + e.getMessage() + "; nothing was restored.");
            return ExitCode.USAGE;
        }
        CompletableFuture<DuplicityProbe.Result> duplicity =
                CompletableFuture.supplyAsync(() -> DuplicityProbe.probe(config.duplicityPath(), environment));
        StreamingExecutor executor = RestoreSetup.executor(config, environment);
        RestoreSetup restore = new RestoreSetup(config, executor, duplicity, Clock.systemUTC());
        Reply reply;
        try (StopHook stopping = StopHook.install(executor::stop)) {
            reply = new Application(List.of(restore), args.routes(), false).request("direct:restore", request);
        }
        if (reply.body().orElse(null) instanceof RestoreOutcome outcome) {
            return outcome.ok() ? ExitCode.OK : ExitCode.FAILED;
        }
        err.println("duplicity-unattended: the restore did not run: " + reply.reason().orElse("no outcome"));
        return ExitCode.FAILED;
    }
}
