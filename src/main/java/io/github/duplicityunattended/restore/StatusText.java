package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.ByteSizes;
import io.github.duplicityunattended.monitor.ReportText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Words {@code --status} for people: a heading, then a block per dir. */
public final class StatusText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatusText() {
    }

    public static List<String> lines(StatusReport report) {
        List<String> out = new ArrayList<>();
        out.add("Backups in " + report.store() + ", listed " + WHEN.format(report.checkedAt()) + " (stale after "
                + report.maxAgeDays() + " day" + (report.maxAgeDays() == 1 ? "" : "s") + ")"
                + report.duplicity().map(v -> ", targets as duplicity " + v + " is given them").orElse("") + ":");
        for (DirStatus dir : report.dirs()) {
            out.add("");
            out.add(dir.source() + ": " + dir.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            out.add("  target            " + dir.target());
            out.add("  last full         " + when(dir.lastFull(), report.checkedAt()));
            out.add("  last incremental  " + when(dir.lastIncremental(), report.checkedAt()));
            out.add("  stored            " + dir.chains() + " chain(s), " + dir.backupSets() + " backup set(s), "
                    + ByteSizes.human(dir.bytes()));
            out.add("  cache             " + dir.cache());
        }
        return out;
    }

    private static String when(Optional<Instant> time, Instant now) {
        return time.map(t -> WHEN.format(t) + " (" + ReportText.age(Duration.between(t, now)) + ")").orElse("none");
    }
}
