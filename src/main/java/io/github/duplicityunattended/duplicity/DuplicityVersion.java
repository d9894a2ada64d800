package io.github.duplicityunattended.duplicity;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed duplicity's version, as printed by {@code duplicity --version}, and what follows from it
 * for the options duplicity takes. Checked against Debian's 0.8.22 (Debian 12), 2.1.4 (bookworm-backports)
 * and 3.0.4 (Debian 13): {@code --archive-dir}, {@code --name}, {@code --s3-endpoint-url},
 * {@code --full-if-older-than}, {@code --encrypt-sign-key} and {@code remove-all-but-n-full N --force}
 * are the same in all three.
 */
public record DuplicityVersion(int major, int minor, int patch) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Reads {@code duplicity 0.8.22}, {@code duplicity 3.0.4 February 08, 2025} (also a bare version). */
    public static Optional<DuplicityVersion> parse(String output) {
        Matcher m = VERSION.matcher(output == null ? "" : output);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new DuplicityVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    /** Duplicity 2 dropped boto2: {@code s3://} is the boto3 backend and boto2-only flags are errors. */
    public boolean hasBoto3AsS3Scheme() {
        return major >= 2;
    }

    /**
     * The options that store new volumes in S3 Standard-IA, as the original's {@code --s3-use-ia} did. Every
     * version up to 3.0.4 still takes {@code --s3-use-ia}; none has a {@code --s3-storage-class} option.
     */
    public List<String> storageClassOptions() {
        return List.of("--s3-use-ia");
    }

    /**
     * The option of {@code duplicity restore} that restores one path of a backup: {@code --file-to-restore}
     * on 0.8; duplicity 2 renamed it {@code --path-to-restore} and refuses the old name.
     */
    public String restoreOption() {
        return major >= 2 ? "--path-to-restore" : "--file-to-restore";
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
