package io.github.duplicityunattended.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads and validates a config file against {@link ConfigSchema}. It reports every problem at once,
 * each as {@code file: dotted.path: what is wrong}, and never quotes a secret. Relative paths are
 * resolved against the config file's directory; {@code ~} is the {@code HOME} of the environment.
 */
public final class ConfigLoader {

    private final Map<String, String> environment;

    /** A loader that resolves {@code ~} and default paths against this process's environment. */
    public ConfigLoader() {
        this(System.getenv());
    }

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Config load(Path file) throws ConfigException {
        String label = file.toString();
        Node root = YamlFile.read(file, label);
        return read(new NodeReader(label), root, file.toAbsolutePath().getParent(), file);
    }

    private Config read(NodeReader r, Node root, Path base, Path file) throws ConfigException {
        Map<String, Node> top = r.mapping("", root, ConfigSchema.childrenOf("")).orElse(null);
        if (top == null) {
            throw new ConfigException(r.problems());
        }
        String cloud = r.string("cloud", top.get("cloud"), true).orElse(null);
        if (cloud != null && !cloud.equals("aws")) {
            r.problem("cloud", cloud.equals("gcp")
                    ? "gcp is not supported; this program backs up to S3 (cloud: aws)"
                    : "must be aws, not '" + cloud + "'");
        }
        String keyId = r.string("gpg_key_id", top.get("gpg_key_id"), true).orElse(null);
        if (keyId != null) {
            ValueChecks.keyId(r, keyId);
        }
        String bucketUrl = r.string("bucket_url", top.get("bucket_url"), true).orElse(null);
        if (bucketUrl != null) {
            ValueChecks.bucketUrl(r, bucketUrl);
        }
        String full = r.string("full_if_older_than", top.get("full_if_older_than"), true).orElse(null);
        if (full != null) {
            ValueChecks.duplicityTime(r, "full_if_older_than", full);
        }
        Optional<Integer> keep = r.integer("remove_all_but_n_full", top.get("remove_all_but_n_full"), 1);
        Optional<AwsCredentialsFile> credentials = path(r, top, "aws_config_file", base).flatMap(p -> {
            CredentialsFileReader.Result result = CredentialsFileReader.read(p);
            result.problem().ifPresent(problem -> r.problem("aws_config_file", problem));
            return result.credentials();
        });
        List<BackupDir> dirs = new BackupDirsReader(r).read(top.get("backup_dirs"));
        String schedule = ValueChecks.cron(r, "schedule", top.get("schedule"), Config.DEFAULT_SCHEDULE);
        Optional<URI> s3 = ValueChecks.endpoint(r, "s3_endpoint_url", top.get("s3_endpoint_url"));
        Optional<String> region = r.string("aws_region", top.get("aws_region"), false);
        region.ifPresent(x -> ValueChecks.region(r, x, !NodeReader.isNull(top.get("s3_endpoint_url"))));
        Optional<Path> gpgHome = path(r, top, "gpg_home", base);
        gpgHome.filter(p -> !Files.isDirectory(p))
                .ifPresent(p -> r.problem("gpg_home", p + " is not a directory"));
        Path archive = path(r, top, "archive_dir", base).orElseGet(this::defaultArchiveDir);
        List<String> options = r.strings("duplicity_options", top.get("duplicity_options"), false);
        String duplicity = r.string("duplicity_path", top.get("duplicity_path"), false)
                .map(p -> p.contains("/") ? resolve(base, p).toString() : p).orElse(Config.DEFAULT_DUPLICITY_PATH);
        Duration timeout = ValueChecks.duration(r, "timeout", top.get("timeout"), Config.DEFAULT_TIMEOUT);
        Duration lockWait = ValueChecks.duration(r, "lock_wait", top.get("lock_wait"), Config.DEFAULT_LOCK_WAIT);
        MonitorConfig monitor = new MonitorSectionReader(r).read(top.get("monitor"),
                bucketUrl == null ? Optional.empty() : BucketUrl.bucketOf(bucketUrl));
        Optional<URI> ses = ValueChecks.endpoint(r, "ses_endpoint_url", top.get("ses_endpoint_url"));
        if (!r.problems().isEmpty()) {
            throw new ConfigException(r.problems());
        }
        return new Config(file, cloud, keyId, bucketUrl, full,
                keep.map(OptionalInt::of).orElse(OptionalInt.empty()), credentials, dirs, schedule, s3, region,
                gpgHome, archive, options, timeout, lockWait, duplicity, monitor, ses);
    }

    private Optional<Path> path(NodeReader r, Map<String, Node> top, String key, Path base) {
        return r.string(key, top.get(key), false).map(p -> resolve(base, p));
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
