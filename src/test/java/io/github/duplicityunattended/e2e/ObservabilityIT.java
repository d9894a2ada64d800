package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.ScriptedGpg;
import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.HttpReceiver;
import io.github.duplicityunattended.testsupport.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar's pings, webhook, ntfy messages, metrics and journal-native log, received by an HTTP server of
 * the test's own. duplicity is a stand-in script here (the flow is under test, not duplicity): /srv/broken
 * fails, /srv/ok succeeds, and with a file "hold" in the work dir a backup waits until the test removes it.
 */
class ObservabilityIT {

    static final String UUID = "0d6b2b8e-1111-4222-8333-444455556666";
    static final Pattern PRIORITY = Pattern.compile("^<[2-7]>");
    @TempDir
    Path dir;

    Path duplicity() throws Exception {
        Path exe = dir.resolve("duplicity");
        Files.writeString(exe, String.join("\n", "#!/bin/sh",
                "if [ \"$1\" = --version ]; then echo 'duplicity 0.8.22'; exit 0; fi",
                "while [ -e '" + dir.resolve("hold") + "' ]; do sleep 0.05; done",
                "case \"$*\" in *broken*) echo 'Backup source directory /srv/broken does not exist.'; exit 23;; esac",
                "echo '--------------[ Backup Statistics ]--------------'",
                "echo 'SourceFiles 4'", "echo 'NewFiles 1'", "echo 'RawDeltaSize 8 (8 bytes)'",
                "echo 'TotalDestinationSizeChange 600 (600 bytes)'", "echo 'Errors 0'", "exit 0", ""));
        exe.toFile().setExecutable(true);
        return exe;
    }

    /** The program's environment: a stand-in gpg that has the config's key, ahead of the real one on PATH. */
    Map<String, String> env(String... more) throws Exception {
        ScriptedGpg.create(Files.createDirectories(dir.resolve("bin")));
        Map<String, String> env = new java.util.HashMap<>(Map.of("PATH", dir.resolve("bin") + ":" + System.getenv("PATH")));
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    Path config(String base, String dirs, String more) throws Exception {
        Files.createDirectories(dir.resolve("node-exporter"));
        return Files.writeString(dir.resolve("config.yaml"), """
                gpg_key_id: 0123456789ABCDEF
                bucket_url: file://%s
                full_if_older_than: 1M
                archive_dir: %s
                duplicity_path: %s
                lock_wait: 1s
                backup_dirs:
                %s
                notify:
                  ping:
                    backup: %s/ping/%s
                  ntfy:
                    url: %s/ntfy/backups
                  webhook:
                    url: %s/hook/t0k3n
                    events: all
                metrics:
                  textfile: node-exporter/duplicity_unattended.prom
                %s
                """.formatted(dir.resolve("target"), dir.resolve("cache"), duplicity(), dirs.indent(2).stripTrailing(),
                base, UUID, base, base, more));
    }

    @Test
    void aFailedOneOffRunPingsStartAndFailPostsTheWebhookAndNtfyWritesTheTextfileAndLogsForTheJournal()
            throws Exception {
        try (HttpReceiver receiver = HttpReceiver.start()) {
            Path config = config(receiver.url(), "- source: /srv/ok\n- source: /srv/broken", "");

            AppProcess.Result run = AppProcess.run(dir, env("JOURNAL_STREAM", "8:12345"),
                    "--config", config.toString(), "--once");

            assertEquals(1, run.exitCode(), run::toString);
            assertEquals(List.of("/ping/" + UUID + "/start", "/ping/" + UUID + "/fail"),
                    receiver.requests().stream().map(HttpReceiver.Request::path).filter(p -> p.startsWith("/ping"))
                            .toList(), run::toString);
            String failBody = receiver.to("/ping/" + UUID + "/fail").get(0).body();
            assertTrue(failBody.startsWith("Backup run FAILED: 1 of 2 dirs ok, 1 failed"), failBody);
            assertTrue(failBody.contains("Backup source directory /srv/broken does not exist."), failBody);
            JsonObject hook = (JsonObject) Jsoner.deserialize(receiver.to("/hook/t0k3n").get(0).body());
            assertEquals("failed", hook.getString("status"));
            assertEquals(List.of(Map.of("dir", "/srv/ok", "status", "ok"), Map.of("dir", "/srv/broken", "status",
                    "failed")), hook.get("dirs"));
            JsonObject ntfy = (JsonObject) Jsoner.deserialize(receiver.to("/ntfy/").get(0).body());
            assertEquals("backups", ntfy.getString("topic"));
            assertEquals(4, ntfy.getInteger("priority"));

            PrometheusText metrics = PrometheusText.parse(Files.readString(dir.resolve(
                    "node-exporter/duplicity_unattended.prom")));
            assertEquals(1.0, metrics.value("duplicity_unattended_last_run_exit_status", Map.of()));
            assertEquals(600.0, metrics.value("duplicity_unattended_last_backup_stored_bytes", Map.of("dir", "/srv/ok")));
            assertEquals(23.0, metrics.value("duplicity_unattended_last_backup_exit_status", Map.of("dir", "/srv/broken")));

            List<String> logLines = run.lines();
            assertTrue(logLines.stream().allMatch(l -> PRIORITY.matcher(l).find()), run::toString);
            assertTrue(logLines.stream().noneMatch(l -> l.matches(".*\\d{2}:\\d{2}:\\d{2}.*")), run::toString);
            assertTrue(logLines.contains("<3>Backup run FAILED: 1 of 2 dirs ok, 1 failed, took "
                    + logLines.stream().filter(l -> l.startsWith("<3>Backup run FAILED")).findFirst().orElse("?")
                    .replaceFirst(".*took ", "")), run::toString);
        }
    }

    @Test
    void unreachableEndpointsLeaveTheExitStatusAndLogOneLineEachWithoutTheSecret() throws Exception {
        HttpReceiver gone = HttpReceiver.start();
        String base = gone.url();
        gone.close();
        Path config = config(base, "- source: /srv/ok", "log_level: quiet");

        AppProcess.Result run = AppProcess.run(dir, env(), "--config", config.toString(), "--once");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> errors = run.lines().stream().filter(l -> l.contains(" ERROR ")).toList();
        assertEquals(List.of("ping backup start", "ping backup success", "webhook"), errors.stream()
                .map(l -> l.replaceFirst(".*Could not send (.*) to http://127\\.0\\.0\\.1:\\d+/….*", "$1")).toList(),
                run::toString);
        assertFalse(run.text().contains(UUID), run::toString);
        assertFalse(run.text().contains("t0k3n"), run::toString);
        assertTrue(run.lines().stream().allMatch(l -> l.matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z .*")),
                run::toString);
    }

    @Test
    void theDaemonServesPrometheusMetricsAndHealthDuringAndAfterARun() throws Exception {
        Files.createFile(dir.resolve("hold"));
        try (HttpReceiver receiver = HttpReceiver.start()) {
            Path config = config(receiver.url(), "- source: /srv/ok\n- source: /srv/broken", """
                    schedule: "0/1 * * * * ?"
                    metrics:
                      listen: 127.0.0.1:0
                    """.replace("metrics:\n  listen", "metrics:\n  listen"));
            String yaml = Files.readString(config).replace("metrics:\n  textfile: node-exporter/duplicity_unattended.prom\n", "");
            Files.writeString(config, yaml);
            AppProcess daemon = AppProcess.start(dir, env(), "--config", config.toString());
            try {
                Conditions.await(() -> daemon.output().stream().anyMatch(l -> l.contains("Metrics at http://"))
                        || !daemon.process().isAlive(), "the daemon names its metrics URL");
                Matcher m = Pattern.compile("Metrics at (http://127\\.0\\.0\\.1:\\d+)/observe/metrics")
                        .matcher(String.join("\n", daemon.output()));
                assertTrue(m.find(), () -> String.join("\n", daemon.output()));
                String base = m.group(1);
                Conditions.await(() -> !receiver.to("/ping/" + UUID + "/start").isEmpty(), "a run started");

                PrometheusText during = PrometheusText.parse(get(base + "/observe/metrics").body());
                assertTrue(during.samples().stream().anyMatch(s -> s.name().startsWith("camel_")), "Camel's own too");
                assertEquals(200, get(base + "/observe/health").statusCode());

                Files.delete(dir.resolve("hold"));
                Conditions.await(() -> !receiver.to("/ping/" + UUID + "/fail").isEmpty(), "the run ended");
                Conditions.await(() -> get(base + "/observe/metrics").body()
                        .contains("duplicity_unattended_last_run_exit_status"), "the run's metrics");
                PrometheusText after = PrometheusText.parse(get(base + "/observe/metrics").body());
                assertEquals(List.of("/srv/broken", "/srv/ok"), after.labelValues(
                        "duplicity_unattended_last_backup_exit_status", "dir").stream().sorted().toList());
                HttpResponse<String> health = get(base + "/observe/health");
                assertEquals(503, health.statusCode(), health.body());
                assertTrue(health.body().contains("the last backup run failed (exit 1)"), health.body());
            } finally {
                daemon.terminate();
                daemon.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
