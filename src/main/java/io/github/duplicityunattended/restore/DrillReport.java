package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.ByteSizes;
import io.github.duplicityunattended.config.Durations;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a restore drill ended, worded once: a headline with what was downloaded and its estimated cost, one line per
 * dir, the files that differ or could not be restored.
 *
 * @param dirs   each dir's result, in config order
 * @param budget the drill's download budget in bytes
 * @param took   how long the drill took
 */
public record DrillReport(List<DirDrill> dirs, long budget, Duration took) {

    /** Standard-IA's retrieval price, US dollars per GB read. */
    static final double PRICE_PER_GB = 0.01;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public DrillReport {
        dirs = List.copyOf(dirs);
    }

    /** True when any file differs, any restore failed, or a dir could not be drilled. */
    public boolean isFailed() {
        return dirs.stream().anyMatch(DirDrill::failed);
    }

    public long downloaded() {
        return dirs.stream().mapToLong(DirDrill::downloaded).sum();
    }

    /** The estimated retrieval cost of {@code bytes} at the Standard-IA price. */
    static String cost(long bytes) {
        return String.format(Locale.ROOT, "$%.4f", bytes / (double) (1L << 30) * PRICE_PER_GB);
    }

    /** One line of the report, and whether it tells of a failure (logged as an error). */
    public record Line(boolean failed, String text) {
    }

    /** The headline, a line per dir, and the failed dirs. */
    public List<String> lines() {
        return summary().stream().map(Line::text).toList();
    }

    /** The lines, each marked when it tells of a failure. */
    public List<Line> summary() {
        List<DirDrill> failed = dirs.stream().filter(DirDrill::failed).toList();
        List<Line> out = new ArrayList<>();
        out.add(new Line(!failed.isEmpty(), String.format("Restore drill %s: %d of %d dirs ok, %s downloaded of a %s budget (est. %s at $%.2f/GB"
                        + " read), took %s", failed.isEmpty() ? "passed" : "FAILED", dirs.size() - failed.size(),
                dirs.size(), ByteSizes.human(downloaded()), ByteSizes.human(budget), cost(downloaded()), PRICE_PER_GB,
                Durations.human(took))));
        for (DirDrill dir : dirs) {
            out.add(new Line(dir.failed(), "[" + dir.source() + "] " + line(dir)));
        }
        if (!failed.isEmpty()) {
            out.add(new Line(true, "Failed dirs: " + String.join(", ", failed.stream().map(DirDrill::source).toList())));
        }
        return out;
    }

    static String line(DirDrill dir) {
        if (dir.problem().isPresent() && dir.compared() == 0 && dir.errors().isEmpty()) {
            return "FAILED: " + dir.problem().get();
        }
        StringBuilder line = new StringBuilder(dir.failed() ? "FAILED: " : "ok: ");
        line.append(dir.compared()).append(" compared, ").append(dir.identical()).append(" identical, ")
                .append(dir.different().size()).append(" different, ").append(dir.skipped())
                .append(" skipped (changed since the backup");
        dir.backupTime().ifPresent(t -> line.append(" of ").append(WHEN.format(t)));
        line.append("), ").append(ByteSizes.human(dir.downloaded())).append(" downloaded");
        dir.different().forEach(path -> line.append("; differs from the source: ").append(path));
        dir.errors().forEach(e -> line.append("; could not restore ").append(e.path()).append(": ").append(e.reason()));
        dir.problem().ifPresent(p -> line.append("; ").append(p));
        return line.toString();
    }
}
