package io.github.duplicityunattended.notify;

import java.util.List;

/**
 * Something the outside world hears about through {@code direct:notify-event}: a backup run that started or
 * ended, a check of the monitor, or another flow's job (a restore drill). Pings, ntfy and webhooks are made
 * from it; mail stays with the monitor flow's {@code direct:notify}.
 *
 * @param job     which job: {@code backup}, {@code check} (a key of {@code notify.ping}), or another flow's
 * @param status  how it stands
 * @param host    the host it ran on
 * @param subject one line, such as {@code Backup failed: web1}
 * @param text    the summary or notice, plain text
 * @param dirs    each dir (or monitored folder) with its status, in order
 */
public record NotifyEvent(String job, Status status, String host, String subject, String text, List<Dir> dirs) {

    /**
     * How a job stands. {@link #INTERRUPTED} (the program was stopped mid-run) tells no one: the next run
     * resumes, so it is neither a success nor a failure.
     */
    public enum Status {
        STARTED, OK, FAILED, INTERRUPTED;

        /** {@code started}, {@code ok}, {@code failed}, {@code interrupted}, as the webhook document says it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A dir of a run, or a folder of a check, and its status ({@code ok}, {@code failed}, {@code stale}...). */
    public record Dir(String dir, String status) {
    }

    public NotifyEvent {
        dirs = List.copyOf(dirs);
    }

    /** A failure: what ntfy and the failures-only webhook are for. */
    public boolean failed() {
        return status == Status.FAILED;
    }

    /** The end of a job, failed or not. */
    public boolean finished() {
        return status == Status.OK || status == Status.FAILED;
    }
}
