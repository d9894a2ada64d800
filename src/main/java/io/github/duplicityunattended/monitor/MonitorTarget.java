package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.config.BucketUrl;
import io.github.duplicityunattended.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the monitor lists, and which of its folders the config backs up. An S3 bucket ({@code monitor.bucket},
 * by default the bucket of {@code bucket_url}), or, for a {@code file://} bucket_url, that directory, listed
 * with the same rules. A configured dir's folder is where duplicity puts it: bucket_url + source.
 *
 * @param kind              how to list
 * @param name              the bucket, or the directory's path; it names the target in reports
 * @param configuredFolders the folders of the configured backup dirs, in config order
 */
public record MonitorTarget(Kind kind, String name, List<String> configuredFolders) {

    /** How the target is listed. */
    public enum Kind { S3, DIRECTORY, NONE }

    public MonitorTarget {
        configuredFolders = List.copyOf(configuredFolders);
    }

    public static MonitorTarget of(Config config) {
        String bucket = config.monitor().bucket();
        String url = config.bucketUrl();
        if (!bucket.isEmpty()) {
            boolean backsUpHere = config.bucketName().equals(Optional.of(bucket));
            return new MonitorTarget(Kind.S3, bucket, backsUpHere
                    ? config.backupDirs().stream().map(d -> folderOf(url + d.source())).toList()
                    : List.of());
        }
        if (BucketUrl.schemeOf(url).filter("file"::equals).isPresent()) {
            Path root = directoryOf(url);
            return new MonitorTarget(Kind.DIRECTORY, root.toString(), config.backupDirs().stream()
                    .map(d -> root.relativize(directoryOf(url + d.source())).toString()).toList());
        }
        return new MonitorTarget(Kind.NONE, url, List.of());
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
}
