package io.github.duplicityunattended.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code notify:} section: where pings, ntfy messages and webhook posts go. Every URL may carry a secret (a
 * ping UUID, a webhook token): it is never logged whole.
 *
 * @param pings          ping URL by job ({@code backup}, {@code check}), healthchecks style: {@code <url>/start},
 *                       {@code <url>} on success, {@code <url>/fail}
 * @param pingSuccessOnly ping only on success, for heartbeat services that know no start or fail
 * @param ntfy           an ntfy topic URL that receives failure notices and stale reports
 * @param ntfyToken      an ntfy access token, sent as a bearer token
 * @param webhook        a URL that receives a POST of each notice
 * @param webhookFormat  the document posted to it
 * @param webhookAll     post every finished run and check, not only failures and stale reports
 */
public record NotifyConfig(
        Map<String, URI> pings,
        boolean pingSuccessOnly,
        Optional<URI> ntfy,
        Optional<String> ntfyToken,
        Optional<URI> webhook,
        WebhookFormat webhookFormat,
        boolean webhookAll) {

    /** Nothing to notify. */
    public static final NotifyConfig NONE = new NotifyConfig(Map.of(), false, Optional.empty(), Optional.empty(),
            Optional.empty(), WebhookFormat.JSON, false);

    /** What a webhook receives: a JSON document of the program's own, or Slack's (and Mattermost's) {@code {"text"}}. */
    public enum WebhookFormat { JSON, SLACK }

    public NotifyConfig {
        pings = Map.copyOf(pings);
    }

    /** The ping URL of a job, such as {@code backup} or {@code check}. */
    public Optional<URI> ping(String job) {
        return Optional.ofNullable(pings.get(job));
    }
}
