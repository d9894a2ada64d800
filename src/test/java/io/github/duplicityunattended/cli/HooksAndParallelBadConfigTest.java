package io.github.duplicityunattended.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in hooks and {@code parallel} at the edge, run in this JVM through the launcher: exit code 2, each
 * mistake by its dotted path, no stack trace, and no backup started (the duplicity named does not exist).
 */
class HooksAndParallelBadConfigTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String yaml, String... args) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, yaml);
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("HOME", dir.toString())).run(all);
    }

    private static final String VALID = """
            gpg_key_id: 0302EC6D2613E4936532366CB48526BB511A0E34
            bucket_url: file:///var/backups/nowhere
            full_if_older_than: 1M
            duplicity_path: /nonexistent/duplicity
            """;

    @Test
    void aHookThatIsNotAListOfStringsAnEmptyArgvAndParallelZeroExitTwoNamingEachPath() throws Exception {
        int exit = run(VALID + """
                parallel: 0
                hooks:
                  - when: before_run
                    command: pg_dumpall -f /var/backups/all.sql
                backup_dirs:
                  - source: /etc
                    hooks:
                      - when: before
                        command: []
                """, "--once");

        Path config = dir.resolve("config.yaml");
        assertEquals(ExitCode.USAGE, exit, err::toString);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                config + ": backup_dirs[0].hooks[0].command: must not be empty: name the program to run",
                config + ": parallel: must be a whole number of at least 1, not '0'",
                config + ": hooks[0].command: must be a list of strings, the program and its arguments (no shell"
                        + " runs it), not a value; for a shell write [\"sh\", \"-c\", \"...\"]",
                "3 problem(s) in the config; nothing was done."), lines);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void parallelThatIsNotAWholeNumberExitsTwoWithItsPathAndNoStackTrace() throws Exception {
        int exit = run(VALID + "parallel: two\nbackup_dirs:\n  - source: /etc\n", "--validate");

        assertEquals(ExitCode.USAGE, exit, err::toString);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(dir.resolve("config.yaml") + ": parallel: must be a whole number of at least 1, not 'two'",
                text.lines().findFirst().orElseThrow());
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
    }
}
