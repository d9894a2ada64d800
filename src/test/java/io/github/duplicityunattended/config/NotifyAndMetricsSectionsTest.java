package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotifyAndMetricsSectionsTest {

    private static final String SECRET = "f0e1d2c3-0000-4000-8000-00000000000a";

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    @Test
    void withoutTheSectionsNothingIsNotifiedNorMeasuredAndTheLogLevelIsNormal() throws Exception {
        Config config = f.load(valid());
        assertEquals(NotifyConfig.NONE, config.notifications());
        assertEquals(MetricsConfig.NONE, config.metrics());
        assertEquals(LogLevel.NORMAL, config.logLevel());
    }

    @Test
    void everyKeyOfTheNotifySectionIsRead() throws Exception {
        Config config = f.load(valid().set("notify", """
                ping:
                  backup: https://hc-ping.com/%s
                  check: http://kuma.example:3001/api/push/abc?status=up
                  success_only: true
                ntfy:
                  url: https://ntfy.sh/backups
                  token: tk_secret
                webhook:
                  url: https://chat.example.com/hooks/xyz
                  format: slack
                  events: all
                """.formatted(SECRET)));
        assertEquals(new NotifyConfig(Map.of("backup", URI.create("https://hc-ping.com/" + SECRET),
                "check", URI.create("http://kuma.example:3001/api/push/abc?status=up")), true,
                Optional.of(URI.create("https://ntfy.sh/backups")), Optional.of("tk_secret"),
                Optional.of(URI.create("https://chat.example.com/hooks/xyz")), NotifyConfig.WebhookFormat.SLACK, true),
                config.notifications());
    }

    @Test
    void aBadNotifyUrlIsReportedByItsPathWithoutQuotingTheSecret() {
        List<String> problems = f.problems(valid().set("notify", """
                ping:
                  backup: hc-ping.com/%s
                webhook:
                  url: https://user:%s@chat.example.com/hook
                  format: teams
                """.formatted(SECRET, SECRET)));
        assertEquals(List.of(
                f.problem("notify.ping.backup: must be an http:// or https:// URL with a host name"),
                f.problem("notify.webhook.url: must not contain a user or password"),
                f.problem("notify.webhook.format: must be json or slack, not 'teams'")), problems);
        assertFalse(problems.toString().contains(SECRET), problems::toString);
    }

    @Test
    void anUnknownPingJobIsAnUnknownKeyWithTheKnownOnes() {
        assertEquals(List.of(f.problem("notify.ping.bakup: unknown key (did you mean backup?)")),
                f.problems(valid().set("notify", "ping:\n  bakup: https://hc-ping.com/x")));
    }

    @Test
    void metricsListenAndTextfileAreRead() throws Exception {
        Config config = f.load(valid().set("metrics", "listen: \"[::1]:9464\"\ntextfile: node/backups.prom")
                .set("log_level", "verbose"));
        assertEquals(new MetricsConfig(Optional.of(new MetricsConfig.Listen("::1", 9464)),
                Optional.of(f.dir.resolve("node/backups.prom"))), config.metrics());
        assertEquals(LogLevel.VERBOSE, config.logLevel());
        assertEquals(Optional.of(new MetricsConfig.Listen("127.0.0.1", 0)),
                f.load(valid().set("metrics", "listen: 127.0.0.1:0")).metrics().listen());
    }

    @Test
    void badMetricsAndLogLevelAreReportedByTheirPaths() {
        assertEquals(List.of(
                f.problem("metrics.listen: must be HOST:PORT, such as 127.0.0.1:9464 or [::1]:9464, not '9464'"),
                f.problem("metrics.textfile: must end in .prom: node_exporter's textfile collector reads no other file"),
                f.problem("log_level: must be quiet, normal or verbose, not 'debug'")),
                f.problems(valid().set("metrics", "listen: 9464\ntextfile: " + Path.of("/tmp/metrics.txt"))
                        .set("log_level", "debug")));
    }
}
