package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.PrometheusText;
import io.github.duplicityunattended.testsupport.RequestLog;
import io.github.duplicityunattended.testsupport.SesEmulator.ReceivedMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One check over three buckets: this host's, a second host's, and one that does not exist. */
class SeveralBucketsRouteTest extends MonitorRouteTestSupport {

    /** S3's answer for the bucket that does not exist, up to the request id it carries. */
    private static final String NO_SUCH_BUCKET = "The specified bucket does not exist (Service: S3, Status Code: 404";

    @Override
    String monitorSection() {
        return """
                sender: "Backups <backup@example.com>"
                recipient: ops@example.com
                ignore_prefixes: [retired]
                bucket:
                  - my-host-backup
                  - name: web1-backup
                    folders: [etc, srv/www, var/lib/mysql]
                  - no-such-bucket
                """;
    }

    /** The metrics are recorded: node_exporter reads them from a textfile. */
    @Override
    String moreConfig() {
        return "metrics:\n  textfile: " + dir.resolve("duplicity_unattended.prom") + "\n";
    }

    /** The text with S3's request id (and what follows it) left out of the unlisted bucket's line. */
    private static String withoutRequestId(String text) {
        return text.replaceAll("(Status Code: 404)[^\\n]*", "$1");
    }

    @Test
    void oneCheckMailsOneReportOfEveryBucketTheOneNotListedFirst() throws Exception {
        MonitorReport report = template.requestBody("direct:monitor-check", (Object) null, MonitorReport.class);

        List<ReceivedMail> mails = ses.awaitMails(1, Duration.ofSeconds(5));
        assertEquals(1, mails.size(), mails.toString());
        assertEquals(new ReceivedMail("Backups <backup@example.com>", List.of("ops@example.com"),
                "Missing recent backups: 3 buckets", """
                Some backups in 3 buckets are missing or older than 7 days, or could not be listed. Please check them.

                Could not be listed (their backups were not checked):
                * no-such-bucket: The specified bucket does not exist (Service: S3, Status Code: 404

                Not backed up in over 7 days:
                * 2030-06-08 07:00 UTC (7 days ago): my-host-backup/home
                * never backed up: my-host-backup/var/www
                * 2030-06-03 08:00 UTC (12 days ago): web1-backup/srv/www
                * never backed up: web1-backup/var/lib/mysql

                Backed up within 7 days:
                * 2030-06-14 02:00 UTC (1 day ago): my-host-backup/etc
                * 2030-06-13 02:00 UTC (2 days ago): my-host-backup/srv/data
                * 2030-06-14 06:00 UTC (1 day ago): web1-backup/etc
                """), new ReceivedMail(mails.get(0).from(), mails.get(0).to(), mails.get(0).subject(),
                withoutRequestId(mails.get(0).text())));
        assertTrue(report.unlisted().get(0).failure().orElseThrow().startsWith(NO_SUCH_BUCKET), report.toString());
    }

    @Test
    void everyBucketIsListedPageByPageAndNoObjectIsRead() throws Exception {
        template.requestBody("direct:monitor-check", (Object) null);

        Map<String, Long> listsByBucket = requests.all().stream().filter(RequestLog.Request::isList)
                .collect(Collectors.groupingBy(r -> r.uri().replaceFirst("^[a-z]+://[^/]+/", "")
                        .replaceFirst("\\?.*", ""), Collectors.counting()));
        assertEquals(Map.of("my-host-backup", 2L, "web1-backup", 1L, "no-such-bucket", 1L), listsByBucket,
                requests.all().toString());
        assertEquals(0, requests.objectGets(), "object GETs: " + requests.all());
        assertEquals(requests.lists(), requests.all().size(), "nothing but list requests: " + requests.all());
    }

    @Test
    void theLogSaysInOneLineWhatTheCheckFoundInEveryBucket() throws Exception {
        template.requestBody("direct:monitor-check", (Object) null);

        assertEquals(List.of("INFO Checked 3 buckets: 3 folder(s) backed up within 7 days, 2 stale, 2 never backed up,"
                + " 1 of 3 bucket(s) not listed (1153 object(s) listed)",
                "INFO Mailed 'Missing recent backups: 3 buckets' to ops@example.com"), log.lines());
    }

    @Test
    void theMetricsHaveEveryBucketAndFolderNamesThatStartWithTheirBucket() throws Exception {
        template.requestBody("direct:monitor-check", (Object) null);

        PrometheusText scraped = PrometheusText.parse(metrics.registry().scrape());
        Function<String, Map<String, String>> bucket = name -> Map.of("bucket", name);
        assertEquals(List.of(1.0, 1.0, 0.0), List.of(
                scraped.value("duplicity_unattended_monitor_bucket_listed", bucket.apply("my-host-backup")),
                scraped.value("duplicity_unattended_monitor_bucket_listed", bucket.apply("web1-backup")),
                scraped.value("duplicity_unattended_monitor_bucket_listed", bucket.apply("no-such-bucket"))));
        assertEquals(List.of(1143.0, 10.0), List.of(
                scraped.value("duplicity_unattended_monitor_bucket_objects", bucket.apply("my-host-backup")),
                scraped.value("duplicity_unattended_monitor_bucket_objects", bucket.apply("web1-backup"))));
        assertEquals(List.of("my-host-backup/etc", "my-host-backup/home", "my-host-backup/srv/data",
                "web1-backup/etc", "web1-backup/srv/www"),
                scraped.labelValues("duplicity_unattended_monitor_newest_backup_timestamp_seconds", "folder")
                        .stream().sorted().toList());
        assertEquals(0.0, scraped.value("duplicity_unattended_monitor_last_check_success", Map.of()),
                "a bucket could not be listed");
    }
}
