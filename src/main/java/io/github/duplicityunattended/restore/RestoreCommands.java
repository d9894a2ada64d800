package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Cloud;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.duplicity.DuplicityTarget;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds duplicity's arguments for reading a dir's backups back, as lists: on the target and with the cache
 * ({@code --archive-dir}, {@code --name}) and endpoint the backups use, so duplicity finds its signatures and
 * manifests in the cache and downloads only the volumes it needs.
 */
public final class RestoreCommands {

    private final Config config;
    private final Supplier<DuplicityVersion> version;
    private final DuplicityCommands backups;

    public RestoreCommands(Config config, Supplier<DuplicityVersion> version) {
        this.config = config;
        this.version = version;
        this.backups = new DuplicityCommands(config, version, false);
    }

    public DuplicityTarget targetOf(BackupDir dir) {
        return backups.targetOf(dir);
    }

    /**
     * {@code restore [--file-to-restore P | --path-to-restore P] [--time T] [--force] <cache, endpoint> URL TARGET}.
     */
    public List<String> restore(BackupDir dir, Optional<String> path, Optional<String> time, Path target,
                                boolean force) {
        List<String> args = new ArrayList<>();
        args.add("restore");
        path.ifPresent(p -> {
            args.add(version.get().restoreOption());
            args.add(p);
        });
        time.ifPresent(t -> {
            args.add("--time");
            args.add(t);
        });
        if (force) {
            args.add("--force");
        }
        args.addAll(onTarget(dir));
        args.add(target.toString());
        return List.copyOf(args);
    }

    /** The cache and endpoint options, boto2's addressing where boto2 is still used, then the target URL. */
    private List<String> onTarget(BackupDir dir) {
        DuplicityTarget target = targetOf(dir);
        List<String> args = new ArrayList<>();
        if (config.cloud() == Cloud.AWS && target.isS3() && !target.usesBoto3(version.get())) {
            args.add("--s3-use-new-style");
        }
        args.addAll(backups.targetOptions(dir));
        args.add(target.effective());
        return args;
    }
}
