package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentBackupsRouteTest extends MonitorRouteTestSupport {

    @Override
    String monitorSection() {
        return """
                sender: backup@example.com
                recipient: ops@example.com
                max_age_days: 10
                ignore_prefixes: [retired, /var/]
                """;
    }

    @Test
    void whenEveryFolderIsRecentNothingIsMailedAndOneLineIsLogged() throws Exception {
        MonitorReport report = template.requestBody("direct:monitor-check", (Object) null, MonitorReport.class);

        assertEquals(List.of(), ses.mails());
        assertEquals(List.of("INFO Checked my-host-backup: 3 folder(s) backed up within 10 days, 0 stale,"
                + " 0 never backed up (1143 object(s) listed)"), log.lines());
        assertEquals(List.of("my-host-backup/etc", "my-host-backup/home", "my-host-backup/srv/data"),
                report.folders().stream().map(FolderState::location).toList());
    }

    @Test
    void withNeitherAMetricsServerNorATextfileACheckRecordsNoMetrics() throws Exception {
        template.requestBody("direct:monitor-check", (Object) null, MonitorReport.class);

        String scraped = metrics.registry().scrape();
        assertFalse(scraped.contains("duplicity_unattended_monitor"), scraped);
        assertFalse(scraped.contains("newest_backup"), scraped);
    }
}
