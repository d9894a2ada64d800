package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.monitor.Mail;
import java.util.ArrayList;
import java.util.List;

/**
 * The mail sent when a restore drill fails: subject {@code Restore drill failed: <host>}, the report, then the last
 * lines of duplicity's output for each file that could not be restored.
 */
public final class DrillNotice {

    /** How many of the last output lines of each failed restore go into the mail. */
    static final int TAIL_LINES = 40;
    private final String host;

    public DrillNotice(String host) {
        this.host = host;
    }

    public Mail mail(DrillReport report) {
        List<String> lines = new ArrayList<>(report.lines());
        for (DirDrill dir : report.dirs()) {
            for (DrillPlan.Failure error : dir.errors()) {
                List<String> tail = error.tail();
                List<String> last = tail.subList(Math.max(0, tail.size() - TAIL_LINES), tail.size());
                lines.add("");
                lines.add("Last " + last.size() + " line(s) of the restore of " + error.path() + " of " + dir.source()
                        + ":");
                last.forEach(line -> lines.add("  " + line));
            }
        }
        return new Mail("Restore drill failed: " + host, String.join("\n", lines) + "\n");
    }
}
