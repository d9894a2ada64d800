package io.github.duplicityunattended.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as the config writes them: {@code 200MB}, {@code 1GB}, {@code 512KiB}, {@code 4096} (bytes). KB, MB, GB
 * and TB count in 1024s, as duplicity's {@code --volsize} does; KiB, MiB, GiB and TiB are the same.
 */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("^(\\d+)\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)?$");
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {
    }

    /** The number of bytes, or empty for text that is not a size or does not fit a long. */
    public static Optional<Long> parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String unit = m.group(2) == null ? "B" : m.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        try {
            long n = Long.parseLong(m.group(1));
            if (n > Long.MAX_VALUE >> shift) {
                return Optional.empty();
            }
            return Optional.of(n << shift);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A short human form: {@code 6 B}, {@code 12.0 KiB}, {@code 1.5 GiB}. */
    public static String human(long n) {
        if (Math.abs(n) < 1024) {
            return n + " B";
        }
        double v = n;
        int u = -1;
        while (Math.abs(v) >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
    }
}
