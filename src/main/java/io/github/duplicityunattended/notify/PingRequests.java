package io.github.duplicityunattended.notify;

import io.github.duplicityunattended.config.NotifyConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The healthchecks-style ping of an event: {@code <url>/start} when a job starts, {@code <url>} when it
 * succeeds, {@code <url>/fail} when it fails, each a POST of the summary as plain text. With
 * {@code success_only} (heartbeat services) only the success, as a GET. An interrupted run pings nothing.
 */
public final class PingRequests {

    static final String TEXT = "text/plain; charset=utf-8";
    private final NotifyConfig config;

    public PingRequests(NotifyConfig config) {
        this.config = config;
    }

    /** The ping, or null when the event's job has no ping URL or its status pings nothing. */
    public Outgoing of(NotifyEvent event) {
        Optional<URI> url = config.ping(event.job());
        if (url.isEmpty()) {
            return null;
        }
        String what = "ping " + event.job() + " ";
        return switch (event.status()) {
            case STARTED -> config.pingSuccessOnly() ? null : post(what + "start", withPath(url.get(), "/start"), event);
            case OK -> config.pingSuccessOnly()
                    ? new Outgoing(what + "success", "GET", url.get(), TEXT, Optional.empty(), "")
                    : post(what + "success", url.get(), event);
            case FAILED -> config.pingSuccessOnly() ? null : post(what + "fail", withPath(url.get(), "/fail"), event);
            case INTERRUPTED -> null;
        };
    }

    private static Outgoing post(String what, URI url, NotifyEvent event) {
        return new Outgoing(what, "POST", url, TEXT, Optional.empty(), event.text());
    }

    /** The URL with {@code suffix} added to its path, its query kept: {@code .../uuid/fail?rid=1}. */
    static URI withPath(URI url, String suffix) {
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceFirst("/+$", "");
        try {
            return new URI(url.getScheme() + "://" + url.getRawAuthority() + path + suffix
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot add " + suffix + " to the ping URL", e);
        }
    }
}
