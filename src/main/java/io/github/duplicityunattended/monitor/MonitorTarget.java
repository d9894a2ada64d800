package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.config.BucketUrl;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.config.MonitorConfig;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One thing the monitor lists, and which of its folders must hold backups. An S3 bucket (each of
 * {@code monitor.bucket}, by default the bucket of {@code bucket_url}), all of it or the keys under a prefix; or,
 * for a {@code file://} bucket_url, that directory, listed with the same rules. A configured dir's folder is where
 * duplicity puts it: bucket_url + source; it is expected in the bucket of bucket_url when it lies under the prefix.
 *
 * @param kind              how to list
 * @param name              the bucket, or the directory's path
 * @param prefix            the key prefix listed, without slashes at either end; "" for the whole bucket
 * @param configuredFolders the folders (whole key prefixes) that must hold backups: the configured dirs', then
 *                          those the config names
 */
public record MonitorTarget(Kind kind, String name, String prefix, List<String> configuredFolders) {

    /** How the target is listed. */
    public enum Kind { S3, DIRECTORY, NONE }

    public MonitorTarget {
        configuredFolders = List.copyOf(configuredFolders);
    }

    /** A whole bucket or directory. */
    public MonitorTarget(Kind kind, String name, List<String> configuredFolders) {
        this(kind, name, "", configuredFolders);
    }

    /** Every target of the config, in config order; at least one. */
    public static List<MonitorTarget> all(Config config) {
        List<MonitorConfig.Bucket> buckets = config.monitor().buckets();
        if (!buckets.isEmpty()) {
            return buckets.stream().map(b -> bucket(config, b)).toList();
        }
        String url = config.bucketUrl();
        if (BucketUrl.schemeOf(url).filter("file"::equals).isPresent()) {
            Path root = directoryOf(url);
            return List.of(new MonitorTarget(Kind.DIRECTORY, root.toString(), config.backupDirs().stream()
                    .map(d -> root.relativize(directoryOf(url + d.source())).toString()).toList()));
        }
        return List.of(new MonitorTarget(Kind.NONE, url, List.of()));
    }

    /**
     * The first target of the config: the only one unless {@code monitor.bucket} lists several, which are all S3
     * buckets. Whether it can be listed ({@link #whyNotListed()}) is whether the monitor has anything to list.
     */
    public static MonitorTarget of(Config config) {
        return all(config).get(0);
    }

    private static MonitorTarget bucket(Config config, MonitorConfig.Bucket bucket) {
        Set<String> folders = new LinkedHashSet<>();
        if (config.bucketName().equals(Optional.of(bucket.name()))) {
            config.backupDirs().stream().map(d -> folderOf(config.bucketUrl() + d.source()))
                    .filter(f -> bucket.prefix().isEmpty() || f.equals(bucket.prefix())
                            || f.startsWith(bucket.prefix() + "/"))
                    .forEach(folders::add);
        }
        bucket.folders().forEach(f -> folders.add(bucket.prefix().isEmpty() ? f : bucket.prefix() + "/" + f));
        return new MonitorTarget(Kind.S3, bucket.name(), bucket.prefix(), List.copyOf(folders));
    }

    /** The key prefix duplicity writes a target's files under: empty path segments dropped, as duplicity does. */
    public static String folderOf(String s3Url) {
        return BucketUrl.prefixOf(s3Url).replaceAll("/{2,}", "/");
    }

    /** The directory a {@code file://} URL names. */
    public static Path directoryOf(String fileUrl) {
        return Path.of(BucketUrl.pathOf(fileUrl)).toAbsolutePath().normalize();
    }

    /**
     * Why this target cannot be listed, in one line, or empty when it can. The monitor lists S3 buckets and
     * {@code file://} dirs; a {@code gs://} URL (cloud gcp) or any other is backed up but not monitored.
     */
    public Optional<String> whyNotListed() {
        if (kind != Kind.NONE) {
            return Optional.empty();
        }
        return Optional.of(BucketUrl.isGcs(name)
                ? "the monitor lists S3 buckets and file:// dirs only, not Google Cloud Storage (" + name
                        + "): these backups are not checked"
                : "the monitor has nothing to list: bucket_url " + name
                        + " is neither an S3 nor a file:// URL; set monitor.bucket");
    }

    /** How a folder is named in reports: {@code my-host-backup/etc}. */
    public String location(String folder) {
        return folder.isEmpty() ? name : name + "/" + folder;
    }

    /** How the target is named in reports: {@code my-host-backup}, or {@code shared-backups/host1} with a prefix. */
    public String reportedAs() {
        return location(prefix);
    }

    /** The prefix of the keys to list: {@code host1/} for the prefix {@code host1}, "" for the whole bucket. */
    public String keyPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }
}
