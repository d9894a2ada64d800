package io.github.duplicityunattended.cli;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.monitor.BucketLister;
import io.github.duplicityunattended.monitor.S3BucketLister;
import io.github.duplicityunattended.restore.BackupStore;
import io.github.duplicityunattended.restore.StatusJson;
import io.github.duplicityunattended.restore.StatusReport;
import io.github.duplicityunattended.restore.StatusReader;
import io.github.duplicityunattended.restore.StatusText;
import io.github.duplicityunattended.support.Failures;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code --status [--json]}: one listing of the store (never a GET), how every configured dir stands, printed for
 * people or as one JSON document; 0 when every dir is fresh, 1 otherwise, 2 when the store cannot be listed.
 */
final class StatusCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    StatusCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int run(Config config, boolean json) {
        BackupStore store = BackupStore.of(config);
        if (store.whyNotListed().isPresent()) {
            err.println("duplicity-unattended: --status: " + store.whyNotListed().get());
            return ExitCode.USAGE;
        }
        // the targets are those the installed duplicity is given; its answer comes while the store is listed
        CompletableFuture<DuplicityProbe.Result> duplicity =
                CompletableFuture.supplyAsync(() -> DuplicityProbe.probe(config.duplicityPath(), environment));
        StatusReport report;
        BucketLister lister = store.lister();
        try {
            report = new StatusReader(config, store, Clock.systemUTC()).read(lister, duplicity.join().version());
        } catch (IOException | RuntimeException e) {
            err.println("duplicity-unattended: could not list " + store.name() + ": " + Failures.reason(e));
            return ExitCode.FAILED;
        } finally {
            if (lister instanceof S3BucketLister s3) {
                s3.close();
            }
        }
        if (report.duplicity().isEmpty()) {
            err.println("duplicity-unattended: " + duplicity.join().problem() + "; targets are shown as configured");
        }
        if (json) {
            out.println(StatusJson.document(report).strip());
        } else {
            StatusText.lines(report).forEach(out::println);
        }
        return report.allFresh() ? ExitCode.OK : ExitCode.FAILED;
    }
}
