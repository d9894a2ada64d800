package io.github.duplicityunattended.notify;

import io.github.duplicityunattended.monitor.FailureNotice;
import io.github.duplicityunattended.monitor.FolderState;
import io.github.duplicityunattended.monitor.MonitorReport;
import io.github.duplicityunattended.monitor.ReportText;
import io.github.duplicityunattended.run.BackupRun;
import io.github.duplicityunattended.run.RunRefusal;
import io.github.duplicityunattended.run.RunReport;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Makes the events of the backup and monitor flows: a run that starts, ends or could not start, and a check.
 * A dry run tells no one (nothing was backed up): its events are null, which the notify flow skips.
 */
public final class NotifyEvents {

    static final String BACKUP = "backup";
    static final String CHECK = "check";
    /** The status of a bucket a check could not list. */
    static final String NOT_LISTED = "not_listed";
    private final String host;
    private final ReportText reportText = new ReportText();

    public NotifyEvents(String host) {
        this.host = host;
    }

    public NotifyEvent runStarted(BackupRun run) {
        if (run.dryRun()) {
            return null;
        }
        return new NotifyEvent(BACKUP, NotifyEvent.Status.STARTED, host, "Backup started: " + host,
                "Backup run started: " + run.getDirs().size() + " dir(s)\n", List.of());
    }

    /** The end of a run, as its report says: failed when any dir failed, ok otherwise. */
    public NotifyEvent runFinished(BackupRun run, RunReport report) {
        if (run.dryRun()) {
            return null;
        }
        List<NotifyEvent.Dir> dirs = run.getDirs().stream().map(d -> new NotifyEvent.Dir(d.source(),
                dirStatus(run, report, d))).toList();
        if (report.status() == RunReport.Status.INTERRUPTED) {
            // what was not finished resumes at the next run: no fail ping for a stop
            return new NotifyEvent(BACKUP, NotifyEvent.Status.INTERRUPTED, host, "Backup interrupted: " + host,
                    String.join("\n", report.lines()) + "\n", dirs);
        }
        if (report.needsNotice()) {
            var notice = new FailureNotice(host).mail(report);
            return new NotifyEvent(BACKUP, NotifyEvent.Status.FAILED, host, notice.subject(), notice.text(), dirs);
        }
        return new NotifyEvent(BACKUP, NotifyEvent.Status.OK, host, "Backup ok: " + host,
                String.join("\n", report.lines()) + "\n", dirs);
    }

    /** {@code failed}, {@code incomplete} (files it could not read), {@code interrupted} or {@code ok}. */
    private static String dirStatus(BackupRun run, RunReport report, io.github.duplicityunattended.config.BackupDir dir) {
        if (report.failedDirs().contains(dir.source())) {
            return "failed";
        }
        if (report.incompleteDirs().contains(dir.source())) {
            return "incomplete";
        }
        boolean stopped = run.backup(dir).map(r -> r.interrupted()).orElse(false)
                || run.purge(dir).map(r -> r.interrupted()).orElse(false);
        return stopped ? "interrupted" : "ok";
    }

    /** A run that could not start (another run held the lock): a failure of the scheduled job. */
    public NotifyEvent runRefused(RunRefusal refusal) {
        return new NotifyEvent(BACKUP, NotifyEvent.Status.FAILED, host, "Backup failed: " + host,
                "Backup run not started: " + refusal.reason() + "\n", List.of());
    }

    /**
     * A check: ok when every folder is recent, failed when any is stale or never backed up, or a bucket could not
     * be listed. Its dirs are the buckets not listed ({@code not_listed}), then the folders, each named with its
     * bucket ({@code my-host-backup/etc}).
     */
    public NotifyEvent checked(MonitorReport report) {
        List<NotifyEvent.Dir> folders = Stream.concat(
                report.unlisted().stream().map(b -> new NotifyEvent.Dir(b.location(), NOT_LISTED)),
                report.folders().stream().map(f -> new NotifyEvent.Dir(f.location(), word(f.status())))).toList();
        String text = String.join("\n", reportText.lines(report)) + "\n";
        if (report.needsAttention()) {
            return new NotifyEvent(CHECK, NotifyEvent.Status.FAILED, host, reportText.staleMail(report).subject(),
                    text, folders);
        }
        return new NotifyEvent(CHECK, NotifyEvent.Status.OK, host, "Backups recent: " + report.target(), text,
                folders);
    }

    /** A check that could not list its target. */
    public NotifyEvent checkFailed(String target, String reason) {
        return new NotifyEvent(CHECK, NotifyEvent.Status.FAILED, host, "Backup check failed: " + target,
                "Could not check the backups in " + target + ": " + reason + "\n", List.of());
    }

    /** How a folder's status reads in an event: {@code recent}, {@code stale}, {@code never_backed_up}. */
    static String word(FolderState.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
