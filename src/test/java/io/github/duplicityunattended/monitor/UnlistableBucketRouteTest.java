package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

class UnlistableBucketRouteTest extends MonitorRouteTestSupport {

    @Override
    String monitorSection() {
        return "bucket: no-such-bucket";
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Test
    void aScheduledCheckThatCannotListIsLoggedInOneLineAndTheNextOneRunsAgain() throws Exception {
        AdviceWith.adviceWith(context, "monitor-on-schedule", route -> route.replaceFromWith("direct:schedule-fires"));
        context.start();
        context.getRouteController().startRoute("monitor-on-schedule");

        template.sendBody("direct:schedule-fires", null);
        template.sendBody("direct:schedule-fires", null);

        List<String> lines = log.lines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith(
                "ERROR Could not check the backups in no-such-bucket: The specified bucket does not exist")), lines.toString());
        assertEquals(List.of(), ses.mails());
    }
}
