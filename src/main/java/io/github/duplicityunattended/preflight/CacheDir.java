package io.github.duplicityunattended.preflight;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether duplicity's archive dir can be written: it, or the nearest dir above it that exists. */
public final class CacheDir {

    private CacheDir() {
    }

    /** A problem sentence, or empty when the dir (or the place it would be made in) is writable. */
    public static Optional<String> problem(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isDirectory(existing) && Files.isWritable(existing)) {
            return Optional.empty();
        }
        return Optional.of("archive_dir: " + dir + " is not writable by this user");
    }
}
