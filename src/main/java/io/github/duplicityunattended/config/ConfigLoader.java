package io.github.duplicityunattended.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads and validates a config file against {@link ConfigSchema}. It reports every problem at once,
 * each as {@code file: dotted.path: what is wrong}, and never quotes a secret. Relative paths are
 * resolved against the config file's directory; {@code ~} is the {@code HOME} of the environment.
 */
public final class ConfigLoader {

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Config load(Path file) throws ConfigException {
        String label = file.toString();
        Node root = YamlFile.read(file, label);
        return read(new NodeReader(label), root, file.toAbsolutePath().getParent(), file);
    }

    private Config read(NodeReader r, Node root, Path base, Path file) throws ConfigException {
        Set<String> accepted = new TreeSet<>(ConfigSchema.childrenOf(""));
        accepted.addAll(ConfigSchema.RENAMED.keySet());
        Map<String, Node> top = r.mapping("", root, accepted).orElse(null);
        if (top == null) {
            throw new ConfigException(r.problems());
        }
        Map<String, String> writtenAs = oldNames(r, top);
        Cloud cloud = CloudChecks.cloud(r, top.get("cloud"));
        String keyId = text(r, top, "gpg_key_id").orElse(null);
        if (keyId != null) {
            ValueChecks.keyId(r, keyId);
        }
        String urlKey = writtenAs.getOrDefault("bucket_url", "bucket_url");
        String bucketUrl = r.string(urlKey, top.get("bucket_url"), ConfigSchema.isRequired("bucket_url")).orElse(null);
        if (bucketUrl != null) {
            ValueChecks.bucketUrl(r, urlKey, bucketUrl);
            CloudChecks.bucketUrlFits(r, urlKey, bucketUrl, cloud, !NodeReader.isNull(top.get("cloud")));
        }
        String full = text(r, top, "full_if_older_than").orElse(null);
        if (full != null) {
            ValueChecks.duplicityTime(r, "full_if_older_than", full);
        }
        Optional<Integer> keep = r.integer("remove_all_but_n_full", top.get("remove_all_but_n_full"), 1);
        Optional<AwsCredentialsFile> credentials = credentials(r, top, base, cloud);
        List<BackupDir> dirs = new BackupDirsReader(r).read(top.get("backup_dirs"));
        String schedule = ValueChecks.cron(r, "schedule", top.get("schedule"), Config.DEFAULT_SCHEDULE);
        Optional<URI> s3 = ValueChecks.endpoint(r, "s3_endpoint_url", top.get("s3_endpoint_url"));
        Optional<String> region = text(r, top, "aws_region");
        region.ifPresent(x -> ValueChecks.region(r, x, !NodeReader.isNull(top.get("s3_endpoint_url"))));
        Optional<Path> gpgHome = path(r, top, "gpg_home", base);
        gpgHome.filter(p -> !Files.isDirectory(p))
                .ifPresent(p -> r.problem("gpg_home", p + " is not a directory"));
        Path archive = path(r, top, "archive_dir", base).orElseGet(this::defaultArchiveDir);
        List<String> options = r.strings("duplicity_options", top.get("duplicity_options"), false);
        String duplicity = text(r, top, "duplicity_path")
                .map(p -> p.contains("/") ? resolve(base, p).toString() : p).orElse(Config.DEFAULT_DUPLICITY_PATH);
        Duration timeout = ValueChecks.duration(r, "timeout", top.get("timeout"), Config.DEFAULT_TIMEOUT);
        Duration lockWait = ValueChecks.duration(r, "lock_wait", top.get("lock_wait"), Config.DEFAULT_LOCK_WAIT);
        MonitorConfig monitor = new MonitorSectionReader(r).read(top.get("monitor"),
                bucketUrl == null || cloud == Cloud.GCP ? Optional.empty() : BucketUrl.bucketOf(bucketUrl));
        Optional<URI> ses = ValueChecks.endpoint(r, "ses_endpoint_url", top.get("ses_endpoint_url"));
        VerifyConfig verify = new VerifySectionReader(r).read(top.get("verify"));
        CloudChecks.s3OnlyKeys(r, cloud, s3, monitor);
        NotifyConfig notify = new NotifySectionReader(r).read(top.get("notify"));
        MetricsConfig metrics = new MetricsSectionReader(r, p -> resolve(base, p)).read(top.get("metrics"));
        LogLevel logLevel = text(r, top, "log_level").map(t -> LogLevel.of(t).orElseGet(() -> {
            r.problem("log_level", "must be quiet, normal or verbose, not '" + t + "'");
            return Config.DEFAULT_LOG_LEVEL;
        })).orElse(Config.DEFAULT_LOG_LEVEL);
        if (!r.problems().isEmpty()) {
            throw new ConfigException(r.problems());
        }
        return new Config(file, cloud, keyId, bucketUrl, full,
                keep.map(OptionalInt::of).orElse(OptionalInt.empty()), credentials, dirs, schedule, s3, region,
                gpgHome, archive, options, timeout, lockWait, duplicity, monitor, ses, verify, notify, metrics,
                logLevel, r.notices());
    }

    /**
     * Reads each old key name ({@link ConfigSchema#RENAMED}) as its new one, with a notice; both names at once
     * is a problem. Returns the name the file uses for each renamed key it has, so problems quote the file.
     */
    private static Map<String, String> oldNames(NodeReader r, Map<String, Node> top) {
        Map<String, String> writtenAs = new TreeMap<>();
        ConfigSchema.RENAMED.forEach((old, now) -> {
            if (!top.containsKey(old)) {
                return;
            }
            if (top.containsKey(now)) {
                r.problem(old, "is the old name of " + now + ", which is set too: keep one of them");
            } else {
                top.put(now, top.remove(old));
                writtenAs.put(now, old);
                r.notice(old, "is the old name of " + now + "; read as " + now + " (nothing else to change)");
            }
        });
        return writtenAs;
    }

    /** The credentials file; with gcp it is not read, as the original ignored it there. */
    private Optional<AwsCredentialsFile> credentials(NodeReader r, Map<String, Node> top, Path base, Cloud cloud) {
        if (cloud == Cloud.GCP) {
            if (!NodeReader.isNull(top.get("aws_config_file"))) {
                r.notice("aws_config_file", "ignored with cloud: gcp, as the original did");
            }
            return Optional.empty();
        }
        return path(r, top, "aws_config_file", base).flatMap(p -> {
            CredentialsFileReader.Result result = CredentialsFileReader.read(p);
            result.problem().ifPresent(problem -> r.problem("aws_config_file", problem));
            return result.credentials();
        });
    }

    /** A top-level key's text, required when the schema says so. */
    private static Optional<String> text(NodeReader r, Map<String, Node> top, String key) {
        return r.string(key, top.get(key), ConfigSchema.isRequired(key));
    }

    private Optional<Path> path(NodeReader r, Map<String, Node> top, String key, Path base) {
        return text(r, top, key).map(p -> resolve(base, p));
    }

    Path resolve(Path base, String text) {
        String t = text;
        if (t.equals("~") || t.startsWith("~/")) {
            t = home() + t.substring(1);
        }
        return base.resolve(t).normalize();
    }

    private Path defaultArchiveDir() {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) {
            return Path.of(xdg, "duplicity");
        }
        return Path.of(home(), ".cache", "duplicity");
    }

    private String home() {
        return environment.getOrDefault("HOME", System.getProperty("user.home"));
    }
}
