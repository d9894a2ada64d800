package io.github.duplicityunattended.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The config contract: every key, its type, whether it is required, its default and meaning, in one
 * place. The loader accepts exactly these keys (and the old names in {@link #RENAMED}) and asks here
 * which are required; the README's reference table and {@code config.sample.yaml} are checked
 * against this list by the test suite.
 */
public final class ConfigSchema {

    /** One documented key; {@code name} is dotted for nested keys ({@code monitor.sender}). */
    public record Key(String name, String type, boolean required, String defaultValue, String meaning) {
    }

    public static final List<Key> KEYS = List.of(
            new Key("cloud", "aws or gcp", false, "aws",
                    "Where bucket_url is: `aws` for S3, an S3-compatible store or a `file://` dir; `gcp` for Google "
                            + "Cloud Storage (a `gs://` URL; duplicity runs without the S3 options). Configs of the "
                            + "original's 2019–2021 versions have no cloud key: they are `aws`."),
            new Key("gpg_key_id", "hex key id", true, "",
                    "GnuPG key used to encrypt and sign: 8, 16 or 40 hex digits (duplicity takes no e-mail here). "
                            + "The key must have no passphrase."),
            new Key("bucket_url", "duplicity URL", true, "",
                    "duplicity URL of the bucket and optional prefix, e.g. `s3+http://my-host-backup` or "
                            + "`boto3+s3://my-host-backup/host1`, or `gs://my-host-backup` with cloud `gcp`. Each dir goes "
                            + "to bucket_url + source. No credentials in it. Its old name `s3_url` is read as "
                            + "bucket_url."),
            new Key("full_if_older_than", "duplicity time", true, "",
                    "duplicity time interval after which the next backup is a full one, e.g. `1M`, `7D` "
                            + "(`m` is minutes, `M` months)."),
            new Key("remove_all_but_n_full", "integer >= 1", false, "never purge",
                    "After backing up, keep only the last N full backup chains of each dir."),
            new Key("aws_config_file", "path", false, "the AWS default chain",
                    "Credentials file, boto `[Credentials]` or AWS `[default]` format; group and others must "
                            + "have no access (`chmod 600`). Ignored with cloud `gcp`, as the original did."),
            new Key("backup_dirs", "list", true, "",
                    "The dirs to back up, in order."),
            new Key("backup_dirs[].source", "absolute path", true, "",
                    "Directory to back up."),
            new Key("backup_dirs[].includes", "list of strings", false, "[]",
                    "duplicity `--include` glob patterns, in order."),
            new Key("backup_dirs[].excludes", "list of strings", false, "[]",
                    "duplicity `--exclude` glob patterns, in order (after the includes)."),
            new Key("backup_dirs[].hooks", "list", false, "[]",
                    "Commands run around this dir's backup, in order: the `backup_dirs[].hooks[].*` keys below. A failing "
                            + "`before` hook fails the dir (not backed up, not purged) and skips the hooks after it; "
                            + "every `after` hook runs whatever happened."),
            new Key("backup_dirs[].hooks[].when", "before or after", true, "",
                    "`before`: before the dir's backup; `after`: right after it (before the purges), also when the "
                            + "backup or a `before` hook failed."),
            new Key("backup_dirs[].hooks[].command", "list of strings", true, "",
                    "The program and its arguments, run without a shell, e.g. `[\"pg_dump\", \"-f\", \"/var/backups/db.sql\","
                            + " \"db\"]`; for a shell write `[\"sh\", \"-c\", \"...\"]`. It gets "
                            + "`DUPLICITY_UNATTENDED_DIR` and, after the backup, `DUPLICITY_UNATTENDED_STATUS`."),
            new Key("backup_dirs[].hooks[].timeout", "duration", false, "1h",
                    "Longest the hook may run; then it is stopped and counts as failed."),
            new Key("schedule", "quartz cron", false, Config.DEFAULT_SCHEDULE,
                    "When the daemon backs up (seconds minutes hours day-of-month month day-of-week)."),
            new Key("s3_endpoint_url", "URL", false, "AWS S3",
                    "S3-compatible endpoint (MinIO, Ceph, S3Proxy, another region's endpoint)."),
            new Key("aws_region", "string", false, "the SDK default",
                    "AWS region of the bucket and of SES, e.g. `eu-west-1`; with s3_endpoint_url, the region "
                            + "name that store expects."),
            new Key("gpg_home", "path", false, "GnuPG's default (~/.gnupg)",
                    "GnuPG home directory holding the key (GNUPGHOME); must exist."),
            new Key("archive_dir", "path", false, "$XDG_CACHE_HOME/duplicity or ~/.cache/duplicity",
                    "duplicity's metadata cache. Keep it: a lost cache makes duplicity download signatures again, "
                            + "which Standard-IA bills."),
            new Key("duplicity_options", "list of strings", false, "[]",
                    "Extra arguments given to every duplicity backup, e.g. `[\"--volsize\", \"250\"]`."),
            new Key("duplicity_path", "command or path", false, Config.DEFAULT_DUPLICITY_PATH,
                    "The duplicity executable: a command looked up on PATH, or a path to it."),
            new Key("timeout", "duration", false, "24h",
                    "Longest a single duplicity command may run; then it is stopped (a backup resumes next run)."),
            new Key("lock_wait", "duration", false, "10m",
                    "How long a run waits for another run of the same config to finish before it fails."),
            new Key("parallel", "integer >= 1", false, String.valueOf(Config.DEFAULT_PARALLEL),
                    "How many dirs are backed up at once (and purged at once, after all backups). The summary keeps "
                            + "config order; every log line still starts with its dir."),
            new Key("hooks", "list", false, "[]",
                    "Commands run around the whole run, in order: the `hooks[].*` keys below."),
            new Key("hooks[].when", "before_run, after_run or on_failure", true, "",
                    "`before_run`: before the first dir (a failing one leaves every dir un-backed-up); `after_run`: after "
                            + "the backups and purges, whatever happened; `on_failure`: after that, when the run failed."),
            new Key("hooks[].command", "list of strings", true, "",
                    "The program and its arguments, run without a shell. `after_run` and `on_failure` get "
                            + "`DUPLICITY_UNATTENDED_STATUS` and `DUPLICITY_UNATTENDED_SUMMARY`."),
            new Key("hooks[].timeout", "duration", false, "1h",
                    "Longest the hook may run; then it is stopped and counts as failed."),
            new Key("monitor", "mapping", false, "all defaults",
                    "The backup monitor: the `monitor.*` keys below."),
            new Key("monitor.bucket", "bucket name or list", false, "the bucket of bucket_url",
                    "Bucket to list for backups, or several: a list of names and `{name, prefix, folders}` mappings. "
                            + "One check lists them all and sends one report."),
            new Key("monitor.bucket[].name", "bucket name", true, "",
                    "The bucket's name (a plain name in the list is short for this)."),
            new Key("monitor.bucket[].prefix", "key prefix", false, "the whole bucket",
                    "List only the keys under this prefix, e.g. one host's in a shared bucket."),
            new Key("monitor.bucket[].folders", "list of strings", false, "[]",
                    "Folders (below the prefix) that must hold backups: one without is reported as never backed "
                            + "up. The bucket of bucket_url gets the folders of backup_dirs as well."),
            new Key("monitor.sender", "e-mail address", false, "none: reports go to the log",
                    "SES sender address, e.g. `Backups <backup@example.com>`."),
            new Key("monitor.recipient", "e-mail address or list", false, "none: reports go to the log",
                    "Address(es) that receive stale-backup reports and failure notices."),
            new Key("monitor.max_age_days", "integer >= 1", false, String.valueOf(MonitorConfig.DEFAULT_MAX_AGE_DAYS),
                    "A folder whose newest backup is older than this many days is stale."),
            new Key("monitor.schedule", "quartz cron", false, MonitorConfig.DEFAULT_SCHEDULE,
                    "When the daemon checks the buckets."),
            new Key("monitor.ignore_prefixes", "list of strings", false, "[]",
                    "Folders (key prefixes) never reported, in any bucket, e.g. those of retired dirs."),
            new Key("monitor.list_threads", "integer 1 to 50", false,
                    String.valueOf(MonitorConfig.DEFAULT_LIST_THREADS), "How many buckets a check lists at the same time."),
            new Key("ses_endpoint_url", "URL", false, "AWS SES",
                    "SES-compatible endpoint (an emulator, or another region's endpoint)."),
            new Key("verify", "mapping", false, "all defaults",
                    "The restore drill (`--verify`): the `verify.*` keys below."),
            new Key("verify.sample_files", "integer >= 1", false, String.valueOf(VerifyConfig.DEFAULT_SAMPLE_FILES),
                    "How many files of each dir's newest backup one drill restores and compares with the source."),
            new Key("verify.max_download", "size", false, VerifyConfig.DEFAULT_MAX_DOWNLOAD,
                    "The most one drill may download, counting every whole volume a restore fetches, e.g. `200MB`, "
                            + "`1GB` (KB, MB, GB count in 1024s). Standard-IA bills each GB read."),
            new Key("verify.schedule", "quartz cron", false, "off",
                    "When the daemon runs the restore drill; without it the daemon runs none."),
            new Key("notify", "mapping", false, "none: only mail and the log",
                    "Pings, ntfy and webhooks: the `notify.*` keys below. Their URLs hold secrets; the log shows only "
                            + "their scheme and host."),
            new Key("notify.ping", "mapping", false, "no pings",
                    "Healthchecks-style ping URLs: `<url>/start` when a job starts, `<url>` when it succeeds, "
                            + "`<url>/fail` when it fails, each a POST with the summary as its body."),
            new Key("notify.ping.backup", "URL", false, "none",
                    "Pinged by every backup run (start, success, fail)."),
            new Key("notify.ping.check", "URL", false, "none",
                    "Pinged by every check of the monitor (success: every folder recent; fail: stale, never backed up, "
                            + "or not listed)."),
            new Key("notify.ping.success_only", "true or false", false, "false",
                    "Ping `<url>` on success only, never `/start` or `/fail`: for heartbeat services (Uptime Kuma "
                            + "push, Cronitor heartbeats, Dead Man's Snitch)."),
            new Key("notify.ntfy", "mapping", false, "none",
                    "An ntfy topic that gets failure notices and stale reports: title the subject, priority high on "
                            + "failure."),
            new Key("notify.ntfy.url", "URL", false, "none",
                    "The topic's URL, e.g. `https://ntfy.sh/my-backups`."),
            new Key("notify.ntfy.token", "string", false, "none",
                    "An ntfy access token (`tk_...`), for a topic that needs one."),
            new Key("notify.webhook", "mapping", false, "none",
                    "A URL that gets a POST of each notice."),
            new Key("notify.webhook.url", "URL", false, "none",
                    "Where to POST."),
            new Key("notify.webhook.format", "json or slack", false, "json",
                    "`json`: {event, status, host, subject, summary, dirs with status}; `slack`: `{\"text\": ...}`, "
                            + "for Slack, Mattermost and other incoming webhooks of that form."),
            new Key("notify.webhook.events", "failures or all", false, "failures",
                    "`failures`: failed runs, failed or stale checks; `all`: every finished run and check too."),
            new Key("metrics", "mapping", false, "no metrics",
                    "Prometheus metrics: the `metrics.*` keys below."),
            new Key("metrics.listen", "HOST:PORT", false, "not served",
                    "The daemon serves metrics at `/observe/metrics` and its health at `/observe/health` here, e.g. "
                            + "`127.0.0.1:9464`."),
            new Key("metrics.textfile", "path ending in .prom", false, "not written",
                    "After a run, write its metrics here for node_exporter's textfile collector, atomically."),
            new Key("log_level", "quiet, normal or verbose", false, "normal",
                    "`normal`: events, summaries, and duplicity's warnings and errors; `verbose`: all of duplicity's "
                            + "output; `quiet`: warnings, errors and the run's summary. `--verbose` and `--quiet` "
                            + "override it."));

    /**
     * Top-level keys that older versions of the original script knew under another name, with their name now.
     * The old name is read as the new one (the loader notes it once); a config that gives both is refused.
     */
    public static final Map<String, String> RENAMED = Map.of("s3_url", "bucket_url");

    private ConfigSchema() {
    }

    /** Whether the key (dotted, as in {@link #KEYS}) must be given; the loader asks here, nowhere else. */
    public static boolean isRequired(String name) {
        return KEYS.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not a key of the schema"))
                .required();
    }

    /** Names of the keys directly under {@code parent} ("" for the top level). */
    public static Set<String> childrenOf(String parent) {
        String prefix = parent.isEmpty() ? "" : parent + ".";
        return KEYS.stream()
                .map(Key::name)
                .filter(n -> n.startsWith(prefix))
                .map(n -> n.substring(prefix.length()))
                .filter(n -> !n.contains(".") && !n.contains("[]"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
