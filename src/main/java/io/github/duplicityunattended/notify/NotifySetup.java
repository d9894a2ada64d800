package io.github.duplicityunattended.notify;

import io.github.duplicityunattended.app.Flow;
import io.github.duplicityunattended.config.NotifyConfig;
import io.github.duplicityunattended.monitor.MonitorSetup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The beans and placeholders of {@code routes/notify.camel.yaml}: the pings, ntfy messages and webhook posts
 * made from an event, the events of the backup and monitor flows, and the log of what could not be sent.
 */
public final class NotifySetup implements Flow {

    /** Each notification's limit for connecting, and for the answer. */
    static final int TIMEOUT_MILLIS = 10_000;
    private final Map<String, Object> beans = new LinkedHashMap<>();

    public NotifySetup(NotifyConfig config) {
        this(config, MonitorSetup.hostName());
    }

    public NotifySetup(NotifyConfig config, String host) {
        beans.put("notifyEvents", new NotifyEvents(host));
        beans.put("pingRequests", new PingRequests(config));
        beans.put("ntfyMessages", new NtfyMessages(config));
        beans.put("webhookPosts", new WebhookPosts(config));
        beans.put("notifyLog", new NotifyLog());
        beans.put("http", new NotifyHttpComponent());
    }

    @Override
    public String routesFile() {
        return "notify.camel.yaml";
    }

    @Override
    public Map<String, Object> beans() {
        return beans;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("notify.timeout-millis", String.valueOf(TIMEOUT_MILLIS));
    }
}
