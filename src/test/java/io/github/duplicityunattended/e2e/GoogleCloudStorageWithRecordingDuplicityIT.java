package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.ScriptedDuplicity;
import io.github.duplicityunattended.testsupport.ScriptedGpg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original's configs, as their users have them, through the built jar. There is no Google Cloud Storage
 * here, so duplicity is a stand-in that records its arguments (and gpg one that has the configs' key): these tests prove the command lines the program
 * builds (the original's, without the S3 options for gcp), not that a backup reaches GCS. The 2019–2021 form
 * runs the same way, to show that its old key name is read and noted once.
 */
class GoogleCloudStorageWithRecordingDuplicityIT {

    private static final Path FIXTURES = Path.of("src/test/resources/original-configs");
    private static final String KEY = "0302EC6D2613E4936532366CB48526BB511A0E34";
    private static final List<String> HOME_ALICE_SELECTION = List.of(
            "--include", "/home/alice/Downloads/keep-this.iso",
            "--exclude", "/**/[Cc]ache", "--exclude", "/**/.cache", "--exclude", "/**/Trash",
            "--exclude", "/home/alice/VirtualBox VMs", "--exclude", "/home/alice/.local/share/virtualenvs",
            "--exclude", "/home/alice/Downloads");

    @TempDir
    Path dir;
    ScriptedDuplicity duplicity;
    Path cache;
    Map<String, String> env;

    @BeforeEach
    void standIn() throws Exception {
        duplicity = ScriptedDuplicity.create(Files.createDirectories(dir.resolve("bin")));
        // the original's configs name a key this machine does not have: gpg is a stand-in too
        ScriptedGpg.create(dir.resolve("bin"));
        cache = dir.resolve("xdg-cache");
        // the stand-in is found on PATH, as duplicity is; the default archive_dir follows XDG_CACHE_HOME
        env = Map.of("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"), "XDG_CACHE_HOME", cache.toString());
    }

    private Path config(String text) throws Exception {
        return Files.writeString(dir.resolve("config.yaml"), text);
    }

    private static String fixture(String name) throws Exception {
        return Files.readString(FIXTURES.resolve(name));
    }

    private static List<String> concat(List<String> before, List<String> middle, String... after) {
        List<String> all = new ArrayList<>(before);
        all.addAll(middle);
        all.addAll(List.of(after));
        return all;
    }

    @Test
    void theOriginals2022GcpConfigBacksUpAndPurgesWithTheOriginalsCommandWithoutS3Options() throws Exception {
        Path config = config(fixture("config-2022-gcp.yaml"));

        AppProcess.Result r = AppProcess.run(dir, env, "--config", config.toString(), "--once");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> head = List.of("--full-if-older-than", "1M", "--encrypt-sign-key", KEY,
                "--archive-dir", cache.resolve("duplicity").toString());
        List<String> purge = List.of("remove-all-but-n-full", "3", "--force",
                "--archive-dir", cache.resolve("duplicity").toString());
        assertEquals(List.of(
                concat(head, HOME_ALICE_SELECTION, "/home/alice", "gs://my-host-backup/home/alice"),
                concat(head, List.of(), "/etc", "gs://my-host-backup/etc"),
                concat(head, List.of(), "/var/lib/unifi", "gs://my-host-backup/var/lib/unifi"),
                concat(purge, List.of(), "gs://my-host-backup/home/alice"),
                concat(purge, List.of(), "gs://my-host-backup/etc"),
                concat(purge, List.of(), "gs://my-host-backup/var/lib/unifi")), duplicity.calls());
        assertEquals(1, r.lines().stream().filter(l -> l.endsWith(
                config + ": aws_config_file: ignored with cloud: gcp, as the original did")).count(), r::toString);
    }

    @Test
    void theOriginals2019ConfigRunsWithTheS3OptionsAndNotesTheOldKeyNameOnce() throws Exception {
        Path credentials = BackupEnvironment.privateFile(dir.resolve("aws_credentials"), List.of(
                "[Credentials]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = not-used"));
        Path config = config(fixture("config-2019.yaml")
                .replace("/etc/duplicity-unattended/aws_credentials", credentials.toString()));

        AppProcess.Result r = AppProcess.run(dir, env, "--config", config.toString(), "--once", "--skip-purge");

        assertEquals(0, r.exitCode(), r::toString);
        List<List<String>> calls = duplicity.calls();
        assertEquals(List.of("boto3+s3://my-host-backup/home/alice", "boto3+s3://my-host-backup/etc",
                "boto3+s3://my-host-backup/var/lib/unifi"), calls.stream().map(c -> c.get(c.size() - 1)).toList());
        assertTrue(calls.stream().allMatch(c -> c.subList(0, 5).equals(List.of(
                "--full-if-older-than", "1M", "--encrypt-sign-key", KEY, "--s3-use-ia"))), calls::toString);
        assertEquals(1, r.lines().stream().filter(l -> l.endsWith(config + ": s3_url: is the old name of"
                + " bucket_url; read as bucket_url (nothing else to change)")).count(), r::toString);
        assertTrue(r.lines().stream().anyMatch(l -> l.contains("INFO") && l.contains("s3_url: is the old name")),
                r::toString);
    }

    @Test
    void checkOfAGcpConfigSaysInOneLineThatTheMonitorListsS3AndFileOnlyAndExitsTwo() throws Exception {
        Path config = config(fixture("config-2022-gcp.yaml"));

        AppProcess.Result r = AppProcess.run(dir, env, "--config", config.toString(), "--check");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.lines().contains("duplicity-unattended: the monitor lists S3 buckets and file:// dirs only,"
                + " not Google Cloud Storage (gs://my-host-backup): these backups are not checked"), r::toString);
        assertFalse(r.text().contains("\tat "), "a stack trace was printed");
        assertEquals(List.of(), duplicity.calls());
    }
}
