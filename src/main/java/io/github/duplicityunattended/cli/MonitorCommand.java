package io.github.duplicityunattended.cli;

import io.github.duplicityunattended.app.Application;
import io.github.duplicityunattended.app.Reply;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.metrics.MetricsSetup;
import io.github.duplicityunattended.monitor.MonitorReport;
import io.github.duplicityunattended.monitor.MonitorSetup;
import io.github.duplicityunattended.monitor.ReportText;
import io.github.duplicityunattended.notify.NotifySetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code --check} and {@code --test-email}: start the monitor flow of the daemon, with no schedule firing, send
 * one exchange to the monitor route, and turn its reply into output and an exit code.
 */
final class MonitorCommand {

    private final PrintStream out;
    private final PrintStream err;

    MonitorCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Prints the report; 0 when every folder is recent, 1 when any is stale or never backed up, or on failure. */
    int check(Config config, Optional<Path> routes) throws Exception {
        Reply reply = request(config, routes, "direct:monitor-check");
        if (reply.body().orElse(null) instanceof MonitorReport report) {
            new ReportText().lines(report).forEach(out::println);
            return report.needsAttention() ? ExitCode.FAILED : ExitCode.OK;
        }
        err.println("duplicity-unattended: the check failed: " + reply.reason().orElse("no report"));
        return ExitCode.FAILED;
    }

    /** Mails the newest backup of every folder; 0 when sent (or written to the log), 1 when not. */
    int testEmail(Config config, Optional<Path> routes) throws Exception {
        Reply reply = request(config, routes, "direct:monitor-test-email");
        if (reply.failure().isPresent()) {
            err.println("duplicity-unattended: the test email was not sent: " + reply.reason().orElse(""));
            return ExitCode.FAILED;
        }
        out.println(config.monitor().mailsReports()
                ? "Sent the test email to " + String.join(", ", config.monitor().recipients()) + "."
                : "No monitor.sender and monitor.recipient configured: the test email was written to the log.");
        return ExitCode.OK;
    }

    private Reply request(Config config, Optional<Path> routes, String endpoint) throws Exception {
        Clock clock = Clock.systemUTC();
        MonitorSetup monitor = new MonitorSetup(config, clock, false);
        return new Application(List.of(monitor, new NotifySetup(config.notifications()),
                new MetricsSetup(config, clock, false)), routes, false).request(endpoint);
    }
}
