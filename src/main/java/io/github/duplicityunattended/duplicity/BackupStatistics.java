package io.github.duplicityunattended.duplicity;

import io.github.duplicityunattended.config.ByteSizes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of duplicity's {@code [ Backup Statistics ]} block.
 *
 * @param sourceFiles  files examined
 * @param changedFiles new, changed and deleted files
 * @param bytesChanged raw size of the changes (RawDeltaSize)
 * @param bytesStored  growth of the backup at the destination (TotalDestinationSizeChange)
 * @param errors       files duplicity could not read
 */
public record BackupStatistics(long sourceFiles, long changedFiles, long bytesChanged, long bytesStored, long errors) {

    private static final Pattern LINE = Pattern.compile("^(\\w+) (-?\\d+(?:\\.\\d+)?)");

    /** Parses the last statistics block in the output, if there is one. */
    public static Optional<BackupStatistics> parse(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("[ Backup Statistics ]")) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        Map<String, Long> v = new HashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            Matcher m = LINE.matcher(line.strip());
            if (m.find()) {
                v.put(m.group(1), (long) Double.parseDouble(m.group(2)));
            }
        }
        return Optional.of(new BackupStatistics(v.getOrDefault("SourceFiles", 0L),
                v.getOrDefault("NewFiles", 0L) + v.getOrDefault("ChangedFiles", 0L)
                        + v.getOrDefault("DeletedFiles", 0L),
                v.getOrDefault("RawDeltaSize", 0L), v.getOrDefault("TotalDestinationSizeChange", 0L),
                v.getOrDefault("Errors", 0L)));
    }

    @Override
    public String toString() {
        return String.format("files %d, changed %d, bytes changed %s, stored %s, errors %d",
                sourceFiles, changedFiles, bytes(bytesChanged), bytes(bytesStored), errors);
    }

    static String bytes(long n) {
        return ByteSizes.human(n);
    }
}
