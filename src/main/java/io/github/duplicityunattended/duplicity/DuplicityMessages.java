package io.github.duplicityunattended.duplicity;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads duplicity's output for what a run needs to know beyond the exit value: the line that says why it
 * failed (not whatever came last), the files it could not read, and whether its local cache is damaged.
 */
public final class DuplicityMessages {

    /** Lines that follow the cause and would hide it: clean-up notes, traceback frames, duplicity's chatter. */
    private static final Pattern NOISE = Pattern.compile(
            "^(Could not release lockfile|Reuse configured PASSPHRASE|Traceback \\(most recent call last\\)"
                    + "|File \".*\", line \\d+|\\^+$|=====|Local and Remote metadata|Last full backup date"
                    + "|No signatures found|Synchronizing remote metadata|Copying |Deleting local )");
    /** Lines that say what went wrong, as duplicity, Python or gpg word it. */
    private static final Pattern CAUSE = Pattern.compile(
            "^(Another duplicity instance is already running.*"
                    + "|Backup source directory .* does not exist.*"
                    + "|Invalid data - .* hash mismatch.*"
                    + "|.* not found in archive.*"
                    + "|Giving up after \\d+ attempts.*"
                    + "|([A-Za-z_][\\w]*\\.)*[A-Z]\\w*(Error|Exception|File|Failure)\\b:? .*"
                    + "|gpg: .*(failed|No public key|No secret key|unusable|not found|error).*"
                    + "|.*(Permission denied|No space left on device|Read-only file system|not permitted).*"
                    + "|stopped after the timeout of .*"
                    + "|could not run duplicity: .*)$");
    private static final Pattern UNREADABLE = Pattern.compile("^Error accessing possibly locked file (.+)$");
    private static final Pattern DAMAGED_CACHE = Pattern.compile(
            "^(gzip\\.BadGzipFile|zlib\\.error|EOFError|tarfile\\.\\w+Error|struct\\.error"
                    + "|UnicodeDecodeError|duplicity\\.dup_collections\\.CollectionsError"
                    + "|.*ManifestError|.*Bad manifest)\\b.*");

    private DuplicityMessages() {
    }

    /**
     * Why a command failed, in one line: the last line that names a cause, skipping what duplicity prints
     * while it cleans up; else the last line that is not noise; "no output" when there is nothing.
     */
    public static String reason(List<String> lines) {
        String fallback = null;
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || NOISE.matcher(line).find()) {
                continue;
            }
            if (CAUSE.matcher(line).matches()) {
                return line;
            }
            if (fallback == null) {
                fallback = line;
            }
        }
        return fallback == null ? "no output" : fallback;
    }

    /** Whether a line tells of a file duplicity could not read. */
    public static boolean isUnreadableFile(String line) {
        return UNREADABLE.matcher(line.strip()).matches();
    }

    /** The path of a file duplicity could not read, when the line tells of one. */
    public static Optional<String> unreadableFile(String line) {
        Matcher m = UNREADABLE.matcher(line.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the output says duplicity's local cache (signatures, manifests) cannot be read. */
    public static boolean cacheDamaged(List<String> lines) {
        return lines.stream().map(String::strip).anyMatch(l -> DAMAGED_CACHE.matcher(l).matches());
    }
}
