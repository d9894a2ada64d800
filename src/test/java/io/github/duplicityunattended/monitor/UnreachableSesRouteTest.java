package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.SharedServers;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

class UnreachableSesRouteTest extends MonitorRouteTestSupport {

    @Override
    String monitorSection() {
        return """
                sender: backup@example.com
                recipient: ops@example.com
                ignore_prefixes: [retired]
                """;
    }

    @Override
    String sesEndpoint() {
        return SharedServers.nowhere().toString();
    }

    private List<String> errors() {
        return log.lines().stream().filter(l -> l.startsWith("ERROR")).toList();
    }

    @Test
    void aStaleReportThatCannotBeMailedIsLoggedAsAnErrorAndTheCheckStillReplies() {
        MonitorReport report = template.requestBody("direct:monitor-check", (Object) null, MonitorReport.class);

        assertTrue(report.needsAttention());
        assertEquals(1, errors().size(), log.lines().toString());
        assertTrue(errors().get(0).startsWith("ERROR Could not mail 'Missing recent backups: my-host-backup' to"
                + " ops@example.com: Unable to execute HTTP request"), errors().get(0));
    }

    @Test
    void aFailureNoticeThatCannotBeMailedIsLoggedAndGoesNoFurther() {
        template.sendBody("direct:failure-notice", FailureNoticeTest.failedRun(config, 1, CLOCK));

        assertEquals(1, errors().size(), log.lines().toString());
        assertTrue(errors().get(0).startsWith("ERROR Could not mail 'Backup failed: "), errors().get(0));
    }

    @Test
    void aTestEmailThatCannotBeSentFailsForTheCallerToSee() {
        assertThrows(CamelExecutionException.class, () -> template.requestBody("direct:monitor-test-email", (Object) null));
    }

    @Test
    void secretsAreInNoLogLine() {
        template.requestBody("direct:monitor-check", (Object) null);

        assertTrue(log.lines().stream().noneMatch(l -> l.contains(io.github.duplicityunattended.testsupport.S3ProxyServer.SECRET_KEY)));
    }
}
