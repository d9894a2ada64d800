package io.github.duplicityunattended.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.snakeyaml.engine.v2.nodes.Node;

/** The rules for single values of the config: key ids, URLs, duplicity times, regions, cron, durations. */
final class ValueChecks {

    /** duplicity's time forms: now, seconds, an interval, an ISO date or time, YYYY/MM/DD, MM/DD/YYYY. */
    private static final Pattern TIME = Pattern.compile("^(now|\\d+|(\\d+[smhDWMY])+"
            + "|\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}([T ][0-9:]+([+-][0-9:]+|Z)?)?|\\d{1,2}/\\d{1,2}/\\d{4})$");
    private static final Pattern KEY_ID = Pattern.compile("^(0x)?([0-9A-Fa-f]{8}|[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.+");
    private static final Pattern AWS_REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d+$");
    private static final Pattern OTHER_REGION = Pattern.compile("^[A-Za-z0-9_-]+$");

    private ValueChecks() {
    }

    static void keyId(NodeReader r, String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            r.problem("gpg_key_id", "must be a key id or fingerprint of 8, 16 or 40 hex digits as duplicity"
                    + " requires (gpg --list-keys --keyid-format long shows it), not '" + keyId + "'");
        }
    }

    /** A duplicity URL without credentials that, for S3 and Google Cloud Storage, names its bucket. */
    static void bucketUrl(NodeReader r, String path, String url) {
        String rest = BucketUrl.pathOf(url);
        if (rest.split("/", 2)[0].contains("@")) {
            r.problem(path, "must not contain credentials; put them in aws_config_file");
        } else if (!SCHEME.matcher(url).matches()) {
            r.problem(path, "must be a duplicity URL such as s3+http://my-bucket, not '" + url + "'");
        } else if ((BucketUrl.isS3(url) || BucketUrl.isGcs(url)) && rest.split("/", 2)[0].isEmpty()) {
            r.problem(path, "names no bucket: write it right after the scheme, as in s3+http://my-bucket");
        }
    }

    static void duplicityTime(NodeReader r, String path, String time) {
        if (!TIME.matcher(time).matches()) {
            r.problem(path, "must be a duplicity time such as 7D, 2W or 1M (units s, m, h, D, W, M, Y;"
                    + " m is minutes, M is months), not '" + time + "'");
        }
    }

    /** Any AWS region; with an S3-compatible endpoint, whatever single word that store calls its region. */
    static void region(NodeReader r, String region, boolean customEndpoint) {
        if (customEndpoint && !OTHER_REGION.matcher(region).matches()) {
            r.problem("aws_region", "must be one word of letters, digits, - and _, not '" + region + "'");
        } else if (!customEndpoint && !AWS_REGION.matcher(region).matches()) {
            r.problem("aws_region", "must be an AWS region such as eu-west-1, not '" + region + "'");
        }
    }

    static String cron(NodeReader r, String path, Node node, String fallback) {
        Optional<String> text = r.string(path, node, false);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            CronExpression.validateExpression(text.get());
        } catch (ParseException e) {
            r.problem(path, "is not a quartz cron expression (" + e.getMessage()
                    + "); it has six fields, seconds first: \"0 0 2 * * ?\" is daily at 02:00");
        }
        return text.get();
    }

    /** true or false; {@code fallback} when not given. */
    static boolean bool(NodeReader r, String path, Node node, boolean fallback) {
        Optional<String> text = r.string(path, node, false);
        if (text.isEmpty()) {
            return fallback;
        }
        if (!text.get().equals("true") && !text.get().equals("false")) {
            r.problem(path, "must be true or false, not '" + text.get() + "'");
            return fallback;
        }
        return Boolean.parseBoolean(text.get());
    }

    static Optional<URI> endpoint(NodeReader r, String path, Node node) {
        return r.string(path, node, false).flatMap(text -> {
            Optional<URI> uri = httpUri(text);
            if (uri.isPresent() && uri.get().getUserInfo() == null) {
                return uri;
            }
            if (uri.isPresent()) {
                r.problem(path, "must not contain a user or password; put credentials in aws_config_file");
            } else {
                r.problem(path, "must be an http:// or https:// URL with a host name"
                        + (text.contains("@") ? "" : ", not '" + text + "'"));
            }
            return Optional.empty();
        });
    }

    private static Optional<URI> httpUri(String text) {
        try {
            URI uri = new URI(text);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static Duration duration(NodeReader r, String path, Node node, Duration fallback) {
        Optional<String> text = r.string(path, node, false);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<Duration> d = Durations.parse(text.get());
        if (d.isEmpty()) {
            r.problem(path, "must be a duration such as 90s, 45m, 6h, 1d or 1h30m, not '" + text.get() + "'");
        } else if (d.get().isZero()) {
            r.problem(path, "must be longer than zero");
        }
        return d.filter(x -> !x.isZero()).orElse(fallback);
    }
}
