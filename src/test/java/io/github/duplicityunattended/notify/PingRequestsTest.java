package io.github.duplicityunattended.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.duplicityunattended.config.NotifyConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PingRequestsTest {

    static NotifyConfig pings(String url, boolean successOnly) {
        return new NotifyConfig(Map.of("backup", URI.create(url)), successOnly, Optional.empty(), Optional.empty(),
                Optional.empty(), NotifyConfig.WebhookFormat.JSON, false);
    }

    static NotifyEvent event(NotifyEvent.Status status) {
        return new NotifyEvent("backup", status, "web1", "s", "summary", List.of());
    }

    @Test
    void theSuffixGoesIntoThePathAndTheQueryIsKept() {
        assertEquals(URI.create("https://hc-ping.com/key/slug/fail?create=1"),
                PingRequests.withPath(URI.create("https://hc-ping.com/key/slug/?create=1"), "/fail"));
    }

    @Test
    void successOnlyPingsTheUrlWithAGetOnSuccessAndNothingElse() {
        PingRequests pings = new PingRequests(pings("http://kuma:3001/api/push/abc?status=up", true));
        assertNull(pings.of(event(NotifyEvent.Status.STARTED)));
        assertNull(pings.of(event(NotifyEvent.Status.FAILED)));
        Outgoing success = pings.of(event(NotifyEvent.Status.OK));
        assertEquals("GET http://kuma:3001/api/push/abc?status=up", success.method() + " " + success.url());
    }

    @Test
    void aJobWithoutAPingUrlPingsNothing() {
        assertNull(new PingRequests(pings("https://hc-ping.com/x", false))
                .of(new NotifyEvent("check", NotifyEvent.Status.OK, "web1", "s", "t", List.of())));
    }

    @Test
    void theLoggedTargetKeepsSchemeHostAndPortOnly() {
        URI url = URI.create("https://hc-ping.com:8443/5e1f0c3a/fail?rid=7");
        assertEquals("https://hc-ping.com:8443/…", SecretUrls.redacted(url));
        assertEquals("Connect to https://hc-ping.com:8443/… failed; GET /… refused",
                SecretUrls.scrub("Connect to " + url + " failed; GET /5e1f0c3a/fail refused", url));
    }
}
