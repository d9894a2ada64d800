package io.github.duplicityunattended.restore;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The newest backup chain of a target as duplicity's cache holds it: its full set and the incremental sets that
 * follow it, each one starting where the one before ended, with their manifests. Reading the cache costs nothing.
 *
 * @param cache the target's cache dir
 * @param sets  the sets, full first, oldest to newest
 */
public record BackupChain(Path cache, List<BackupFileName> sets) {

    public BackupChain {
        sets = List.copyOf(sets);
    }

    /** The newest chain whose manifests the cache holds, or empty when it holds none. */
    public static Optional<BackupChain> newest(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        List<BackupFileName> manifests;
        try (Stream<Path> files = Files.list(cache)) {
            manifests = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".manifest"))
                    .map(BackupFileName::parse).flatMap(Optional::stream).toList();
        }
        Optional<BackupFileName> full = manifests.stream().filter(BackupFileName::full)
                .max(Comparator.comparing(BackupFileName::time));
        if (full.isEmpty()) {
            return Optional.empty();
        }
        Map<Instant, BackupFileName> byStart = new TreeMap<>();
        manifests.stream().filter(m -> !m.full()).forEach(m -> byStart.put(m.start().orElseThrow(), m));
        List<BackupFileName> sets = new ArrayList<>(List.of(full.get()));
        for (BackupFileName next = byStart.get(full.get().time()); next != null; next = byStart.get(next.time())) {
            sets.add(next);
        }
        return Optional.of(new BackupChain(cache, sets));
    }

    /** When the newest set of the chain was made: the time of the backup a restore gets now. */
    public Instant time() {
        return sets.get(sets.size() - 1).time();
    }

    /** Reads one set's manifest from the cache, giving its file list entries to {@code files}. */
    public Manifest manifest(BackupFileName set, BiConsumer<String, byte[]> files) throws IOException {
        try (Reader text = Files.newBufferedReader(cache.resolve(set.set() + ".manifest"),
                StandardCharsets.ISO_8859_1)) {
            return Manifest.read(text, files);
        }
    }
}
