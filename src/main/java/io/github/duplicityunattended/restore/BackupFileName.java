package io.github.duplicityunattended.restore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the name of a file duplicity stores says: which backup set it belongs to and what it is. A set is a full
 * backup ({@code duplicity-full.20261101T020000Z}) or an incremental one from the end of the previous set
 * ({@code duplicity-inc.20261101T020000Z.to.20261102T020000Z}); it is stored as volumes
 * ({@code .vol1.difftar.gpg}), a manifest ({@code .manifest.gpg}, in the cache {@code .manifest}) and signatures
 * ({@code duplicity-full-signatures.T.sigtar.gpg}, {@code duplicity-new-signatures.A.to.B.sigtar.gpg}).
 *
 * @param kind   what the file is
 * @param set    the set's name, {@code duplicity-full.T} or {@code duplicity-inc.A.to.B}, also for signatures
 * @param full   true for a full set
 * @param time   the set's time: T, or B of an incremental set
 * @param start  A of an incremental set: the time of the set it follows; empty for a full set
 * @param volume the volume's number; 0 for anything but a volume
 */
public record BackupFileName(Kind kind, String set, boolean full, Instant time, Optional<Instant> start, int volume) {

    /** What a stored file is. */
    public enum Kind { VOLUME, MANIFEST, SIGNATURES }

    private static final String STAMP = "(\\d{8}T\\d{6}Z)";
    private static final Pattern NAME = Pattern.compile("^duplicity-(full|inc|full-signatures|new-signatures)\\."
            + "(?:" + STAMP + "\\.to\\.)?" + STAMP + "\\.(vol(\\d+)\\.difftar|manifest|sigtar)(?:\\.gpg|\\.gz)?$");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    /** The meaning of a file's base name, or empty for any other file. */
    public static Optional<BackupFileName> parse(String baseName) {
        Matcher m = NAME.matcher(baseName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String what = m.group(1);
        boolean full = what.startsWith("full");
        boolean signatures = what.endsWith("signatures");
        String suffix = m.group(4);
        if (full == (m.group(2) != null) || signatures != suffix.equals("sigtar")) {
            return Optional.empty();
        }
        Kind kind = signatures ? Kind.SIGNATURES : suffix.equals("manifest") ? Kind.MANIFEST : Kind.VOLUME;
        try {
            String set = full ? "duplicity-full." + m.group(3) : "duplicity-inc." + m.group(2) + ".to." + m.group(3);
            return Optional.of(new BackupFileName(kind, set, full, instant(m.group(3)),
                    full ? Optional.empty() : Optional.of(instant(m.group(2))),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5))));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String stamp) {
        return LocalDateTime.parse(stamp, FORMAT).toInstant(ZoneOffset.UTC);
    }
}
