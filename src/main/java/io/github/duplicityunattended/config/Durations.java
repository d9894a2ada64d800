package io.github.duplicityunattended.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations of the config: {@code 90s}, {@code 45m}, {@code 6h}, {@code 1d}, {@code 1h30m}.
 * {@code s}, {@code h} and {@code d} may be upper case; minutes are only {@code m}, because in
 * duplicity's {@code full_if_older_than} an upper-case {@code M} means months.
 */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("^(\\d+[smhdSHD])+$");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

    private Durations() {
    }

    /** The duration, or empty for text that is not one or is too long to count in milliseconds. */
    public static Optional<Duration> parse(String text) {
        String t = text.strip();
        if (!WHOLE.matcher(t).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t.toLowerCase(Locale.ROOT));
        try {
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
            total.toMillis();
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    /** A short human form: {@code 1h 02m}, {@code 3m 05s}, {@code 12.3s}. */
    public static String human(Duration d) {
        long s = d.getSeconds();
        if (s >= 3600) {
            return String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
