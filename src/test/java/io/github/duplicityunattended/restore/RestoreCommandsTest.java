package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityVersion;
import io.github.duplicityunattended.testsupport.Configs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore's arguments: the backups' target, cache and endpoint, and the path option of the version. */
class RestoreCommandsTest {

    static final DuplicityVersion V08 = new DuplicityVersion(0, 8, 22);
    static final DuplicityVersion V21 = new DuplicityVersion(2, 1, 4);

    @TempDir
    Path dir;

    private Config original(String more) throws Exception {
        return Configs.load(dir, Configs.original() + "archive_dir: /var/cache/du\n" + more);
    }

    @Test
    void aWholeDirIsRestoredFromTheBackupsTargetWithTheirCacheName() throws Exception {
        Config config = original("s3_endpoint_url: http://127.0.0.1:9000\n");
        assertEquals(List.of("restore", "--archive-dir", "/var/cache/du", "--name", "97bb70eaa657270fa40a0d476d55f748",
                "--s3-endpoint-url", "http://127.0.0.1:9000", "boto3+s3://my-host-backup/etc", "/root/restored etc"),
                new RestoreCommands(config, () -> V08).restore(config.backupDirs().get(0), Optional.empty(),
                        Optional.empty(), Path.of("/root/restored etc"), false));
    }

    @Test
    void onePathAsOfATimeIsRestoredWithTheOptionOfTheInstalledVersion() throws Exception {
        Config config = original("");
        List<String> common = List.of("--archive-dir", "/var/cache/du", "--name", "97bb70eaa657270fa40a0d476d55f748");
        assertEquals(concat(List.of("restore", "--file-to-restore", "ssh/sshd_config", "--time", "3D", "--force"),
                common, List.of("boto3+s3://my-host-backup/etc", "/etc/ssh/sshd_config")),
                new RestoreCommands(config, () -> V08).restore(config.backupDirs().get(0), Optional.of("ssh/sshd_config"),
                        Optional.of("3D"), Path.of("/etc/ssh/sshd_config"), true));
        assertEquals(concat(List.of("restore", "--path-to-restore", "hosts"), common,
                List.of("s3://my-host-backup/etc", "/tmp/hosts")),
                new RestoreCommands(config, () -> V21).restore(config.backupDirs().get(0), Optional.of("hosts"),
                        Optional.empty(), Path.of("/tmp/hosts"), false));
    }

    @Test
    void aBoto2TargetKeepsTheBackupsAddressingAndAFileTargetGetsNoS3Option() throws Exception {
        Config boto2 = Configs.load(dir, Configs.original().replace("s3+http://my-host-backup",
                "s3://s3.example.com/my-host-backup") + "archive_dir: /c\n");
        assertEquals(List.of("restore", "--s3-use-new-style", "--archive-dir", "/c",
                "s3://s3.example.com/my-host-backup/etc", "/r"),
                new RestoreCommands(boto2, () -> V08).restore(boto2.backupDirs().get(0), Optional.empty(),
                        Optional.empty(), Path.of("/r"), false));
        Config file = Configs.load(dir, Configs.original().replace("s3+http://my-host-backup", "file:///backups")
                + "archive_dir: /c\n");
        assertEquals(List.of("restore", "--archive-dir", "/c", "file:///backups/etc", "/r"),
                new RestoreCommands(file, () -> V08).restore(file.backupDirs().get(0), Optional.empty(),
                        Optional.empty(), Path.of("/r"), false));
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toList();
    }
}
