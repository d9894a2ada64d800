package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hooks of the run and of each dir, and {@code parallel}: what loads, and every mistake by its dotted path. */
class HooksAndParallelConfigTest {

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    @Test
    void runHooksAndDirHooksLoadInOrderWithTheirArgvExactlyAsWritten() throws Exception {
        Config config = f.load(valid().set("hooks", """
                - when: before_run
                  command: [mount, /mnt/snap]
                  timeout: 5m
                - when: on_failure
                  command: ["sh", "-c", " echo 'run failed' | logger ", ""]
                - when: after_run
                  command: [umount, /mnt/snap]
                """).set("backup_dirs", """
                - source: /var/backups/pg
                  hooks:
                    - when: before
                      command: [pg_dump, --file=/var/backups/pg/app.sql, app]
                      timeout: 2h
                    - when: after
                      command: [rm, /var/backups/pg/app.sql]
                - source: /etc
                """));

        assertEquals(List.of(
                new Hook(Hook.When.BEFORE_RUN, List.of("mount", "/mnt/snap"), Duration.ofMinutes(5)),
                new Hook(Hook.When.ON_FAILURE, List.of("sh", "-c", " echo 'run failed' | logger ", ""),
                        Duration.ofHours(1)),
                new Hook(Hook.When.AFTER_RUN, List.of("umount", "/mnt/snap"), Duration.ofHours(1))), config.hooks());
        assertEquals(List.of(
                new Hook(Hook.When.BEFORE, List.of("pg_dump", "--file=/var/backups/pg/app.sql", "app"),
                        Duration.ofHours(2)),
                new Hook(Hook.When.AFTER, List.of("rm", "/var/backups/pg/app.sql"), Duration.ofHours(1))),
                config.backupDirs().get(0).hooks());
        assertEquals(List.of(), config.backupDirs().get(1).hooks());
        assertEquals(1, config.parallel());
    }

    @Test
    void aHookCommandThatIsNotAListOfStringsIsRefusedAtItsPath() {
        assertEquals(List.of(
                f.problem("hooks[0].command: must be a list of strings, the program and its arguments (no shell runs"
                        + " it), not a value; for a shell write [\"sh\", \"-c\", \"...\"]"),
                f.problem("hooks[1].command: must be a list of strings, the program and its arguments (no shell runs"
                        + " it), not a mapping"),
                f.problem("hooks[2].command[1]: must be a string, not a list"),
                f.problem("hooks[3].command[1]: must not be empty; write \"\" for an empty argument")),
                f.problems(valid().set("hooks", """
                        - when: before_run
                          command: pg_dumpall -f /var/backups/all.sql
                        - when: after_run
                          command: {program: umount}
                        - when: after_run
                          command: [umount, [/mnt/a, /mnt/b]]
                        - when: on_failure
                          command: [logger, ~]
                        """)));
    }

    @Test
    void anEmptyOrMissingArgvIsRefused() {
        assertEquals(List.of(
                f.problem("backup_dirs[0].hooks[0].command: must not be empty: name the program to run"),
                f.problem("backup_dirs[0].hooks[1].command: is required: the program and its arguments, e.g."
                        + " [\"pg_dumpall\", \"-f\", \"/var/backups/all.sql\"]"),
                f.problem("backup_dirs[0].hooks[2].command[0]: must name the program to run")),
                f.problems(valid().set("backup_dirs", """
                        - source: /srv
                          hooks:
                            - when: before
                              command: []
                            - when: after
                            - when: after
                              command: ["", "x"]
                        """)));
    }

    @Test
    void aHookRunsOnlyAtTheMomentsOfItsScopeAndItsKeysAreChecked() {
        assertEquals(List.of(
                f.problem("backup_dirs[0].hooks[0].when: must be before or after, not 'after_run'"),
                f.problem("backup_dirs[1].hooks: must be a list, not a mapping"),
                f.problem("hooks[0].when: must be before_run, after_run or on_failure, not 'before'"),
                f.problem("hooks[1].when: is required"),
                f.problem("hooks[2].timeout: must be a duration such as 90s, 45m, 6h, 1d or 1h30m, not 'soon'"),
                f.problem("hooks[3].comand: unknown key (did you mean command?)"),
                f.problem("hooks[3].command: is required: the program and its arguments, e.g. [\"pg_dumpall\","
                        + " \"-f\", \"/var/backups/all.sql\"]")),
                f.problems(valid().set("hooks", """
                        - when: before
                          command: [x]
                        - command: [x]
                        - when: after_run
                          command: [x]
                          timeout: soon
                        - when: on_failure
                          comand: [x]
                        """).set("backup_dirs", """
                        - source: /srv
                          hooks:
                            - when: after_run
                              command: [x]
                        - source: /etc
                          hooks:
                            when: before
                        """)));
    }

    @Test
    void parallelIsAWholeNumberOfDirsAtOnce() throws Exception {
        assertEquals(3, f.load(valid().set("parallel", "3")).parallel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "2.5", "two", "[2]"})
    void parallelBelowOneOrNotAWholeNumberIsRefused(String text) {
        List<String> problems = f.problems(valid().set("parallel", text));
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(f.problem("parallel: must "), problems.get(0).substring(0, f.problem("parallel: must ").length()));
    }

    @Test
    void dirsBackedUpInParallelMayNotShareOneCacheName() {
        assertEquals(List.of(f.problem("duplicity_options[1]: --name gives every dir one duplicity cache and lock,"
                + " which dirs backed up in parallel cannot share: remove it (each dir has a cache of its own by"
                + " default)")), f.problems(valid().set("parallel", "2").set("duplicity_options",
                "[\"--volsize\", \"--name=shared\"]")));
    }
}
