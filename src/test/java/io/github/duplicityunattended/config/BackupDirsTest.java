package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackupDirsTest {

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    private List<String> problemsOf(String backupDirs) {
        return f.problems(valid().set("backup_dirs", backupDirs));
    }

    private List<BackupDir> load(String backupDirs) throws ConfigException {
        return f.load(valid().set("backup_dirs", backupDirs)).backupDirs();
    }

    @Test
    void dirsKeepTheirOrderAndTheirPatternsInOrder() throws Exception {
        assertEquals(List.of(
                new BackupDir("/home", List.of("/home/alice/keep", "/home/bob/keep"), List.of("/home/*/.cache", "**")),
                new BackupDir("/var/www/", List.of(), List.of("/var/www/tmp"))), load("""
                - source: /home
                  includes: [/home/alice/keep, /home/bob/keep]
                  excludes:
                    - /home/*/.cache
                    - '**'
                - source: /var/www/
                  includes:
                  excludes: [/var/www/tmp]
                """));
    }

    @Test
    void nestedDirsMayBothBeBackedUp() throws Exception {
        assertEquals(List.of(BackupDir.of("/home"), BackupDir.of("/home/alice")),
                load("- source: /home\n- source: /home/alice"));
    }

    @Test
    void sourcesThatDuplicitysUrlParsingWouldMoveToAnotherFolderAreRefusedNamingTheCharacter() {
        assertEquals(List.of(
                f.problem("backup_dirs[0].source: contains '#', which duplicity's URL parsing cuts off, so the dir"
                        + " would not get a folder of its own at the target; back up its parent with includes instead"),
                f.problem("backup_dirs[1].source: contains '?', which duplicity's URL parsing cuts off, so the dir"
                        + " would not get a folder of its own at the target; back up its parent with includes instead"),
                f.problem("backup_dirs[2].source: contains '%', which duplicity's URL parsing decodes, so the dir"
                        + " would not get a folder of its own at the target; back up its parent with includes instead"),
                f.problem("backup_dirs[3].source: contains the control character U+000A; such a dir cannot be backed"
                        + " up (back up its parent with includes instead)")),
                problemsOf("- source: /srv/www#old\n- source: /srv/b?x=1\n- source: /srv/c%41\n"
                        + "- source: \"/srv/forged\\n2026-11-28 INFO ok\""));
    }

    @Test
    void sourcesWithSpacesAndSemicolonsAreTakenAsTheyAre() throws Exception {
        assertEquals(List.of(BackupDir.of("/srv/my docs;old")), load("- source: /srv/my docs;old"));
    }

    @Test
    void backupDirsThatAreNoListAreRefused() {
        assertEquals(List.of(f.problem("backup_dirs: must be a list, not a value")), problemsOf("/etc"));
        assertEquals(List.of(f.problem("backup_dirs: must be a list, not a mapping")), problemsOf("source: /etc"));
    }

    @Test
    void anEmptyListOfDirsIsRefused() {
        assertEquals(List.of(f.problem("backup_dirs: must list at least one dir")), problemsOf("[]"));
    }

    @Test
    void aPlainPathAsEntrySaysHowToWriteIt() {
        assertEquals(List.of(f.problem("backup_dirs[1]: must be a mapping: write \"- source: /home\" instead of"
                + " \"- /home\"")), problemsOf("- source: /etc\n- /home"));
    }

    @Test
    void anEntryThatIsAListOrEmptyIsRefused() {
        assertEquals(List.of(
                f.problem("backup_dirs[0]: must be a mapping of keys to values, not a list"),
                f.problem("backup_dirs[1]: must not be empty; write \"- source: /some/dir\"")),
                problemsOf("- [/etc]\n-\n- source: /home"));
    }

    @Test
    void anEntryWithoutSourceIsRefused() {
        assertEquals(List.of(f.problem("backup_dirs[0].source: is required")),
                problemsOf("- excludes: [/etc/shadow]"));
        assertEquals(List.of(f.problem("backup_dirs[0].source: must not be empty")), problemsOf("- source: ''"));
    }

    @Test
    void aRelativeSourceIsRefused() {
        assertEquals(List.of(
                f.problem("backup_dirs[1].source: must be an absolute path, not 'etc'"),
                f.problem("backup_dirs[2].source: must be an absolute path, not '~/documents'")),
                problemsOf("- source: /home\n- source: etc\n- source: ~/documents"));
    }

    @Test
    void theSameDirTwiceIsRefusedNamingItsFirstPlace() {
        assertEquals(List.of(
                f.problem("backup_dirs[2].source: /etc is already backed up by backup_dirs[0].source"),
                f.problem("backup_dirs[3].source: /home/./alice/ is already backed up by backup_dirs[1].source")),
                problemsOf("- source: /etc\n- source: /home/alice\n- source: /etc\n- source: /home/./alice/"));
    }

    @Test
    void includesAndExcludesThatAreNoListsAreRefused() {
        assertEquals(List.of(
                f.problem("backup_dirs[0].includes: must be a list, not a value"),
                f.problem("backup_dirs[0].excludes: must be a list, not a mapping")),
                problemsOf("- source: /etc\n  includes: /etc/ssh\n  excludes: {shadow: true}"));
    }

    @Test
    void includesAndExcludesHoldingNonStringsAreRefusedPerEntry() {
        assertEquals(List.of(
                f.problem("backup_dirs[0].includes[1]: must be a single value, not a list"),
                f.problem("backup_dirs[0].excludes[0]: must not be empty"),
                f.problem("backup_dirs[0].excludes[2]: must be a single value, not a mapping")),
                problemsOf("""
                        - source: /etc
                          includes: [/etc/ssh, [/etc/ssl]]
                          excludes:
                            -
                            - /etc/shadow
                            - path: /etc/gshadow
                        """));
    }

    @Test
    void anUnknownKeyInAnEntrySuggestsTheClosestOne() {
        assertEquals(List.of(
                f.problem("backup_dirs[0].include: unknown key (did you mean includes?)"),
                f.problem("backup_dirs[0].path: unknown key; known keys: excludes, hooks, includes, source"),
                f.problem("backup_dirs[0].source: is required")),
                problemsOf("- include: [/etc/ssh]\n  path: /etc"));
    }
}
