package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.testsupport.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore is checked before anything is written, and every refusal says why. */
class RestoreChecksTest {

    @TempDir
    Path dir;
    Path source;
    RestoreChecks checks;

    @BeforeEach
    void config() throws Exception {
        source = Files.createDirectories(dir.resolve("my data/sub dir"));
        source = source.getParent();
        Config config = Configs.load(dir, """
                gpg_key_id: 0123ABCD
                bucket_url: file:///backups
                full_if_older_than: 1M
                backup_dirs:
                  - source: /etc
                  - source: "%s"
                """.formatted(source));
        checks = new RestoreChecks(config);
    }

    private String refusal(String dirName, Optional<String> path, Optional<String> time, Path target, boolean force) {
        return assertThrows(RestoreChecks.Refused.class, () -> checks.check(dirName, path, time, target, force))
                .getMessage();
    }

    @Test
    void aNewTargetTakesTheWholeDirAsOfNow() throws Exception {
        assertEquals(new RestoreRequest(BackupDir.of(source.toString()), Optional.empty(), Optional.empty(),
                dir.resolve("restored"), false),
                checks.check(source + "/", Optional.empty(), Optional.empty(), dir.resolve("x/../restored"), false));
    }

    @Test
    void thePathIsRelativeToTheDirWhetherGivenSoOrAbsoluteInsideIt() throws Exception {
        assertEquals(Optional.of("sub dir/notes.txt"), checks.check(source.toString(),
                Optional.of(source + "/sub dir/notes.txt"), Optional.of("3D"), dir.resolve("n"), false).path());
        assertEquals(Optional.of("sub dir"), checks.check(source.toString(), Optional.of("./sub dir/"),
                Optional.empty(), dir.resolve("n"), false).path());
        assertEquals(Optional.empty(), checks.check(source.toString(), Optional.of("."), Optional.empty(),
                dir.resolve("n"), false).path());
    }

    @Test
    void anEmptyDirIsANewTarget() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(empty, checks.check("/etc", Optional.empty(), Optional.empty(), empty, false).target());
    }

    @Test
    void anUnknownDirIsRefusedNamingTheConfiguredOnes() {
        assertEquals("no configured dir /srv; the configured dirs are /etc, " + source,
                refusal("/srv", Optional.empty(), Optional.empty(), dir.resolve("r"), false));
    }

    @Test
    void aPathOutsideTheDirIsRefused() {
        assertEquals("--path ../x is not inside /etc", refusal("/etc", Optional.of("../x"), Optional.empty(),
                dir.resolve("r"), false));
        assertEquals("--path /var/log is not inside /etc", refusal("/etc", Optional.of("/var/log"), Optional.empty(),
                dir.resolve("r"), false));
    }

    @Test
    void aTimeDuplicityCannotParseIsRefused() {
        assertEquals("--time 'last week' is not a time duplicity takes: give an interval back from now such as 3D"
                + " or 12h, a date such as 2026-11-01, or a time such as 2026-11-01T02:00:00Z",
                refusal("/etc", Optional.empty(), Optional.of("last week"), dir.resolve("r"), false));
    }

    @Test
    void aTargetThatIsAFileOrANonEmptyDirNeedsForce() throws Exception {
        Path file = Files.writeString(dir.resolve("hosts"), "x");
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("a"), "x");
        assertEquals(file + " exists and is not a directory; restore to a new path, or add --force to overwrite it",
                refusal("/etc", Optional.of("hosts"), Optional.empty(), file, false));
        assertEquals(full + " is not empty; restore into a new or empty dir, or add --force to write into it",
                refusal("/etc", Optional.empty(), Optional.empty(), full, false));
        assertEquals(full, checks.check("/etc", Optional.empty(), Optional.empty(), full, true).target());
    }

    @Test
    void theSourceIsWrittenOnlyAtTheRestoredPlaceAndWithForce() throws Exception {
        assertEquals(source + "/sub dir is inside the source dir " + source + ": a restore writes there only back to"
                + " the restored dir's own place (" + source + "), with --force",
                refusal(source.toString(), Optional.empty(), Optional.empty(), source.resolve("sub dir"), true));
        assertEquals(source + " is not empty; restore into a new or empty dir, or add --force to write into it",
                refusal(source.toString(), Optional.empty(), Optional.empty(), source, false));
        assertEquals(source, checks.check(source.toString(), Optional.empty(), Optional.empty(), source, true)
                .target());
        assertEquals(source.resolve("sub dir/notes.txt"), checks.check(source.toString(),
                Optional.of("sub dir/notes.txt"), Optional.empty(), source.resolve("sub dir/notes.txt"), true).target());
    }

    @Test
    void aLinkIntoTheSourceDoesNotHideIt() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), source);
        assertEquals(link.resolve("new") + " is inside the source dir " + source + ": a restore writes there only"
                + " back to the restored dir's own place (" + source + "), with --force",
                refusal(source.toString(), Optional.empty(), Optional.empty(), link.resolve("new"), false));
    }
}
