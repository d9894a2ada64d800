package io.github.duplicityunattended.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the optional {@code notify:} section. Its URLs carry secrets (ping UUIDs, tokens): a problem names the
 * key, never the value.
 */
final class NotifySectionReader {

    private static final String SUCCESS_ONLY = "success_only";
    private final NodeReader r;

    NotifySectionReader(NodeReader r) {
        this.r = r;
    }

    NotifyConfig read(Node node) {
        Map<String, Node> m = section("notify", node);
        Map<String, Node> ping = section("notify.ping", m.get("ping"));
        Map<String, URI> pings = new LinkedHashMap<>();
        Set<String> jobs = new TreeSet<>(ConfigSchema.childrenOf("notify.ping"));
        jobs.remove(SUCCESS_ONLY);
        jobs.forEach(job -> url("notify.ping." + job, ping.get(job)).ifPresent(u -> pings.put(job, u)));
        boolean successOnly = ValueChecks.bool(r, "notify.ping." + SUCCESS_ONLY, ping.get(SUCCESS_ONLY), false);
        Map<String, Node> ntfy = section("notify.ntfy", m.get("ntfy"));
        Optional<URI> ntfyUrl = url("notify.ntfy.url", ntfy.get("url"));
        Optional<String> token = r.string("notify.ntfy.token", ntfy.get("token"), false);
        Map<String, Node> hook = section("notify.webhook", m.get("webhook"));
        Optional<URI> webhook = url("notify.webhook.url", hook.get("url"));
        NotifyConfig.WebhookFormat format = r.string("notify.webhook.format", hook.get("format"), false)
                .map(text -> choice("notify.webhook.format", text, NotifyConfig.WebhookFormat.class))
                .orElse(NotifyConfig.WebhookFormat.JSON);
        boolean all = r.string("notify.webhook.events", hook.get("events"), false).map(text -> {
            if (!text.equals("all") && !text.equals("failures")) {
                r.problem("notify.webhook.events", "must be failures or all, not '" + text + "'");
            }
            return text.equals("all");
        }).orElse(false);
        if (token.isPresent() && ntfyUrl.isEmpty()) {
            r.problem("notify.ntfy.token", "is set but notify.ntfy.url is not");
        }
        return new NotifyConfig(pings, successOnly, ntfyUrl, token, webhook, format, all);
    }

    private Map<String, Node> section(String path, Node node) {
        return NodeReader.isNull(node) ? Map.of() : r.mapping(path, node, ConfigSchema.childrenOf(path)).orElse(Map.of());
    }

    private <E extends Enum<E>> E choice(String path, String text, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
                return e;
            }
        }
        E first = type.getEnumConstants()[0];
        r.problem(path, "must be " + String.join(" or ", java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ", not '" + text + "'");
        return first;
    }

    /** An http:// or https:// URL with a host and no user or password; the value is never quoted back. */
    private Optional<URI> url(String path, Node node) {
        return r.string(path, node, false).flatMap(text -> {
            try {
                URI uri = new URI(text);
                boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
                if (http && uri.getHost() != null && uri.getRawUserInfo() == null) {
                    return Optional.of(uri);
                }
                if (http && uri.getHost() != null) {
                    r.problem(path, "must not contain a user or password");
                    return Optional.empty();
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            r.problem(path, "must be an http:// or https:// URL with a host name");
            return Optional.empty();
        });
    }
}
