package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules for the single values of the config, one key after another. */
class ConfigValuesTest {

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    private void assertRefused(String key, String value, String problem) {
        assertEquals(List.of(f.problem(key + ": " + problem)), f.problems(valid().set(key, value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup@example.com", "1e10", "ABCD 1234", "0x123456", "0123456789", "GHIJKLMN"})
    void aKeyIdThatDuplicityWouldRefuseIsRefused(String keyId) {
        assertRefused("gpg_key_id", "'" + keyId + "'", "must be a key id or fingerprint of 8, 16 or 40 hex digits"
                + " as duplicity requires (gpg --list-keys --keyid-format long shows it), not '" + keyId + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS", "GCP", "azure", "s3"})
    void anyCloudButAwsOrGcpIsRefused(String cloud) {
        assertRefused("cloud", cloud, "must be aws or gcp, not '" + cloud + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3+http://my-host-backup", "s3+http://my-host-backup/host1/", "boto3+s3://bucket/a/b",
        "s3://bucket", "file:///srv/backups", "s3+http://bucket/user@host"})
    void aDuplicityUrlIsAcceptedAsWritten(String url) throws Exception {
        assertEquals(url, f.load(valid().set("bucket_url", url)).bucketUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-host-backup", "s3+http://", "/srv/backups", "3s://bucket"})
    void aBucketUrlWithoutSchemeIsRefused(String url) {
        assertRefused("bucket_url", url, "must be a duplicity URL such as s3+http://my-bucket, not '" + url + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3+http:///prefix", "boto3+s3:///"})
    void anS3UrlWithoutBucketIsRefused(String url) {
        assertRefused("bucket_url", url, "names no bucket: write it right after the scheme, as in s3+http://my-bucket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3+http://AKIAEXAMPLE:hunter2secret@my-host-backup", "AKIAEXAMPLE:hunter2secret@bucket/x"})
    void credentialsInTheBucketUrlAreRefusedWithoutQuotingThem(String url) {
        List<String> problems = f.problems(valid().set("bucket_url", url));
        assertEquals(List.of(f.problem("bucket_url: must not contain credentials; put them in aws_config_file")),
                problems);
        assertFalse(problems.toString().contains("hunter2secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1M", "7D", "2W", "1Y", "12h", "90s", "30m", "1h30m", "1M2W", "now", "1700000000",
        "2024-01-31", "2024/1/31", "2024-01-31T02:00:00Z", "2024-01-31T02:00:00+02:00", "01/31/2024"})
    void everyDuplicityTimeFormIsAcceptedForFullIfOlderThan(String time) throws Exception {
        assertEquals(time, f.load(valid().set("full_if_older_than", time)).fullIfOlderThan());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7d", "1w", "1 month", "1.5M", "M", "-1D", "monthly", "2024-13"})
    void anythingElseIsRefusedForFullIfOlderThan(String time) {
        assertRefused("full_if_older_than", time, "must be a duplicity time such as 7D, 2W or 1M"
                + " (units s, m, h, D, W, M, Y; m is minutes, M is months), not '" + time + "'");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "'\"3\"', 3", "+4, 4"})
    void removeAllButNFullIsAWholeNumber(String text, int n) throws Exception {
        assertEquals(OptionalInt.of(n), f.load(valid().set("remove_all_but_n_full", text)).removeAllButNFull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "two", "2.5", "99999999999"})
    void removeAllButNFullBelowOneOrNotANumberIsRefused(String text) {
        assertRefused("remove_all_but_n_full", text, "must be a whole number of at least 1, not '" + text + "'");
    }

    @Test
    void removeAllButNFullWithoutValueMeansNeverPurge() throws Exception {
        assertEquals(OptionalInt.empty(), f.load(valid().set("remove_all_but_n_full", "")).removeAllButNFull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 2 * * ?", "0 30 3 ? * MON-FRI", "0 0 */6 * * ?", "0 15 1 L * ?"})
    void aQuartzCronScheduleIsAccepted(String cron) throws Exception {
        assertEquals(cron, f.load(valid().set("schedule", "\"" + cron + "\"")).schedule());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 2 * * *|Unexpected end of expression.",
        "0 0 2 * * *|Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.",
        "0 0 25 * * ?|Hour values must be between 0 and 23",
        "daily|Illegal characters for this position: 'DAI'"})
    void aScheduleThatIsNotQuartzCronIsRefusedWithAnExample(String cron, String quartz) {
        assertRefused("schedule", "\"" + cron + "\"", "is not a quartz cron expression (" + quartz
                + "); it has six fields, seconds first: \"0 0 2 * * ?\" is daily at 02:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3_endpoint_url", "ses_endpoint_url"})
    void anEndpointIsAnHttpOrHttpsUrl(String key) throws Exception {
        Config http = f.load(valid().set(key, "http://localhost:9000"));
        Config https = f.load(valid().set(key, "https://s3.eu-west-1.amazonaws.com/"));
        assertEquals(List.of(Optional.of(URI.create("http://localhost:9000")),
                Optional.of(URI.create("https://s3.eu-west-1.amazonaws.com/"))),
                key.startsWith("s3") ? List.of(http.s3EndpointUrl(), https.s3EndpointUrl())
                        : List.of(http.sesEndpointUrl(), https.sesEndpointUrl()));
    }

    @ParameterizedTest
    @CsvSource({
        "s3_endpoint_url, ftp://files.example.com", "s3_endpoint_url, localhost:9000",
        "s3_endpoint_url, http://", "ses_endpoint_url, https://bad host",
        "ses_endpoint_url, email.eu-west-1.amazonaws.com"})
    void anEndpointThatIsNoHttpUrlIsRefused(String key, String url) {
        assertRefused(key, url, "must be an http:// or https:// URL with a host name, not '" + url + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3_endpoint_url", "ses_endpoint_url"})
    void anEndpointWithUserOrPasswordIsRefusedWithoutQuotingIt(String key) {
        List<String> problems = f.problems(valid().set(key, "https://minio:hunter2secret@s3.example.com"));
        assertEquals(List.of(f.problem(key + ": must not contain a user or password; put credentials in"
                + " aws_config_file")), problems);
        assertEquals(List.of(f.problem(key + ": must be an http:// or https:// URL with a host name")),
                f.problems(valid().set(key, "ftp://minio:hunter2secret@s3.example.com:x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1", "us-east-1", "us-gov-west-1", "ap-southeast-4", "cn-north-1"})
    void anAwsRegionIsAccepted(String region) throws Exception {
        assertEquals(Optional.of(region), f.load(valid().set("aws_region", region)).awsRegion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe", "eu-west", "EU-WEST-1", "garage"})
    void anythingButAnAwsRegionIsRefusedForAws(String region) {
        assertRefused("aws_region", region, "must be an AWS region such as eu-west-1, not '" + region + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garage", "default", "us-east-1", "zone_a"})
    void anS3CompatibleStoreMayNameItsRegionFreely(String region) throws Exception {
        Config config = f.load(valid().set("s3_endpoint_url", "http://garage.lan:3900").set("aws_region", region));
        assertEquals(Optional.of(region), config.awsRegion());
    }

    @Test
    void anS3CompatibleRegionIsStillOneWord() {
        assertEquals(List.of(f.problem("aws_region: must be one word of letters, digits, - and _, not 'my region'")), f.problems(valid().set("s3_endpoint_url", "http://minio:9000")
                        .set("aws_region", "my region")));
    }

    @ParameterizedTest
    @CsvSource({"timeout, 90s, PT1M30S", "timeout, 1h30m, PT1H30M", "lock_wait, 2D, PT48H", "lock_wait, 45m, PT45M"})
    void timeoutAndLockWaitAreDurations(String key, String text, Duration expected) throws Exception {
        Config config = f.load(valid().set(key, text));
        assertEquals(expected, key.equals("timeout") ? config.timeout() : config.lockWait());
    }

    @ParameterizedTest
    @CsvSource({"timeout, 1M", "timeout, soon", "lock_wait, 10", "lock_wait, 99999999999999999999d",
        "timeout, 1.5h"})
    void aDurationThatIsNotOneIsRefused(String key, String text) {
        assertRefused(key, text, "must be a duration such as 90s, 45m, 6h, 1d or 1h30m, not '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeout", "lock_wait"})
    void aDurationOfZeroIsRefused(String key) {
        assertRefused(key, "0s", "must be longer than zero");
    }

    @Test
    void duplicityOptionsAreAListOfStringsKeptInOrder() throws Exception {
        assertEquals(List.of("--volsize", "250", "--asynchronous-upload"),
                f.load(valid().set("duplicity_options", "[\"--volsize\", 250, --asynchronous-upload]"))
                        .duplicityOptions());
    }

    @Test
    void duplicityOptionsThatAreNoListOfStringsAreRefused() {
        assertRefused("duplicity_options", "--volsize 250", "must be a list, not a value");
        assertEquals(List.of(
                f.problem("duplicity_options[1]: must not be empty"),
                f.problem("duplicity_options[2]: must be a single value, not a mapping")),
                f.problems(valid().set("duplicity_options", "- --volsize\n-\n- {size: 250}")));
    }

    @Test
    void duplicityPathIsANameOnPathOrAPath() throws Exception {
        assertEquals("duplicity-2", f.load(valid().set("duplicity_path", "duplicity-2")).duplicityPath());
        assertEquals("/opt/duplicity/bin/duplicity",
                f.load(valid().set("duplicity_path", "/opt/duplicity/bin/duplicity")).duplicityPath());
        assertEquals(f.dir.resolve("venv/bin/duplicity").toString(),
                f.load(valid().set("duplicity_path", "venv/bin/duplicity")).duplicityPath());
    }
}
