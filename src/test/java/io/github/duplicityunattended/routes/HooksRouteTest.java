package io.github.duplicityunattended.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.run.RunReport;
import io.github.duplicityunattended.testsupport.LogCapture;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** Hooks of the run and of each dir in routes/backup.camel.yaml: when each runs, what it is told, what it fails. */
class HooksRouteTest extends BackupRouteTestSupport {

    HookScripts hooks;

    @Override
    Path duplicityPath() throws Exception {
        hooks = HookScripts.in(tmp);
        hooks.release("all");
        return hooks.heldDuplicity(duplicity.executable());
    }

    @Override
    String extraConfig() {
        return "hooks:\n" + hooks.hook("  ", "before_run", "before_run") + hooks.hook("  ", "after_run", "after_run")
                + hooks.hook("  ", "on_failure", "on_failure");
    }

    @Override
    String backupDirs() {
        return "  - source: /srv/db\n    hooks:\n" + hooks.hook("      ", "before", "dump")
                + hooks.hook("      ", "before", "check-dump") + hooks.hook("      ", "after", "remove-dump")
                + "  - source: /srv/app\n    hooks:\n" + hooks.hook("      ", "before", "stop-app")
                + hooks.hook("      ", "after", "start-app");
    }

    private RunReport run() {
        return (RunReport) template.requestBody("direct:backup-run", (Object) null);
    }

    @Test
    void theHooksRunAroundTheirDirsAndTheRunInOrderAndAreToldHowItWent() throws Exception {
        notices();
        RunReport report = run();

        assertEquals(0, report.exitCode(), report.lines()::toString);
        assertEquals(List.of(
                "before_run dir= status=",
                "dump dir=/srv/db status=",
                "check-dump dir=/srv/db status=",
                "backup /srv/db",
                "remove-dump dir=/srv/db status=ok",
                "stop-app dir=/srv/app status=",
                "backup /srv/app",
                "start-app dir=/srv/app status=ok",
                "purge boto3+s3://my-host-backup/srv/db",
                "purge boto3+s3://my-host-backup/srv/app",
                "after_run dir= status=ok"), hooks.events());
        assertTrue(hooks.summary("after_run").startsWith("Backup run finished: 2 of 2 dirs ok, 0 failed"),
                hooks.summary("after_run"));
    }

    @Test
    void aFailedBeforeHookSkipsTheHooksAfterItAndTheBackupButNotTheAfterHooksNorTheOtherDirs() throws Exception {
        hooks.fail("dump");
        MockEndpoint notices = notices();
        notices.expectedMessageCount(1);
        RunReport report = run();

        assertEquals(List.of(
                "before_run dir= status=",
                "dump dir=/srv/db status=",
                "remove-dump dir=/srv/db status=failed",
                "stop-app dir=/srv/app status=",
                "backup /srv/app",
                "start-app dir=/srv/app status=ok",
                "purge boto3+s3://my-host-backup/srv/app",
                "after_run dir= status=failed",
                "on_failure dir= status=failed"), hooks.events());
        notices.assertIsSatisfied();
        assertEquals(report, notices.getExchanges().get(0).getIn().getBody());
        assertEquals(List.of("/srv/db"), report.failedDirs());
        assertEquals("[/srv/db] FAILED: before hook 1 hook.sh: exit 3: dump failed on purpose; not backed up",
                report.lines().get(1));
        assertEquals(List.of(new RunReport.Detail("Last 2 line(s) of the before hook 1 hook.sh of /srv/db:",
                List.of("hook dump says hello", "dump failed on purpose"))), report.details());
        assertTrue(hooks.summary("on_failure").contains("[/srv/db] FAILED: before hook 1 hook.sh: exit 3"),
                hooks.summary("on_failure"));
    }

    @Test
    void aFailedBeforeRunHookBacksUpNoDirYetTheAfterRunAndOnFailureHooksRun() throws Exception {
        hooks.fail("before_run");
        notices();
        RunReport report = run();

        assertEquals(List.of("before_run dir= status=", "after_run dir= status=failed", "on_failure dir= status=failed"),
                hooks.events());
        assertEquals(List.of(), duplicity.calls());
        assertEquals(List.of("/srv/db", "/srv/app"), report.failedDirs());
        assertTrue(report.lines().contains("before_run hook hook.sh FAILED: exit 3: before_run failed on purpose;"
                + " no dir was backed up"), report.lines()::toString);
    }

    @Test
    void aFailedAfterHookFailsTheRunAndKeepsItsDirFromThePurge() throws Exception {
        hooks.fail("start-app");
        notices();
        RunReport report = run();

        assertEquals(1, report.exitCode());
        assertEquals(List.of("/srv/app"), report.failedDirs());
        assertTrue(hooks.events().contains("purge boto3+s3://my-host-backup/srv/db"));
        assertTrue(hooks.events().stream().noneMatch(e -> e.equals("purge boto3+s3://my-host-backup/srv/app")),
                hooks.events()::toString);
    }

    @Test
    void aHooksOutputIsLoggedWithItsDirAndARunHooksWithItsMoment() throws Exception {
        notices();
        try (LogCapture log = LogCapture.console()) {
            run();
            List<String> lines = log.texts();
            assertTrue(lines.contains("[/srv/app] hook stop-app says hello"), lines::toString);
            assertTrue(lines.contains("[/srv/app] before hook hook.sh started"), lines::toString);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("[/srv/app] after hook hook.sh ok in ")),
                    lines::toString);
            assertTrue(lines.contains("[before_run] hook before_run says hello"), lines::toString);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Backup run finished")), "the summary has no prefix");
        }
    }
}
