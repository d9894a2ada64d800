package io.github.duplicityunattended.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.run.RunReport;
import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.LogCapture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code parallel: 2} in routes/backup.camel.yaml, with a duplicity that holds each backup until the test releases
 * it: two dirs are seen running at once without any guess about timing.
 */
class ParallelDirsRouteTest extends BackupRouteTestSupport {

    HookScripts hooks;

    @Override
    Path duplicityPath() throws Exception {
        hooks = HookScripts.in(tmp);
        return hooks.heldDuplicity(duplicity.executable());
    }

    @Override
    String extraConfig() {
        return "parallel: 2\n";
    }

    @Override
    String backupDirs() {
        StringBuilder dirs = new StringBuilder();
        for (String name : List.of("one", "broken", "three")) {
            dirs.append("  - source: /srv/").append(name).append("\n    hooks:\n")
                    .append(hooks.hook("      ", "after", "after-" + name));
        }
        return dirs.toString();
    }

    private CompletableFuture<Object> runInBackground() {
        return template.asyncRequestBody("direct:backup-run", (Object) null);
    }

    @Test
    void twoDirsAreBackedUpAtOnceAFailingOneStopsNoOtherAndTheSummaryKeepsConfigOrder() throws Exception {
        notices();
        CompletableFuture<Object> running = runInBackground();
        Conditions.await(() -> hooks.started("one") && hooks.started("broken"), "two dirs running at once");
        assertFalse(hooks.started("three"), "a third dir started while two ran");
        hooks.release("broken");
        Conditions.await(() -> hooks.started("three"), "the third dir in the failed one's place");
        hooks.release("all");
        RunReport report = (RunReport) running.get(60, TimeUnit.SECONDS);

        assertEquals(1, report.exitCode());
        assertEquals(List.of("/srv/broken"), report.failedDirs());
        List<String> lines = report.lines();
        assertTrue(lines.get(1).startsWith("[/srv/one] ok in ") && lines.get(1).endsWith("; purge ok"), lines::toString);
        assertTrue(lines.get(2).startsWith("[/srv/broken] FAILED after "), lines::toString);
        assertTrue(lines.get(3).startsWith("[/srv/three] ok in ") && lines.get(3).endsWith("; purge ok"),
                lines::toString);
        List<String> events = hooks.events();
        assertTrue(events.containsAll(List.of("after-broken dir=/srv/broken status=failed",
                "purge boto3+s3://my-host-backup/srv/one", "purge boto3+s3://my-host-backup/srv/three")),
                events::toString);
        assertTrue(events.indexOf("backup /srv/three") < events.indexOf("purge boto3+s3://my-host-backup/srv/one"),
                "purges start after every backup: " + events);
    }

    @Test
    void everyLineADirsThreadLogsCarriesThatDir() throws Exception {
        notices();
        hooks.release("all");
        try (LogCapture log = LogCapture.console()) {
            runInBackground().get(60, TimeUnit.SECONDS);
            Pattern own = Pattern.compile("^\\[(/srv/\\w+)\\] (working on (/srv/\\w+)|hook after-(\\w+) says hello)$");
            int checked = 0;
            for (String line : log.texts()) {
                Matcher m = own.matcher(line);
                if (line.contains("working on") || line.contains("says hello")) {
                    assertTrue(m.matches(), "a line without its dir: " + line);
                    String named = m.group(3) != null ? m.group(3) : "/srv/" + m.group(4);
                    assertEquals(m.group(1), named, "a line under another dir's prefix: " + line);
                    checked++;
                }
            }
            assertEquals(6, checked, log.texts()::toString);
        }
    }

    @Test
    void stoppingTheProgramEndsEveryRunningBackupAndTheAfterHooksStillRun() throws Exception {
        notices();
        CompletableFuture<Object> running = runInBackground();
        Conditions.await(() -> hooks.started("one") && hooks.started("broken") && backup.executor().runningCount() == 2,
                "two backups running");
        backup.executor().stop();
        RunReport report = (RunReport) running.get(60, TimeUnit.SECONDS);

        assertEquals(143, report.exitCode());
        assertEquals(0, backup.executor().runningCount());
        assertTrue(report.lines().get(1).startsWith("[/srv/one] INTERRUPTED after "), report.lines()::toString);
        assertEquals("[/srv/three] INTERRUPTED: not started, the program was stopping; not purged",
                report.lines().get(3));
        assertTrue(hooks.events().containsAll(List.of("after-one dir=/srv/one status=interrupted",
                "after-broken dir=/srv/broken status=interrupted", "after-three dir=/srv/three status=interrupted")),
                hooks.events()::toString);
        assertFalse(hooks.events().stream().anyMatch(e -> e.startsWith("purge")), hooks.events()::toString);
    }
}
