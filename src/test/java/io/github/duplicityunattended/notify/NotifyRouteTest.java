package io.github.duplicityunattended.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.NotifyConfig;
import io.github.duplicityunattended.testsupport.Flows;
import io.github.duplicityunattended.testsupport.HttpReceiver;
import io.github.duplicityunattended.testsupport.LogCapture;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * routes/notify.camel.yaml with the notify flow's own setup, sending to an HTTP server of the test's own: what
 * arrives is what a healthchecks, ntfy or webhook server would receive.
 */
class NotifyRouteTest extends CamelTestSupport {

    static final String UUID = "5e1f0c3a-0000-4000-8000-0000000000aa";
    HttpReceiver receiver;
    NotifySetup setup;

    NotifyConfig config() {
        return new NotifyConfig(Map.of("backup", URI.create(receiver.url() + "/ping/" + UUID),
                "check", URI.create(receiver.url() + "/ping/check-uuid")), false,
                Optional.of(URI.create(receiver.url() + "/ntfy/backups")), Optional.of("tk_token"),
                Optional.of(URI.create(receiver.url() + "/hook/secret-token")), NotifyConfig.WebhookFormat.JSON, false);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        receiver = HttpReceiver.start();
        CamelContext context = super.createCamelContext();
        setup = new NotifySetup(config(), "web1");
        Flows.bind(context, setup);
        return context;
    }

    @Override
    protected void doPostTearDown() {
        receiver.close();
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return Flows.routes(context, setup);
    }

    static NotifyEvent backup(NotifyEvent.Status status, String text) {
        return new NotifyEvent("backup", status, "web1", "Backup " + status.word() + ": web1", text,
                List.of(new NotifyEvent.Dir("/etc", "ok"), new NotifyEvent.Dir("/srv/data", "failed")));
    }

    @Test
    void aRunPingsStartThenSuccessOrFailWithTheSummaryAsBody() {
        template.sendBody("direct:notify-event", backup(NotifyEvent.Status.STARTED, "Backup run started: 2 dir(s)\n"));
        template.sendBody("direct:notify-event", backup(NotifyEvent.Status.OK, "Backup run finished: 2 of 2 dirs ok\n"));
        template.sendBody("direct:notify-event", backup(NotifyEvent.Status.FAILED, "Backup run FAILED: 1 of 2 dirs ok\n"));

        List<HttpReceiver.Request> pings = receiver.requests().stream().filter(r -> r.path().startsWith("/ping/")).toList();
        assertEquals(List.of("POST /ping/" + UUID + "/start", "POST /ping/" + UUID, "POST /ping/" + UUID + "/fail"),
                pings.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals(List.of("Backup run started: 2 dir(s)\n", "Backup run finished: 2 of 2 dirs ok\n",
                "Backup run FAILED: 1 of 2 dirs ok\n"), pings.stream().map(HttpReceiver.Request::body).toList());
        assertTrue(pings.get(0).header("Content-Type").startsWith("text/plain"), pings.get(0).headers()::toString);
    }

    @Test
    void anInterruptedRunPingsNothingAndTellsNoOne() {
        template.sendBody("direct:notify-event", backup(NotifyEvent.Status.INTERRUPTED, "stopped"));
        assertEquals(List.of(), receiver.requests());
    }

    @Test
    void aFailureGoesToNtfyAsJsonWithTitlePriorityAndTheToken() throws Exception {
        template.sendBody("direct:notify-event", backup(NotifyEvent.Status.FAILED, "Backup run FAILED: ✗ ünïcode\n"));

        HttpReceiver.Request ntfy = receiver.to("/ntfy/").get(0);
        assertEquals("POST", ntfy.method());
        assertEquals("Bearer tk_token", ntfy.header("Authorization"));
        JsonObject message = (JsonObject) Jsoner.deserialize(ntfy.body());
        assertEquals("backups", message.getString("topic"));
        assertEquals("Backup failed: web1", message.getString("title"));
        assertEquals("Backup run FAILED: ✗ ünïcode\n", message.getString("message"));
        assertEquals(4, message.getInteger("priority"));
    }

    @Test
    void aSuccessGoesToNeitherNtfyNorTheFailuresOnlyWebhook() {
        template.sendBody("direct:notify-event", backup(NotifyEvent.Status.OK, "fine"));
        assertEquals(List.of("/ping/" + UUID), receiver.requests().stream().map(HttpReceiver.Request::path).toList());
    }

    @Test
    void theWebhookGetsTheEventHostSummaryAndEachDirWithItsStatus() throws Exception {
        template.sendBody("direct:notify-event", backup(NotifyEvent.Status.FAILED, "Backup run FAILED\n"));

        HttpReceiver.Request hook = receiver.to("/hook/secret-token").get(0);
        assertTrue(hook.header("Content-Type").startsWith("application/json"), hook.headers()::toString);
        JsonObject doc = (JsonObject) Jsoner.deserialize(hook.body());
        assertEquals("backup", doc.getString("event"));
        assertEquals("failed", doc.getString("status"));
        assertEquals("web1", doc.getString("host"));
        assertEquals("Backup run FAILED\n", doc.getString("summary"));
        assertEquals(List.of(Map.of("dir", "/etc", "status", "ok"), Map.of("dir", "/srv/data", "status", "failed")),
                doc.get("dirs"));
    }

    @Test
    void anUnreachableEndpointIsOneErrorLinePerRequestWithoutTheSecretAndTheSenderGoesOn() throws Exception {
        receiver.close();
        try (LogCapture log = new LogCapture("io.github.duplicityunattended.notify", Level.FINE, false)) {
            Object reply = template.requestBody("direct:notify-event", backup(NotifyEvent.Status.FAILED, "x"));

            assertEquals(NotifyEvent.Status.FAILED, ((NotifyEvent) reply).status(), "the event comes back");
            List<String> errors = log.lines().stream().filter(l -> l.startsWith("ERROR")).toList();
            String port = receiver.url().substring(receiver.url().lastIndexOf(':'));
            assertEquals(3, errors.size(), errors::toString);
            assertTrue(errors.get(0).startsWith("ERROR Could not send ping backup fail to http://127.0.0.1" + port
                    + "/…: "), errors::toString);
            assertTrue(errors.get(1).startsWith("ERROR Could not send ntfy to http://127.0.0.1" + port + "/…: "),
                    errors::toString);
            assertTrue(errors.get(2).startsWith("ERROR Could not send webhook to http://127.0.0.1" + port + "/…: "),
                    errors::toString);
            assertFalse(log.lines().toString().contains(UUID), log.lines()::toString);
            assertFalse(log.lines().toString().contains("secret-token"), log.lines()::toString);
        }
    }

    @Test
    void aServerErrorIsTriedThreeTimesThenLoggedWithItsStatus() throws Exception {
        receiver.answer("/ping/" + UUID + "/fail", 503);
        try (LogCapture log = new LogCapture("io.github.duplicityunattended.notify", Level.INFO, false)) {
            template.sendBody("direct:notify-event", backup(NotifyEvent.Status.FAILED, "x"));

            assertEquals(3, receiver.to("/ping/" + UUID + "/fail").size());
            assertEquals(List.of("ERROR Could not send ping backup fail to " + receiver.url() + "/…: HTTP 503 Service Unavailable"),
                    log.lines());
        }
    }
}
