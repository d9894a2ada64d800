package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.run.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The mail sent the moment a backup run ends with failed dirs: subject {@code Backup failed: <host>}, the run
 * summary, then the last lines of duplicity's output for each failed backup or purge.
 */
public final class FailureNotice {

    /** How many of the last output lines of each failed command go into the mail. */
    static final int TAIL_LINES = 40;
    private final String host;

    public FailureNotice(String host) {
        this.host = host;
    }

    public Mail mail(RunReport report) {
        List<String> lines = new ArrayList<>(report.lines());
        for (RunReport.FailedStep step : report.failures()) {
            List<String> tail = step.tail();
            List<String> last = tail.subList(Math.max(0, tail.size() - TAIL_LINES), tail.size());
            lines.add("");
            lines.add("Last " + last.size() + " line(s) of the " + step.action() + " of " + step.dir() + ":");
            last.forEach(line -> lines.add("  " + line));
        }
        return new Mail("Backup failed: " + host, String.join("\n", lines) + "\n");
    }
}
