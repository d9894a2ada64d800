package io.github.duplicityunattended.notify;

import io.github.duplicityunattended.config.NotifyConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.util.json.Jsoner;

/**
 * The webhook POST of an event: the program's JSON document ({@code event}, {@code status}, {@code host},
 * {@code subject}, {@code summary}, {@code dirs} each with its status), or Slack's and Mattermost's
 * {@code {"text": ...}}. Failures only, or every finished job with {@code events: all}.
 */
public final class WebhookPosts {

    private final NotifyConfig config;

    public WebhookPosts(NotifyConfig config) {
        this.config = config;
    }

    /** The POST, or null when no webhook is configured or the event is not one it gets. */
    public Outgoing of(NotifyEvent event) {
        if (config.webhook().isEmpty() || !(event.failed() || config.webhookAll() && event.finished())) {
            return null;
        }
        String body = config.webhookFormat() == NotifyConfig.WebhookFormat.SLACK ? slack(event) : json(event);
        return new Outgoing("webhook", "POST", config.webhook().get(), "application/json", Optional.empty(), body);
    }

    static String json(NotifyEvent event) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("event", event.job());
        doc.put("status", event.status().word());
        doc.put("host", event.host());
        doc.put("subject", event.subject());
        doc.put("summary", event.text());
        doc.put("dirs", event.dirs().stream().map(d -> {
            Map<String, Object> dir = new LinkedHashMap<>();
            dir.put("dir", d.dir());
            dir.put("status", d.status());
            return dir;
        }).toList());
        return Jsoner.serialize(doc);
    }

    static String slack(NotifyEvent event) {
        return Jsoner.serialize(Map.of("text", "*" + event.subject() + "*\n```\n" + event.text().stripTrailing() + "\n```"));
    }
}
