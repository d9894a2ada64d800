package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MonitorSectionTest {

    /** The problem of a sender without recipient, or the other way round. */
    static final String RECIPIENT_REQUIRED = "monitor.recipient: is required when monitor.sender is set"
            + " (set both to mail reports, or neither to log them)";
    static final String SENDER_REQUIRED = "monitor.sender: is required when monitor.recipient is set"
            + " (set both to mail reports, or neither to log them)";
    private static final String MAIL = "sender: Backups <backup@example.com>\nrecipient: ops@example.com";

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    private MonitorConfig load(String monitor) throws ConfigException {
        return f.monitor(monitor);
    }

    private List<String> problemsOf(String monitor) {
        return f.monitorProblems(monitor);
    }

    private static final List<MonitorConfig.Bucket> HOST_BUCKET = List.of(MonitorConfig.Bucket.named("my-host-backup"));

    @Test
    void withoutSenderAndRecipientReportsGoToTheLog() throws Exception {
        MonitorConfig monitor = load("max_age_days: 3");
        assertEquals(new MonitorConfig(HOST_BUCKET, Optional.empty(), List.of(), 3, "0 0 8 * * ?", List.of(), 8),
                monitor);
        assertFalse(monitor.mailsReports());
    }

    @Test
    void anEmptySectionIsTheDefaults() throws Exception {
        MonitorConfig defaults = new MonitorConfig(HOST_BUCKET, Optional.empty(), List.of(), 7, "0 0 8 * * ?",
                List.of(), 8);
        assertEquals(defaults, load("{}"));
        assertEquals(defaults, load(""));
    }

    @Test
    void everyKeyOfTheSectionIsRead() throws Exception {
        MonitorConfig monitor = load(MAIL + """

                bucket: other-bucket
                max_age_days: 2
                schedule: 0 0 9 ? * MON-FRI
                ignore_prefixes: [retired/host]
                list_threads: 3
                """);
        assertEquals(new MonitorConfig(List.of(MonitorConfig.Bucket.named("other-bucket")),
                Optional.of("Backups <backup@example.com>"), List.of("ops@example.com"), 2, "0 0 9 ? * MON-FRI",
                List.of("retired/host"), 3), monitor);
        assertTrue(monitor.mailsReports());
    }

    @ParameterizedTest
    @CsvSource({"s3+http://my-host-backup/host1, my-host-backup", "boto3+s3://b2/x/y, b2", "s3://b3, b3"})
    void theBucketDefaultsToTheBucketOfBucketUrl(String url, String bucket) throws Exception {
        assertEquals(List.of(MonitorConfig.Bucket.named(bucket)), f.load(valid().set("bucket_url", url)).monitor()
                .buckets());
    }

    @Test
    void aFileUrlHasNoBucketToDefaultTo() throws Exception {
        assertEquals(List.of(), f.load(valid().set("bucket_url", "file:///srv/backups")).monitor().buckets());
    }

    @Test
    void aSenderWithoutRecipientIsRefused() {
        assertEquals(List.of(f.problem(RECIPIENT_REQUIRED)), problemsOf("sender: backup@example.com"));
    }

    @Test
    void aRecipientWithoutSenderIsRefused() {
        assertEquals(List.of(f.problem(SENDER_REQUIRED)), problemsOf("recipient: ops@example.com"));
    }

    @Test
    void theRecipientMayBeAList() throws Exception {
        assertEquals(List.of("ops@example.com", "Alice <alice@example.com>"),
                load("sender: backup@example.com\nrecipient:\n  - ops@example.com\n  - Alice <alice@example.com>")
                        .recipients());
    }

    @Test
    void aRecipientThatIsAMappingIsRefused() {
        assertEquals(List.of(
                f.problem("monitor.recipient: must be a single value or a list, not a mapping"),
                f.problem(RECIPIENT_REQUIRED)),
                problemsOf("sender: backup@example.com\nrecipient: {to: ops@example.com}"));
    }

    @Test
    void aBadRecipientInAListIsNamedByItsPlaceInTheList() {
        assertEquals(List.of(
                f.problem("monitor.recipient[0]: must not be empty"),
                f.problem("monitor.recipient[1]: must be an e-mail address such as backup@example.com or"
                        + " \"Backups <backup@example.com>\", not 'ops'")),
                problemsOf("sender: backup@example.com\nrecipient: ['', ops, ops@example.com]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup@example.com", "Backups <backup@example.com>", "<backup@example.com>",
        "root@localhost", "\"Host, Backups\" <backup+host1@mail.example.com>"})
    void anEmailAddressMayCarryADisplayName(String address) throws Exception {
        MonitorConfig monitor = load("sender: '" + address + "'\nrecipient: '" + address + "'");
        assertEquals(List.of(Optional.of(address), List.of(address)), List.of(monitor.sender(), monitor.recipients()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup", "backup@", "@example.com", "back up@example.com", "Backups <backup@example.com",
        "a@b@c", "Backups backup@example.com"})
    void anythingThatIsNoEmailAddressIsRefused(String address) {
        String what = ": must be an e-mail address such as backup@example.com or \"Backups <backup@example.com>\","
                + " not '" + address + "'";
        assertEquals(List.of(f.problem("monitor.sender" + what), f.problem("monitor.recipient" + what)),
                problemsOf("sender: '" + address + "'\nrecipient: '" + address + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "week", "1.5"})
    void maxAgeDaysBelowOneOrNotANumberIsRefused(String days) {
        assertEquals(List.of(f.problem("monitor.max_age_days: must be a whole number of at least 1, not '" + days
                + "'")), problemsOf("max_age_days: " + days));
    }

    @Test
    void theMonitorScheduleIsAQuartzCronExpression() {
        assertEquals(List.of(f.problem("monitor.schedule: is not a quartz cron expression (Unexpected end of"
                + " expression.); it has six fields, seconds first: \"0 0 2 * * ?\" is daily at 02:00")),
                problemsOf("schedule: 0 8 * * *"));
    }

    @Test
    void ignoredPrefixesLoseLeadingAndTrailingSlashes() throws Exception {
        assertEquals(List.of("etc", "home/alice", "var/lib/old"),
                load("ignore_prefixes: [/etc/, //home/alice//, var/lib/old]").ignorePrefixes());
    }

    @Test
    void aMonitorThatIsNoMappingIsRefused() {
        assertEquals(List.of(f.problem("monitor: must be a mapping of keys to values, not a list")),
                problemsOf("- sender: backup@example.com"));
    }

    @Test
    void anUnknownMonitorKeySuggestsTheClosestOne() {
        assertEquals(List.of(
                f.problem("monitor.recipients: unknown key (did you mean recipient?)"),
                f.problem(RECIPIENT_REQUIRED)),
                problemsOf("sender: backup@example.com\nrecipients: [ops@example.com]"));
    }
}
