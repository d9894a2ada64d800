package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityCommands;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.run.BackupRun;
import io.github.duplicityunattended.exec.CommandOutput;
import io.github.duplicityunattended.run.DirStep;
import io.github.duplicityunattended.run.DirSteps;
import io.github.duplicityunattended.run.RunReport;
import io.github.duplicityunattended.testsupport.MonitorConfigs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.exec.ExecCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureNoticeTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    /**
     * The report of a run, ended at the clock's instant, in which the first configured dir was backed up and the
     * second failed (duplicity exits 23 after printing {@code lines} lines); any further dirs were not backed up.
     */
    static RunReport failedRun(Config config, int lines, Clock clock) {
        DirSteps steps = new DirSteps(new DuplicityCommands(config, new DuplicityVersion(0, 8, 22), false), clock);
        BackupRun run = new BackupRun(config.backupDirs(), OptionalInt.empty(), false, clock.instant().minusSeconds(75));
        DirStep etc = steps.start(run, config.backupDirs().get(0), DirStep.Action.BACKUP);
        steps.finished(run, etc, output(0, List.of("Errors 0")));
        DirStep data = steps.start(run, config.backupDirs().get(1), DirStep.Action.BACKUP);
        steps.finished(run, data, output(23, IntStream.rangeClosed(1, lines).mapToObj(i -> "line " + i).toList()));
        return RunReport.of(run, clock.instant());
    }

    private static CommandOutput output(int exit, List<String> tail) {
        ExecCommand duplicity = new ExecCommand("duplicity", List.of(), null, 1000L, null, null, null, false,
                LoggingLevel.OFF);
        return new CommandOutput(duplicity, exit, tail, List.of(), false);
    }

    static Config config(Path dir) throws Exception {
        return MonitorConfigs.load(dir, MonitorConfigs.host(dir, "s3+http://my-host-backup", ""));
    }

    @Test
    void theNoticeNamesTheHostAndHoldsTheSummaryAndTheLastLinesOfEachFailedDir() throws Exception {
        RunReport report = failedRun(config(dir), 50, CLOCK);

        Mail mail = new FailureNotice("web1").mail(report);

        List<String> expected = new ArrayList<>(List.of(
                "Backup run FAILED: 1 of 2 dirs ok, 1 failed, took 1m 15s",
                "[/etc] ok in 0.0s",
                "[/srv/data] FAILED after 0.0s: exit 23: line 50",
                "Failed dirs: /srv/data"));
        expected.add("");
        expected.add("Last 40 line(s) of the backup of /srv/data:");
        IntStream.rangeClosed(11, 50).forEach(i -> expected.add("  line " + i));
        assertEquals(new Mail("Backup failed: web1", String.join("\n", expected) + "\n"), mail);
    }

    @Test
    void aShortOutputIsQuotedWhole() throws Exception {
        String text = new FailureNotice("web1").mail(failedRun(config(dir), 2, CLOCK)).text();

        assertEquals("""
                Failed dirs: /srv/data

                Last 2 line(s) of the backup of /srv/data:
                  line 1
                  line 2
                """, text.substring(text.indexOf("Failed dirs:")));
    }
}
