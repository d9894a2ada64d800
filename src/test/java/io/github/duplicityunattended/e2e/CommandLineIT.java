package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.GpgKey;
import io.github.duplicityunattended.testsupport.Trees;
import io.github.duplicityunattended.testsupport.Unprivileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages at the edge, with a duplicity on PATH that records whether it was called. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineIT {

    Path tmp;
    GpgKey key;
    Path marker;
    Map<String, String> env;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        tmp = dir;
        key = GpgKey.create(tmp);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        marker = tmp.resolve("duplicity-was-called");
        Path fake = bin.resolve("duplicity");
        Files.writeString(fake, "#!/bin/sh\necho \"$@\" >> '" + marker + "'\nexec /usr/bin/duplicity \"$@\"\n");
        fake.toFile().setExecutable(true);
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
    }

    @AfterAll
    void tearDown() throws Exception {
        key.close();
    }

    private String validConfig(Path source) {
        return "cloud: aws\ngpg_key_id: " + key.fingerprint() + "\nbucket_url: file://" + target(source)
                + "\nfull_if_older_than: 7D\ngpg_home: " + key.home() + "\narchive_dir: " + tmp.resolve("cache")
                + "\nbackup_dirs:\n  - source: " + source + "\n";
    }

    /** Each test's own backup target, so no test sees another's backups. */
    private Path target(Path source) {
        return tmp.resolve("target-" + source.getFileName());
    }

    private AppProcess.Result run(String yaml, String... args) throws Exception {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, yaml);
        Files.deleteIfExists(marker);
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return AppProcess.run(tmp, env, all);
    }

    @Test
    void aBadConfigExitsTwoWithEveryProblemAndCallsNoDuplicity() throws Exception {
        AppProcess.Result r = run("""
                cloud: azure
                gpg_key_id: 0123ABCD
                bucket_url: s3+http://my-host-backup
                full_if_older_than: 1M
                remove_all_but_n_ful: 2
                backup_dirs:
                  - source: /etc
                  - source: etc
                """, "--once");
        assertEquals(2, r.exitCode(), r::toString);
        assertFalse(Files.exists(marker), "duplicity was called");
        Path config = tmp.resolve("config.yaml");
        assertTrue(r.lines().contains(config + ": cloud: must be aws or gcp, not 'azure'"), r::toString);
        assertTrue(r.lines().contains(config
                + ": remove_all_but_n_ful: unknown key (did you mean remove_all_but_n_full?)"), r::toString);
        assertTrue(r.lines().contains(config + ": backup_dirs[1].source: must be an absolute path, not 'etc'"),
                r::toString);
        assertTrue(r.lines().contains("3 problem(s) in the config; nothing was done."), r::toString);
        assertFalse(r.text().contains("Exception") || r.text().contains("\tat "), "a stack trace was printed");
    }

    @Test
    void aMissingConfigFileExitsTwoWithOneLine() throws Exception {
        Files.deleteIfExists(marker);
        AppProcess.Result r = AppProcess.run(tmp, env, "--config", tmp.resolve("nope.yaml").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.text().startsWith(tmp.resolve("nope.yaml") + ": cannot read the config file (no such file)"),
                r::toString);
        assertFalse(Files.exists(marker));
    }

    @Test
    void anUnknownOptionExitsTwoAndPointsAtHelp() throws Exception {
        AppProcess.Result r = AppProcess.run(tmp, env, "--onse");
        assertEquals(2, r.exitCode());
        assertEquals("duplicity-unattended: unknown option --onse\nTry --help for the options.", r.text());
    }

    @Test
    void helpDocumentsTheExitCodes() throws Exception {
        AppProcess.Result r = AppProcess.run(tmp, env, "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.text().contains("Exit codes:"), r::toString);
        for (String code : List.of("0    ok", "1    a backup or purge failed", "2    bad config, bad usage or bad",
                "3    every dir was backed up, but duplicity could not read some files", "143  stopped (SIGTERM)")) {
            assertTrue(r.text().contains(code), code + " is not documented: " + r);
        }
    }

    @Test
    void validateAcceptsAWorkingSetupAndBacksNothingUp() throws Exception {
        Path source = Trees.sample(tmp.resolve("validate-src"));
        AppProcess.Result r = run(validConfig(source), "--validate");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.text().contains("ok: duplicity 0.8"), r::toString);
        assertTrue(r.text().contains("ok: GnuPG secret key " + key.fingerprint()), r::toString);
        assertFalse(Files.exists(target(source)), "--validate wrote a backup");
    }

    @Test
    void validateReportsEveryEnvironmentProblemAndExitsTwo() throws Exception {
        Path missing = tmp.resolve("missing-src");
        String yaml = validConfig(missing).replace(key.fingerprint(), "DEADBEEFDEADBEEF");
        Path creds = tmp.resolve("open-credentials");
        Files.writeString(creds, "[Credentials]\naws_access_key_id = AKIAX\naws_secret_access_key = topsecret\n");
        Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-r--r--"));
        AppProcess.Result badCreds = run(yaml + "aws_config_file: " + creds + "\n", "--validate");
        assertEquals(2, badCreds.exitCode());
        assertTrue(badCreds.text().contains("run: chmod 600 " + creds), badCreds::toString);
        assertFalse(badCreds.text().contains("topsecret"));

        AppProcess.Result r = run(yaml, "--validate");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.text().contains("gpg_key_id: no secret key DEADBEEFDEADBEEF in the keyring"), r::toString);
        assertTrue(r.text().contains("backup_dirs[0].source: " + missing + " does not exist"), r::toString);
        assertTrue(r.text().contains("2 problem(s) found"), r::toString);
    }

    @Test
    void validateReportsASourceItCannotReadAndACacheItCannotWriteEvenWhenStartedAsRoot() throws Exception {
        Path source = Trees.sample(tmp.resolve("unreadable-src"));
        Path cacheParent = Files.createDirectories(tmp.resolve("read-only"));
        Path cache = cacheParent.resolve("cache");
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(cacheParent, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, validConfig(source).replace("archive_dir: " + tmp.resolve("cache"),
                "archive_dir: " + cache));
        try {
            AppProcess.Result r = AppProcess.start(Unprivileged.prefix(), tmp, env, "--config", config.toString(),
                    "--validate").await(Duration.ofMinutes(5));

            assertEquals(2, r.exitCode(), r::toString);
            assertTrue(r.text().contains("backup_dirs[0].source: " + source + " is not readable by this user"),
                    r::toString);
            assertTrue(r.text().contains("archive_dir: " + cache + " is not writable by this user"), r::toString);
            assertTrue(r.text().contains("2 problem(s) found"), r::toString);
        } finally {
            Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(cacheParent, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void validateUnderSystemdRefusesATargetInTheServicesPrivateTmp() throws Exception {
        Path source = Trees.sample(tmp.resolve("systemd-src"));
        String yaml = validConfig(source).replace("bucket_url: file://" + target(source),
                "bucket_url: file:///var/tmp/backups");
        Files.writeString(tmp.resolve("config.yaml"), yaml);
        Map<String, String> underSystemd = new HashMap<>(env);
        underSystemd.put("INVOCATION_ID", "5f0c6b3e8d2a4c1b9e7f6a5d4c3b2a19");
        AppProcess.Result r = AppProcess.run(tmp, underSystemd, "--config", tmp.resolve("config.yaml").toString(),
                "--validate");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.text().contains("bucket_url: file:///var/tmp/backups is under /var/tmp"), r::toString);
        assertTrue(r.text().contains("1 problem(s) found"), r::toString);
        assertEquals(0, run(yaml, "--validate").exitCode(), "from a shell the target is the user's choice");
    }

    @Test
    void theQuickStartConfigBacksUpToAFileTargetWithoutAws() throws Exception {
        Path source = Trees.sample(tmp.resolve("quick-src"));
        AppProcess.Result r = run(validConfig(source), "--once");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.exists(marker), "duplicity was not called");
        try (var files = Files.list(target(source).resolve(source.toString().substring(1)))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".manifest.gpg")));
        }
    }

    @Test
    void editedRoutesFromRoutesDirReplaceTheBuiltInOnes() throws Exception {
        Path source = Trees.sample(tmp.resolve("routes-src"));
        Path routes = Files.createDirectories(tmp.resolve("my-routes"));
        String flow = Files.readString(Path.of("routes/backup.camel.yaml"));
        String indent = " ".repeat(20);
        String edited = flow.replace(indent + "- to: direct:dir-backup\n",
                indent + "- log: \"custom step before ${body}\"\n" + indent + "- to: direct:dir-backup\n");
        assertTrue(!edited.equals(flow), "the edit did not apply");
        Files.writeString(routes.resolve("backup.camel.yaml"), edited);
        for (String other : java.util.List.of("monitor", "notify", "metrics")) {
            Files.copy(Path.of("routes/" + other + ".camel.yaml"), routes.resolve(other + ".camel.yaml"));
        }
        AppProcess.Result r = run(validConfig(source), "--once", "--routes", routes.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.text().contains("custom step before " + source), r::toString);
    }

    @Test
    void aBrokenRoutesDirExitsTwoWithoutAStackTrace() throws Exception {
        Path source = Trees.sample(tmp.resolve("broken-routes-src"));
        Path routes = Files.createDirectories(tmp.resolve("broken-routes"));
        Files.writeString(routes.resolve("backup.camel.yaml"), "- route:\n    id: x\n    steps: []\n");
        AppProcess.Result r = run(validConfig(source), "--once", "--routes", routes.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.text().contains("could not start (check the routes)"), r::toString);
        assertFalse(r.text().contains("\tat "), "a stack trace was printed");
        assertFalse(Files.exists(marker) && Files.readString(marker).contains("--full-if-older-than"),
                "duplicity backed up");
    }

    @Test
    void aRoutesDirWithoutAFlowTheOthersSendToExitsTwoNamingTheMissingRoute() throws Exception {
        Path source = Trees.sample(tmp.resolve("lone-flow-src"));
        Path routes = Files.createDirectories(tmp.resolve("lone-flow"));
        Files.copy(Path.of("routes/backup.camel.yaml"), routes.resolve("backup.camel.yaml"));
        AppProcess.Result r = run(validConfig(source), "--once", "--routes", routes.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.text().contains("route backup-failed sends to direct:failure-notice, but no loaded route starts"
                + " there"), r::toString);
        assertFalse(r.text().contains("\tat "), "a stack trace was printed");
        assertFalse(r.text().contains("Backup run started"), r::toString);
    }

    @Test
    void aMissingDuplicityExitsTwoBeforeAnyBackup() throws Exception {
        Path source = Trees.sample(tmp.resolve("no-duplicity-src"));
        AppProcess.Result r = run(validConfig(source) + "duplicity_path: /opt/nowhere/duplicity\n", "--once");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.text().contains("duplicity not found: cannot run '/opt/nowhere/duplicity'"), r::toString);
        assertFalse(r.text().contains("Backup run started"), r::toString);
        assertFalse(r.text().contains("\tat "), "a stack trace was printed");
    }
}
