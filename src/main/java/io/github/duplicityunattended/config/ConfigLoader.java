package io.github.duplicityunattended.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads and validates a config file against {@link ConfigSchema}. It reports every problem at once,
 * each as {@code file: dotted.path: what is wrong}, and never quotes a secret.
 */
public final class ConfigLoader {

    private static final Pattern TIME = Pattern.compile(
            "^(now|\\d+|(\\d+[smhDWMY])+|\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}([T ][0-9:]+([+-][0-9:]+|Z)?)?|\\d{1,2}/\\d{1,2}/\\d{4})$");
    private static final Pattern KEY_ID = Pattern.compile("^(0x)?([0-9A-Fa-f]{8}|[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.+");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d+$");

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
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(label + ": cannot read the config file ("
                    + (Files.exists(file) ? "permission denied or not a file" : "no such file") + ")"));
        }
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(label).build()).composeString(text);
        } catch (YamlEngineException e) {
            throw new ConfigException(List.of(label + ": not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
        if (root.isEmpty()) {
            throw new ConfigException(List.of(label + ": the config file is empty"));
        }
        Path base = file.toAbsolutePath().getParent();
        return read(new NodeReader(label), root.get(), base, file);
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
        if (keyId != null && !KEY_ID.matcher(keyId).matches()) {
            r.problem("gpg_key_id", "must be a key id or fingerprint of 8, 16 or 40 hex digits as duplicity"
                    + " requires (gpg --list-keys --keyid-format long shows it), not '" + keyId + "'");
        }
        String bucketUrl = r.string("bucket_url", top.get("bucket_url"), true).orElse(null);
        if (bucketUrl != null) {
            checkBucketUrl(r, bucketUrl);
        }
        String full = r.string("full_if_older_than", top.get("full_if_older_than"), true).orElse(null);
        if (full != null && !TIME.matcher(full).matches()) {
            r.problem("full_if_older_than", "must be a duplicity time such as 7D, 2W or 1M, not '" + full + "'");
        }
        Optional<Integer> keep = r.integer("remove_all_but_n_full", top.get("remove_all_but_n_full"), 1);
        Optional<AwsCredentialsFile> credentials = r.string("aws_config_file", top.get("aws_config_file"), false)
                .map(p -> resolve(base, p)).flatMap(p -> credentials(r, p));
        List<BackupDir> dirs = backupDirs(r, top.get("backup_dirs"));
        String schedule = cron(r, "schedule", top.get("schedule"), Config.DEFAULT_SCHEDULE);
        Optional<URI> s3 = endpoint(r, "s3_endpoint_url", top.get("s3_endpoint_url"));
        Optional<String> region = r.string("aws_region", top.get("aws_region"), false);
        region.filter(x -> !REGION.matcher(x).matches())
                .ifPresent(x -> r.problem("aws_region", "must be an AWS region such as eu-west-1, not '" + x + "'"));
        Optional<Path> gpgHome = r.string("gpg_home", top.get("gpg_home"), false).map(p -> resolve(base, p));
        gpgHome.filter(p -> !Files.isDirectory(p))
                .ifPresent(p -> r.problem("gpg_home", p + " is not a directory"));
        Path archive = r.string("archive_dir", top.get("archive_dir"), false).map(p -> resolve(base, p))
                .orElseGet(this::defaultArchiveDir);
        List<String> options = r.strings("duplicity_options", top.get("duplicity_options"), false);
        String duplicity = r.string("duplicity_path", top.get("duplicity_path"), false)
                .orElse(Config.DEFAULT_DUPLICITY_PATH);
        Duration timeout = duration(r, "timeout", top.get("timeout"), Config.DEFAULT_TIMEOUT);
        Duration lockWait = duration(r, "lock_wait", top.get("lock_wait"), Config.DEFAULT_LOCK_WAIT);
        MonitorConfig monitor = new MonitorSectionReader(r).read(top.get("monitor"),
                bucketUrl == null ? Optional.empty() : BucketUrl.bucketOf(bucketUrl));
        Optional<URI> ses = endpoint(r, "ses_endpoint_url", top.get("ses_endpoint_url"));
        if (!r.problems().isEmpty()) {
            throw new ConfigException(r.problems());
        }
        return new Config(file, cloud, keyId, bucketUrl, full,
                keep.map(OptionalInt::of).orElse(OptionalInt.empty()), credentials, dirs, schedule, s3, region,
                gpgHome, archive, options, timeout, lockWait, duplicity, monitor, ses);
    }

    private static void checkBucketUrl(NodeReader r, String url) {
        if (!SCHEME.matcher(url).matches()) {
            r.problem("bucket_url", "must be a duplicity URL such as s3+http://my-bucket, not '" + url + "'");
        } else if (BucketUrl.pathOf(url).contains("@")) {
            r.problem("bucket_url", "must not contain credentials; put them in aws_config_file");
        } else if (BucketUrl.isS3(url) && BucketUrl.bucketOf(url).isEmpty()) {
            r.problem("bucket_url", "names no bucket");
        }
    }

    private static Optional<AwsCredentialsFile> credentials(NodeReader r, Path path) {
        CredentialsFileReader.Result result = CredentialsFileReader.read(path);
        result.problem().ifPresent(p -> r.problem("aws_config_file", p));
        return result.credentials();
    }

    private static List<BackupDir> backupDirs(NodeReader r, Node node) {
        if (NodeReader.isNull(node)) {
            r.problem("backup_dirs", "is required");
            return List.of();
        }
        List<Node> items = r.sequence("backup_dirs", node);
        if (items.isEmpty() && r.problems().stream().noneMatch(p -> p.contains(": backup_dirs:"))) {
            r.problem("backup_dirs", "must list at least one dir");
        }
        List<BackupDir> dirs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "backup_dirs[" + i + "]";
            Map<String, Node> entry = r.mapping(path, items.get(i), ConfigSchema.childrenOf("backup_dirs[]"))
                    .orElse(null);
            if (entry == null) {
                continue;
            }
            Optional<String> source = r.string(path + ".source", entry.get("source"), true);
            source.filter(s -> !s.startsWith("/"))
                    .ifPresent(s -> r.problem(path + ".source", "must be an absolute path, not '" + s + "'"));
            source.filter(s -> s.startsWith("/") && !seen.add(s))
                    .ifPresent(s -> r.problem(path + ".source", s + " is listed twice"));
            List<String> includes = r.strings(path + ".includes", entry.get("includes"), false);
            List<String> excludes = r.strings(path + ".excludes", entry.get("excludes"), false);
            source.ifPresent(s -> dirs.add(new BackupDir(s, includes, excludes)));
        }
        return dirs;
    }

    static String cron(NodeReader r, String path, Node node, String fallback) {
        Optional<String> text = r.string(path, node, false);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            CronExpression.validateExpression(text.get());
        } catch (java.text.ParseException e) {
            r.problem(path, "is not a quartz cron expression (" + e.getMessage()
                    + "); for example \"0 0 2 * * ?\" is daily at 02:00");
        }
        return text.get();
    }

    private static Optional<URI> endpoint(NodeReader r, String path, Node node) {
        return r.string(path, node, false).flatMap(text -> {
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        && uri.getHost() != null && uri.getUserInfo() == null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            r.problem(path, "must be an http:// or https:// URL without user or password");
            return Optional.empty();
        });
    }

    private static Duration duration(NodeReader r, String path, Node node, Duration fallback) {
        Optional<String> text = r.string(path, node, false);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<Duration> d = Durations.parse(text.get()).filter(x -> !x.isZero());
        if (d.isEmpty()) {
            r.problem(path, "must be a duration such as 90s, 45m, 6h or 1d, not '" + text.get() + "'");
        }
        return d.orElse(fallback);
    }

    Path resolve(Path base, String text) {
        String t = text;
        if (t.equals("~") || t.startsWith("~/")) {
            t = environment.getOrDefault("HOME", System.getProperty("user.home")) + t.substring(1);
        }
        return base.resolve(t).normalize();
    }

    private Path defaultArchiveDir() {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) {
            return Path.of(xdg, "duplicity");
        }
        return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".cache", "duplicity");
    }
}
