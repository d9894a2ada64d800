package io.github.duplicityunattended.notify;

import java.net.URI;
import java.util.Optional;

/**
 * One HTTP request a notification makes. Its URL may hold a secret, so it is only ever logged as
 * {@link #target()}; it reaches camel-http as a header, never in an endpoint URI.
 *
 * @param what          what it is, for the log: {@code ping backup fail}, {@code ntfy}, {@code webhook}
 * @param method        GET or POST
 * @param url           where it goes
 * @param contentType   the body's type
 * @param authorization the Authorization header, or empty
 * @param body          the body (empty for a GET)
 */
public record Outgoing(String what, String method, URI url, String contentType, Optional<String> authorization,
                       String body) {

    /** The URL as it may be logged: scheme, host and port, with the path and query left out. */
    public String target() {
        return SecretUrls.redacted(url);
    }

    /** The Authorization header's value, or "" when there is none (routes test it with a simple expression). */
    public String getAuthorizationHeader() {
        return authorization.orElse("");
    }
}
