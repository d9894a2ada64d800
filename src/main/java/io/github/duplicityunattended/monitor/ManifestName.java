package io.github.duplicityunattended.monitor;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Recognises duplicity manifests by name. A manifest ends in {@code .<YYYYMMDD>T<HHMMSS>Z.manifest.gpg}; that
 * timestamp is the end time of its backup set: {@code duplicity-full.20240101T020000Z.manifest.gpg} (a full
 * backup) or {@code duplicity-inc.20240101T020000Z.to.20240102T020000Z.manifest.gpg} (an incremental one).
 * A check reads every key of a bucket through here, most of them volumes: the name's end is compared and the
 * timestamp's digits read in place, with no pattern and no formatter.
 */
public final class ManifestName {

    private static final String SUFFIX = "Z.manifest.gpg";
    /** ".YYYYMMDDTHHMMSS" before the suffix. */
    private static final int STAMP = 16;

    private ManifestName() {
    }

    /**
     * The end time of the backup set when {@code baseName} is a manifest's name, else empty. A whole key gives the
     * same answer as its base name: what is read holds no '/'.
     */
    public static Optional<Instant> endTime(String baseName) {
        int end = baseName.length() - SUFFIX.length();
        int start = end - STAMP;
        if (start < 0 || !baseName.endsWith(SUFFIX) || baseName.charAt(start) != '.'
                || baseName.charAt(start + 9) != 'T') {
            return Optional.empty();
        }
        int date = digits(baseName, start + 1, 8);
        int time = digits(baseName, start + 10, 6);
        if (date < 0 || time < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(date / 10000, date / 100 % 100, date % 100, time / 10000,
                    time / 100 % 100, time % 100).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The number the {@code count} ASCII digits at {@code from} spell, or -1 when any is no digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
