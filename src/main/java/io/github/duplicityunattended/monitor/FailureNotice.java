package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.run.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The mail sent the moment a backup run ends with failed dirs (subject {@code Backup failed: <host>}) or with
 * dirs backed up without files duplicity could not read ({@code Backup incomplete: <host>}): the run summary,
 * then the last lines of duplicity's output for each failed backup or purge, and the unreadable files.
 */
public final class FailureNotice {

    private final String host;

    public FailureNotice(String host) {
        this.host = host;
    }

    public Mail mail(RunReport report) {
        List<String> lines = new ArrayList<>(report.lines());
        for (RunReport.Detail detail : report.details()) {
            lines.add("");
            lines.add(detail.heading());
            detail.lines().forEach(line -> lines.add("  " + line));
        }
        String subject = report.status() == RunReport.Status.INCOMPLETE ? "Backup incomplete: " : "Backup failed: ";
        return new Mail(subject + host, String.join("\n", lines) + "\n");
    }
}
