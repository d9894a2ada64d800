package io.github.duplicityunattended.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Words a check: the report printed by --check, the stale-backup mail, the test mail and the log line. */
public final class ReportText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * The buckets that could not be listed first, then the stale and never-backed-up folders, then the recent ones,
     * one line each: {@code * 2026-11-20 02:00 UTC (6 days ago): my-host-backup/etc}.
     */
    public List<String> lines(MonitorReport report) {
        List<MonitorReport.BucketState> unlisted = report.unlisted();
        if (report.folders().isEmpty() && unlisted.isEmpty()) {
            return List.of("There are no backups in " + report.target() + ".");
        }
        List<String> out = new ArrayList<>();
        if (!unlisted.isEmpty()) {
            out.add("Could not be listed (their backups were not checked):");
            unlisted.forEach(b -> out.add("* " + b.location() + ": " + b.failure().orElseThrow()));
        }
        section(out, "Not backed up in over " + days(report.maxAgeDays()) + ":", report.attention(), report);
        section(out, "Backed up within " + days(report.maxAgeDays()) + ":", report.recent(), report);
        if (report.folders().isEmpty()) {
            out.add("");
            out.add("There are no backups in the others.");
        }
        return out;
    }

    /** The mail sent when any folder is stale or was never backed up. */
    public Mail staleMail(MonitorReport report) {
        return new Mail("Missing recent backups: " + report.target(), "Some backups in " + report.target()
                + " are missing or older than " + days(report.maxAgeDays())
                + (report.unlisted().isEmpty() ? "" : ", or could not be listed") + ". Please check them.\n\n"
                + text(lines(report)));
    }

    /** The mail of --test-email: the newest backup of every folder, or that there are none. */
    public Mail testMail(MonitorReport report) {
        String intro = report.folders().isEmpty() ? ""
                : "The newest backup of every folder in " + report.target() + ":\n\n";
        return new Mail("Backup monitor results: " + report.target(), intro + text(lines(report)));
    }

    /** One log line: how many folders stand how, and how many buckets could not be listed (when any). */
    public String summary(MonitorReport report) {
        int unlisted = report.unlisted().size();
        return String.format("Checked %s: %d folder(s) backed up within %s, %d stale, %d never backed up%s",
                report.target(), report.count(FolderState.Status.RECENT), days(report.maxAgeDays()),
                report.count(FolderState.Status.STALE), report.count(FolderState.Status.NEVER_BACKED_UP),
                unlisted == 0 ? "" : ", " + unlisted + " of " + report.buckets().size() + " bucket(s) not listed");
    }

    /** {@code * 2026-11-20 02:00 UTC (6 days ago): my-host-backup/etc} or {@code * never backed up: ...}. */
    static String line(FolderState folder, Instant now) {
        return "* " + folder.newest().map(end -> WHEN.format(end) + " (" + age(Duration.between(end, now)) + ")")
                .orElse("never backed up") + ": " + folder.location();
    }

    /** {@code 6 days ago}, {@code 1 day ago}, {@code 5 hours ago}, {@code 12 minutes ago}. */
    public static String age(Duration age) {
        if (age.isNegative()) {
            return "in the future";
        }
        if (age.toDays() > 0) {
            return days(age.toDays()) + " ago";
        }
        if (age.toHours() > 0) {
            return plural(age.toHours(), "hour") + " ago";
        }
        return plural(age.toMinutes(), "minute") + " ago";
    }

    private static void section(List<String> out, String heading, List<FolderState> folders, MonitorReport report) {
        if (folders.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.add("");
        }
        out.add(heading);
        folders.forEach(f -> out.add(line(f, report.checkedAt())));
    }

    private static String days(long n) {
        return plural(n, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
