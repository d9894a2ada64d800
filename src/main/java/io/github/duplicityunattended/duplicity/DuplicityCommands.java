package io.github.duplicityunattended.duplicity;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Cloud;
import io.github.duplicityunattended.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds duplicity's arguments (everything after the executable) as a list, never a shell string.
 * The backup command is the original's, option for option, adapted to the installed duplicity.
 */
public final class DuplicityCommands {

    private final Config config;
    private final Supplier<DuplicityVersion> versionOnce;
    private final boolean dryRun;

    public DuplicityCommands(Config config, DuplicityVersion version, boolean dryRun) {
        this(config, () -> version, dryRun);
    }

    /** With the version known later (asked of duplicity while Camel starts), before the first command. */
    public DuplicityCommands(Config config, Supplier<DuplicityVersion> version, boolean dryRun) {
        this.config = config;
        this.versionOnce = version;
        this.dryRun = dryRun;
    }

    public DuplicityTarget targetOf(BackupDir dir) {
        return DuplicityTarget.of(config.bucketUrl(), dir.source(), versionOnce.get());
    }

    /** The dir's own cache in duplicity's archive dir: signatures and manifests of its target. */
    public java.nio.file.Path cacheOf(BackupDir dir) {
        return config.archiveDir().resolve(targetOf(dir).cacheName());
    }

    /** {@code --full-if-older-than T --encrypt-sign-key K <s3 options> [--dry-run] --include.. --exclude.. SRC URL}. */
    public List<String> backup(BackupDir dir) {
        DuplicityVersion version = versionOnce.get();
        DuplicityTarget target = targetOf(dir);
        List<String> args = new ArrayList<>();
        args.add("--full-if-older-than");
        args.add(config.fullIfOlderThan());
        args.add("--encrypt-sign-key");
        args.add(config.gpgKeyId());
        // the original ran cloud gcp (gs://) without the S3 options; a file:// target has no use for them either
        if (config.cloud() == Cloud.AWS && target.isS3()) {
            if (!target.usesBoto3(version)) {
                args.add("--s3-use-new-style");
            }
            args.addAll(version.storageClassOptions());
            if (!target.usesBoto3(version)) {
                args.add("--s3-use-multiprocessing");
            }
        }
        if (dryRun) {
            args.add("--dry-run");
        }
        args.addAll(common(target));
        args.addAll(config.duplicityOptions());
        for (String include : dir.includes()) {
            args.add("--include");
            args.add(include);
        }
        for (String exclude : dir.excludes()) {
            args.add("--exclude");
            args.add(exclude);
        }
        args.add(dir.source());
        args.add(target.effective());
        return List.copyOf(args);
    }

    /** {@code remove-all-but-n-full N [--force] URL}; without {@code --force} duplicity only lists. */
    public List<String> purge(BackupDir dir, int keepFull) {
        DuplicityTarget target = targetOf(dir);
        List<String> args = new ArrayList<>();
        args.add("remove-all-but-n-full");
        args.add(String.valueOf(keepFull));
        if (!dryRun) {
            args.add("--force");
        }
        args.addAll(common(target));
        args.add(target.effective());
        return List.copyOf(args);
    }

    /**
     * The options every command on a dir's target takes: its cache ({@code --archive-dir}, {@code --name}) and the
     * S3 endpoint; for the commands of other flows, such as a restore.
     */
    public List<String> targetOptions(BackupDir dir) {
        return common(targetOf(dir));
    }

    private List<String> common(DuplicityTarget target) {
        DuplicityVersion version = versionOnce.get();
        List<String> args = new ArrayList<>();
        args.add("--archive-dir");
        args.add(config.archiveDir().toString());
        target.cacheNameToKeep().ifPresent(name -> {
            args.add("--name");
            args.add(name);
        });
        if (target.usesBoto3(version)) {
            config.s3EndpointUrl().ifPresent(url -> {
                args.add("--s3-endpoint-url");
                args.add(url.toString());
            });
        }
        return args;
    }
}
