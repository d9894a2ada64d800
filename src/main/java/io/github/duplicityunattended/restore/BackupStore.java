package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.BucketUrl;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.monitor.AwsClients;
import io.github.duplicityunattended.monitor.BucketLister;
import io.github.duplicityunattended.monitor.DirectoryLister;
import io.github.duplicityunattended.monitor.MonitorTarget;
import io.github.duplicityunattended.monitor.S3BucketLister;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the configured dirs' backups are stored, and one listing of them: the bucket of {@code bucket_url}
 * (only the keys below its prefix) or its {@code file://} dir. Each dir's files are in its folder, bucket_url +
 * source, as duplicity names it. The listing gives names and sizes; nothing is read or downloaded.
 */
public final class BackupStore {

    private final Config config;
    private final MonitorTarget.Kind kind;
    private final String prefix;
    private final Map<String, String> folders = new LinkedHashMap<>();

    private BackupStore(Config config, MonitorTarget.Kind kind, String prefix) {
        this.config = config;
        this.kind = kind;
        this.prefix = prefix;
    }

    public static BackupStore of(Config config) {
        String url = config.bucketUrl();
        BackupStore store;
        if (config.bucketName().isPresent()) {
            store = new BackupStore(config, MonitorTarget.Kind.S3, MonitorTarget.folderOf(url));
            config.backupDirs().forEach(d -> store.folders.put(d.source(), MonitorTarget.folderOf(url + d.source())));
        } else if (BucketUrl.schemeOf(url).filter("file"::equals).isPresent()) {
            Path root = MonitorTarget.directoryOf(url);
            store = new BackupStore(config, MonitorTarget.Kind.DIRECTORY, "");
            config.backupDirs().forEach(d -> store.folders.put(d.source(),
                    root.relativize(MonitorTarget.directoryOf(url + d.source())).toString()));
        } else {
            store = new BackupStore(config, MonitorTarget.Kind.NONE, "");
        }
        return store;
    }

    /** The bucket, or the file:// dir, as reports name it. */
    public String name() {
        return switch (kind) {
            case S3 -> config.bucketName().orElseThrow() + (prefix.isEmpty() ? "" : "/" + prefix);
            case DIRECTORY -> MonitorTarget.directoryOf(config.bucketUrl()).toString();
            case NONE -> config.bucketUrl();
        };
    }

    /** Why the store cannot be listed, in one line, or empty when it can. */
    public Optional<String> whyNotListed() {
        if (kind != MonitorTarget.Kind.NONE) {
            return Optional.empty();
        }
        String url = config.bucketUrl();
        return Optional.of(BucketUrl.isGcs(url)
                ? "only S3 buckets and file:// dirs are listed, not Google Cloud Storage (" + url + ")"
                : "bucket_url " + url + " is neither an S3 nor a file:// URL: it cannot be listed");
    }

    /** The listing: ListObjectsV2 below bucket_url's prefix, or a walk of the file:// dir. */
    public BucketLister lister() {
        return switch (kind) {
            case S3 -> new S3BucketLister(() -> AwsClients.s3(config), config.bucketName().orElseThrow(), prefix);
            case DIRECTORY -> new DirectoryLister(MonitorTarget.directoryOf(config.bucketUrl()));
            case NONE -> objects -> {
                throw new IOException(whyNotListed().orElseThrow());
            };
        };
    }

    /** Lists once; every configured dir's stored files (base name to size), by source, in config order. */
    public Map<String, Map<String, Long>> list(BucketLister lister) throws IOException {
        Map<String, Map<String, Long>> byFolder = new HashMap<>();
        folders.values().forEach(f -> byFolder.put(f, new HashMap<>()));
        lister.listObjects(object -> {
            if (object.key().endsWith("/")) {
                return; // a folder marker, as consoles and some stores make them
            }
            int slash = object.key().lastIndexOf('/');
            Map<String, Long> files = byFolder.get(slash < 0 ? "" : object.key().substring(0, slash));
            if (files != null) {
                files.put(object.key().substring(slash + 1), object.size());
            }
        });
        Map<String, Map<String, Long>> bySource = new LinkedHashMap<>();
        folders.forEach((source, folder) -> bySource.put(source, Map.copyOf(byFolder.get(folder))));
        return bySource;
    }

    /** Lists once with a lister of its own, closed afterwards (the S3 client and its connections). */
    public Map<String, Map<String, Long>> list() throws IOException {
        BucketLister lister = lister();
        try {
            return list(lister);
        } finally {
            if (lister instanceof S3BucketLister s3) {
                s3.close();
            }
        }
    }

    /** The stored files of one dir, from a listing made by {@link #list}. */
    public static Map<String, Long> of(Map<String, Map<String, Long>> listing, BackupDir dir) {
        return listing.getOrDefault(dir.source(), Map.of());
    }
}
