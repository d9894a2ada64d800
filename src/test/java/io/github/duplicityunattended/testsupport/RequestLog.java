package io.github.duplicityunattended.testsupport;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Level;

/**
 * S3Proxy's own request log: every request its handler receives, as it logs them at DEBUG
 * ({@code request: GET http://127.0.0.1:port/bucket?list-type=2}), kept in memory.
 */
public final class RequestLog {

    private static final String LOGGER = "org.gaul.s3proxy.S3ProxyHandler";
    private static final Pattern REQUEST = Pattern.compile("^DEBUG request: .*?(GET|PUT|POST|DELETE|HEAD)\\s+(\\S+)");
    private final LogCapture log;

    /** One request: its method and its URI as S3Proxy received it. */
    public record Request(String method, String uri) {

        /** A GET of one object: a path with a key after the bucket (path-style addressing). */
        public boolean isObjectGet() {
            return method.equals("GET") && path().replaceFirst("^/", "").contains("/");
        }

        /** A ListObjectsV2 of a bucket. */
        public boolean isList() {
            return method.equals("GET") && !isObjectGet() && uri.contains("list-type=2");
        }

        private String path() {
            String p = uri.replaceFirst("^[a-z]+://[^/]+", "");
            int q = p.indexOf('?');
            return q < 0 ? p : p.substring(0, q);
        }
    }

    /** Starts keeping S3Proxy's requests; make it before S3Proxy starts. */
    public RequestLog() {
        this.log = new LogCapture(LOGGER, Level.FINE, false);
    }

    /** Every request since the last {@link #clear()}. */
    public List<Request> all() {
        return log.lines().stream().map(REQUEST::matcher).filter(Matcher::find)
                .map(m -> new Request(m.group(1), m.group(2))).toList();
    }

    public void clear() {
        log.clear();
    }

    public long lists() {
        return all().stream().filter(Request::isList).count();
    }

    public long objectGets() {
        return all().stream().filter(Request::isObjectGet).count();
    }
}
