package io.github.duplicityunattended.restore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The size of each stored volume, which a restore downloads whole: as the listing gives it, or, where the store
 * cannot be listed (gs://, sftp://...), the volume size duplicity fills them to ({@code --volsize}, 200 MB unless
 * duplicity_options say otherwise).
 */
final class VolumeSizes {

    /** duplicity's volume size when {@code --volsize} is not given, in MB of 1024 × 1024 bytes. */
    static final long DEFAULT_VOLSIZE_MB = 200;

    private final Map<String, Long> listed;
    private final Optional<Long> bound;

    private VolumeSizes(Map<String, Long> listed, Optional<Long> bound) {
        this.listed = listed;
        this.bound = bound;
    }

    /** Sizes from a dir's listing (base name to size); a volume the listing lacks has nothing to download. */
    static VolumeSizes listed(Map<String, Long> files) {
        Map<String, Long> volumes = new HashMap<>();
        files.forEach((name, size) -> BackupFileName.parse(name).filter(n -> n.kind() == BackupFileName.Kind.VOLUME)
                .ifPresent(n -> volumes.put(n.set() + "#" + n.volume(), size)));
        return new VolumeSizes(volumes, Optional.empty());
    }

    /** Every volume counted at the volume size of the backups' duplicity options. */
    static VolumeSizes bound(List<String> duplicityOptions) {
        long mb = DEFAULT_VOLSIZE_MB;
        for (int i = 0; i < duplicityOptions.size(); i++) {
            String option = duplicityOptions.get(i);
            String value = option.startsWith("--volsize=") ? option.substring("--volsize=".length())
                    : option.equals("--volsize") && i + 1 < duplicityOptions.size() ? duplicityOptions.get(i + 1)
                    : null;
            if (value != null && value.strip().matches("\\d{1,7}")) {
                mb = Long.parseLong(value.strip());
            }
        }
        return new VolumeSizes(Map.of(), Optional.of(mb << 20));
    }

    /** True when the listing lacks the volume: a restore that needs it cannot download it. */
    boolean missing(BackupFileName set, int volume) {
        return bound.isEmpty() && !listed.containsKey(set.set() + "#" + volume);
    }

    long of(BackupFileName set, int volume) {
        return bound.orElseGet(() -> listed.getOrDefault(set.set() + "#" + volume, 0L));
    }
}
