package io.github.duplicityunattended.notify;

import java.net.URI;

/** Keeps the secret parts of notification URLs (path and query: ping UUIDs, tokens) out of log lines. */
public final class SecretUrls {

    private SecretUrls() {
    }

    /** {@code https://hc-ping.com/…}: scheme, host and port only. */
    public static String redacted(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/…";
    }

    /** The text with every appearance of the URL, or of its path, replaced by its redacted form. */
    public static String scrub(String text, URI url) {
        String out = text.replace(url.toString(), redacted(url)).replace(url.toASCIIString(), redacted(url));
        String path = url.getRawPath();
        if (path != null && path.length() > 1) {
            out = out.replace(path, "/…");
        }
        String query = url.getRawQuery();
        return query == null || query.isEmpty() ? out : out.replace(query, "…");
    }
}
