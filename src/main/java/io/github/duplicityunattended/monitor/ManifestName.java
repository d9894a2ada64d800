package io.github.duplicityunattended.monitor;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises duplicity manifests by name. A manifest ends in {@code .<YYYYMMDD>T<HHMMSS>Z.manifest.gpg}; that
 * timestamp is the end time of its backup set: {@code duplicity-full.20240101T020000Z.manifest.gpg} (a full
 * backup) or {@code duplicity-inc.20240101T020000Z.to.20240102T020000Z.manifest.gpg} (an incremental one).
 */
public final class ManifestName {

    private static final Pattern MANIFEST = Pattern.compile("\\.(\\d{8}T\\d{6}Z)\\.manifest\\.gpg$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    private ManifestName() {
    }

    /** The end time of the backup set when {@code baseName} is a manifest's name, else empty. */
    public static Optional<Instant> endTime(String baseName) {
        Matcher m = MANIFEST.matcher(baseName);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
