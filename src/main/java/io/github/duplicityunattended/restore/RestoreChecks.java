package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a restore before anything is written: the dir is configured, the path lies inside it, duplicity takes the
 * time, the target is new or an empty dir (or {@code --force}), and the restore never writes into the source dir
 * unless the target is the restored dir's or path's own place and {@code --force} is given.
 */
public final class RestoreChecks {

    private final Config config;

    public RestoreChecks(Config config) {
        this.config = config;
    }

    /** A restore that is not done, with the reason for the user. */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The configured dir whose source is {@code name} (a trailing slash or the like does not matter). */
    public BackupDir dir(String name) throws Refused {
        Path wanted = Path.of(name).normalize();
        return config.backupDirs().stream().filter(d -> Path.of(d.source()).normalize().equals(wanted)).findFirst()
                .orElseThrow(() -> new Refused("no configured dir " + name + "; the configured dirs are "
                        + config.backupDirs().stream().map(BackupDir::source).collect(Collectors.joining(", "))));
    }

    public RestoreRequest check(String dirName, Optional<String> path, Optional<String> time, Path target,
                                boolean force) throws Refused {
        BackupDir dir = dir(dirName);
        Optional<String> relative = relative(dir, path);
        if (time.isPresent() && !DuplicityTime.parses(time.get())) {
            throw new Refused("--time '" + time.get() + "' is not a time duplicity takes: give an interval back from"
                    + " now such as 3D or 12h, a date such as 2026-11-01, or a time such as 2026-11-01T02:00:00Z");
        }
        Path to = target.toAbsolutePath().normalize();
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && !force) {
            if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                throw new Refused(to + " exists and is not a directory; restore to a new path, or add --force to"
                        + " overwrite it");
            }
            if (!isEmpty(to)) {
                throw new Refused(to + " is not empty; restore into a new or empty dir, or add --force to write"
                        + " into it");
            }
        }
        Path source = real(Path.of(dir.source()));
        Path place = relative.map(source::resolve).orElse(source);
        Path realTarget = real(to);
        if (realTarget.startsWith(source) && !(force && realTarget.equals(place))) {
            throw new Refused(to + " is inside the source dir " + dir.source() + ": a restore writes there only"
                    + " back to the restored " + (relative.isPresent() ? "path's" : "dir's") + " own place ("
                    + place + "), with --force");
        }
        return new RestoreRequest(dir, relative, time, to, force);
    }

    /** The path relative to the dir: given so, or absolute inside it; empty for the dir itself. */
    private static Optional<String> relative(BackupDir dir, Optional<String> path) throws Refused {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Path p = Path.of(path.get());
        Path source = Path.of(dir.source()).normalize();
        if (p.isAbsolute()) {
            if (!p.normalize().startsWith(source)) {
                throw new Refused("--path " + path.get() + " is not inside " + dir.source());
            }
            p = source.relativize(p.normalize());
        }
        Path normal = p.normalize();
        if (normal.startsWith("..")) {
            throw new Refused("--path " + path.get() + " is not inside " + dir.source());
        }
        String text = normal.toString();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static boolean isEmpty(Path dir) throws Refused {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new Refused(dir + " cannot be read: " + e.getMessage());
        }
    }

    /** The path with every symbolic link of its existing part resolved, so a link cannot hide the source. */
    static Path real(Path path) {
        Path existing = path;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return path;
        }
    }
}
