package io.github.duplicityunattended.notify;

import io.github.duplicityunattended.config.NotifyConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.util.json.Jsoner;

/**
 * The ntfy message of a failure or a stale report, published as JSON to the topic's server (UTF-8 safe, unlike
 * ntfy's header form): title the subject, message the notice, priority high (4) for a failed run, default (3)
 * for the monitor's report.
 */
public final class NtfyMessages {

    static final int HIGH = 4;
    static final int DEFAULT = 3;
    private final NotifyConfig config;

    public NtfyMessages(NotifyConfig config) {
        this.config = config;
    }

    /** The message, or null when ntfy is not configured or the event is no failure. */
    public Outgoing of(NotifyEvent event) {
        if (config.ntfy().isEmpty() || !event.failed()) {
            return null;
        }
        URI topicUrl = config.ntfy().get();
        String path = topicUrl.getRawPath().replaceFirst("/+$", "");
        int slash = path.lastIndexOf('/');
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("topic", path.substring(slash + 1));
        message.put("title", event.subject());
        message.put("message", event.text());
        message.put("priority", event.job().equals("check") ? DEFAULT : HIGH);
        message.put("tags", List.of("warning"));
        URI server = URI.create(topicUrl.getScheme() + "://" + topicUrl.getRawAuthority() + path.substring(0, slash + 1));
        return new Outgoing("ntfy", "POST", server, "application/json", config.ntfyToken().map(t -> "Bearer " + t),
                Jsoner.serialize(message));
    }
}
