package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.Processes;
import io.github.duplicityunattended.testsupport.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar with {@code parallel: 2} and hooks, against real duplicity, gpg, sqlite3 and S3Proxy: the README's
 * SQLite example dumps a live database before its dir is backed up, every dir restores byte-identically, a failing
 * dir stops no other, and SIGTERM ends every running duplicity of the dirs backed up at once.
 */
class HooksAndParallelDirsIT extends RealBackupTest {

    /** A log line as the jar writes it outside systemd: one timestamp, at its start. */
    private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\S* (INFO|WARN|ERROR) .*");
    /** The paths of the README's SQLite example: the live database, and the dir backed up with its copy. */
    private static final String README_DATABASE = "/var/lib/app/app.sqlite";
    private static final String README_DUMPS = "/var/backups/app";
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

    /** Adds YAML lines under the entry of {@code source} in a config that {@link BackupEnvironment#config} wrote. */
    private static void underDir(Path config, Path source, String lines) throws Exception {
        String entry = "  - source: \"" + source + "\"\n    excludes: [\"**/*.tmp\"]\n";
        String yaml = Files.readString(config);
        assertTrue(yaml.contains(entry), yaml);
        Files.writeString(config, yaml.replace(entry, entry + lines));
    }

    /**
     * The command line of the README's SQLite hook, as a reader copies it, with this test's database and dump dir
     * in place of the example's paths.
     */
    private static String readmeSqliteHook(Path live, Path dumps) throws Exception {
        List<String> found = Files.readString(Path.of("README.md")).lines().map(String::strip)
                .filter(l -> l.startsWith("command: [\"sqlite3\"")).toList();
        assertEquals(1, found.size(), "the README's SQLite hooks: " + found);
        String line = found.get(0);
        assertTrue(line.contains(README_DATABASE) && line.contains("'" + README_DUMPS + "/app.sqlite'"), line);
        return line.replace(README_DATABASE, live.toString()).replace(README_DUMPS, dumps.toString());
    }

    private static String sqlite(Path db, String sql) throws Exception {
        Process p = new ProcessBuilder("sqlite3", db.toString(), sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return out.strip();
    }

    @Test
    void twoDirsAtOnceWithASqliteDumpBeforeOneRestoreByteIdenticallyAndAFailingDirStopsNoOther() throws Exception {
        Path work = workDir("parallel-hooks");
        Path live = work.resolve("app.sqlite");
        sqlite(live, "create table notes (id integer primary key, text text);"
                + " insert into notes (text) values ('first'), ('second'), ('third');");
        Path dumps = Files.createDirectories(work.resolve("db dumps"));
        Path files = Trees.sample(work.resolve("files"));
        Files.write(files.resolve("big.bin"), Trees.random(3 * 1024 * 1024, 11));
        Path missing = work.resolve("not there");
        Path afterLog = work.resolve("after.log");
        Path config = configFor(work, "parallel-hooks", List.of(dumps, missing, files), "parallel: 2\n");
        String after = "      - when: after\n        command: [\"sh\", \"-c\", \"echo \\\"$DUPLICITY_UNATTENDED_DIR"
                + " $DUPLICITY_UNATTENDED_STATUS\\\" >> '" + afterLog + "'\"]\n";
        underDir(config, dumps, "    hooks:\n      - when: before\n        " + readmeSqliteHook(live, dumps)
                + "\n        timeout: 5m\n" + after);
        underDir(config, missing, "    hooks:\n" + after);
        underDir(config, files, "    hooks:\n" + after);

        AppProcess.Result run = run(work, config, "--once", "--verbose");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.text().contains("Failed dirs: " + missing), run::toString);
        assertTrue(run.lines().stream().anyMatch(l -> l.contains("[" + dumps + "] before hook sqlite3 ok in")),
                run::toString);
        assertEquals(List.of(dumps + " ok", files + " ok", missing + " failed"),
                Files.readAllLines(afterLog).stream().sorted().toList());
        for (String line : run.lines()) {
            assertTrue(LOG_LINE.matcher(line).matches(), "not one whole log line: " + line);
            assertEquals(1, TIMESTAMP.matcher(line).results().count(), "two lines in one: " + line);
        }
        assertTrue(run.lines().stream().filter(l -> l.contains("Backup Statistics")).count() >= 2, run::toString);

        assertRestoresIdentically("parallel-hooks", files, work.resolve("restored files"));
        Path restoredDumps = work.resolve("restored dumps");
        assertRestoresIdentically("parallel-hooks", dumps, restoredDumps);
        assertEquals("first\nsecond\nthird", sqlite(restoredDumps.resolve("app.sqlite"),
                "select text from notes order by id;"));
    }

    @Test
    void sigtermEndsEveryRunningDuplicityOfTheDirsBackedUpAtOnceWithin30Seconds() throws Exception {
        Path work = workDir("parallel-sigterm");
        Path first = Trees.sample(work.resolve("first src"));
        Path second = Trees.sample(work.resolve("second src"));
        // duplicity's gpg, held until a file no one makes: both duplicity processes wait on it, mid-backup
        Path held = Files.createDirectories(work.resolve("held"));
        Path gpg = work.resolve("held-gpg");
        Files.writeString(gpg, "#!/bin/sh\ntouch '" + held + "'/$PPID\nwhile [ ! -e '" + work.resolve("release")
                + "' ]; do sleep 0.1; done\nexec gpg \"$@\"\n");
        gpg.toFile().setExecutable(true);
        Path config = configFor(work, "parallel-sigterm", List.of(first, second),
                "parallel: 2\nduplicity_options: [\"--gpg-binary\", \"" + gpg + "\"]\n");

        AppProcess app = AppProcess.start(work, Map.of(), "--config", config.toString(), "--once");
        Conditions.await(() -> {
            try (Stream<Path> pids = Files.list(held)) {
                return pids.count() >= 2 && !ShutdownAndLockingIT.duplicityProcesses(first).isEmpty()
                        && !ShutdownAndLockingIT.duplicityProcesses(second).isEmpty();
            }
        }, "both dirs' duplicity running, held in gpg");
        List<Long> duplicities;
        try (Stream<Path> pids = Files.list(held)) {
            duplicities = pids.map(p -> Long.parseLong(p.getFileName().toString())).toList();
        }

        long start = System.nanoTime();
        app.terminate();
        AppProcess.Result end = app.await(Duration.ofSeconds(30));
        Conditions.await(() -> ShutdownAndLockingIT.duplicityProcesses(first).isEmpty()
                && ShutdownAndLockingIT.duplicityProcesses(second).isEmpty()
                && duplicities.stream().noneMatch(Processes::running), "every duplicity to have ended");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        assertTrue(seconds < 30, "the jar and both duplicity processes ended only after " + seconds + " s");
        assertEquals(143, end.exitCode(), end::toString);
        assertTrue(end.text().contains("Backup run INTERRUPTED: the program was stopped; 0 of 2 dirs ok, 2 not"
                + " finished"), end::toString);
    }
}
