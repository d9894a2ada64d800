package io.github.duplicityunattended.duplicity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The installed duplicity's version, as printed by {@code duplicity --version}. */
public record DuplicityVersion(int major, int minor, int patch) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Reads {@code duplicity 0.8.22} or {@code duplicity 2.1.4} (also a bare version). */
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
