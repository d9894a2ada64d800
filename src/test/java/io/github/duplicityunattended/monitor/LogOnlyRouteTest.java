package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogOnlyRouteTest extends MonitorRouteTestSupport {

    @Override
    String monitorSection() {
        return "ignore_prefixes: [retired]";
    }

    @Test
    void withoutSenderAndRecipientTheStaleReportIsWrittenToTheLog() throws Exception {
        template.requestBody("direct:monitor-check", (Object) null);

        assertEquals(List.of(), ses.mails());
        assertEquals(List.of(
                "INFO Checked my-host-backup: 2 folder(s) backed up within 7 days, 1 stale, 1 never backed up"
                        + " (1143 object(s) listed)",
                "WARN Missing recent backups: my-host-backup (not mailed: set monitor.sender and monitor.recipient"
                        + " to mail it)",
                "WARN | Some backups in my-host-backup are missing or older than 7 days. Please check them.",
                "WARN | Not backed up in over 7 days:",
                "WARN | * 2030-06-08 07:00 UTC (7 days ago): my-host-backup/home",
                "WARN | * never backed up: my-host-backup/var/www",
                "WARN | Backed up within 7 days:",
                "WARN | * 2030-06-14 02:00 UTC (1 day ago): my-host-backup/etc",
                "WARN | * 2030-06-13 02:00 UTC (2 days ago): my-host-backup/srv/data"), log.lines());
    }

    @Test
    void withoutSenderAndRecipientTheFailureNoticeIsWrittenToTheLog() throws Exception {
        template.sendBody("direct:failure-notice", FailureNoticeTest.failedRun(config, 1, CLOCK));

        assertEquals(List.of(), ses.mails());
        assertEquals("WARN Backup failed: " + MonitorSetup.hostName()
                + " (not mailed: set monitor.sender and monitor.recipient to mail it)", log.lines().get(0));
        assertEquals("WARN |   line 1", log.lines().get(log.lines().size() - 1));
    }
}
