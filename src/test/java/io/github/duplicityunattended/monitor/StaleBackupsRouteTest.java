package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.run.RunReport;
import io.github.duplicityunattended.testsupport.SesEmulator.ReceivedMail;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaleBackupsRouteTest extends MonitorRouteTestSupport {

    @Override
    String monitorSection() {
        return """
                sender: "Backups <backup@example.com>"
                recipient: ops@example.com
                ignore_prefixes: [retired]
                """;
    }

    @Test
    void aCheckMailsTheStaleAndNeverBackedUpFoldersFirstThenTheRecentOnes() throws Exception {
        Object reply = template.requestBody("direct:monitor-check", (Object) null);

        List<ReceivedMail> mails = ses.awaitMails(1, Duration.ofMinutes(1));
        assertEquals(List.of(new ReceivedMail("Backups <backup@example.com>", List.of("ops@example.com"),
                "Missing recent backups: my-host-backup", """
                Some backups in my-host-backup are missing or older than 7 days. Please check them.

                Not backed up in over 7 days:
                * 2030-06-08 07:00 UTC (7 days ago): my-host-backup/home
                * never backed up: my-host-backup/var/www

                Backed up within 7 days:
                * 2030-06-14 02:00 UTC (1 day ago): my-host-backup/etc
                * 2030-06-13 02:00 UTC (2 days ago): my-host-backup/srv/data
                """)), mails);
        assertTrue(reply instanceof MonitorReport report && report.needsAttention(), "the reply is the report");
    }

    @Test
    void aCheckReadsEveryPageOfTheListingAndGetsNoObject() throws Exception {
        template.requestBody("direct:monitor-check", (Object) null);

        assertEquals(2, requests.lists(), "1,1xx keys take two pages: " + requests.all());
        assertEquals(0, requests.objectGets(), "object GETs: " + requests.all());
        assertEquals(requests.lists(), requests.all().size(), "nothing but list requests");
    }

    @Test
    void aFailedBackupRunIsMailedAtOnceWithItsSummaryAndOutput() throws Exception {
        RunReport run = FailureNoticeTest.failedRun(config, 3, CLOCK);

        template.sendBody("direct:failure-notice", run);

        assertEquals(List.of(new ReceivedMail("Backups <backup@example.com>", List.of("ops@example.com"),
                "Backup failed: " + MonitorSetup.hostName(), """
                Backup run FAILED: 1 of 4 dirs ok, 3 failed, took 1m 15s
                [/etc] ok in 0.0s
                [/home] FAILED after 0.0s: exit 23: line 3
                [/srv/data] FAILED: not backed up
                [/var/www] FAILED: not backed up
                Failed dirs: /home, /srv/data, /var/www

                Last 3 line(s) of the backup of /home:
                  line 1
                  line 2
                  line 3
                """)), ses.awaitMails(1, Duration.ofMinutes(1)));
    }

    @Test
    void theTestEmailListsTheNewestBackupOfEveryFolder() throws Exception {
        template.requestBody("direct:monitor-test-email", (Object) null);

        List<ReceivedMail> mails = ses.awaitMails(1, Duration.ofMinutes(1));
        assertEquals(List.of(new ReceivedMail("Backups <backup@example.com>", List.of("ops@example.com"),
                "Backup monitor results: my-host-backup", """
                The newest backup of every folder in my-host-backup:

                Not backed up in over 7 days:
                * 2030-06-08 07:00 UTC (7 days ago): my-host-backup/home
                * never backed up: my-host-backup/var/www

                Backed up within 7 days:
                * 2030-06-14 02:00 UTC (1 day ago): my-host-backup/etc
                * 2030-06-13 02:00 UTC (2 days ago): my-host-backup/srv/data
                """)), mails);
    }
}
