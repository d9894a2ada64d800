package io.github.duplicityunattended.duplicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.testsupport.Configs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicityCommandsTest {

    static final DuplicityVersion OLD = new DuplicityVersion(0, 8, 22);
    static final DuplicityVersion NEW = new DuplicityVersion(2, 2, 3);
    static final String CACHE = "/home/backup/.cache/duplicity";
    /**
     * The cache names duplicity derives from the original URLs (generate_default_backup_name: the md5 of the
     * URL's text), worked out apart from the code: {@code printf %s 's3+http://my-host-backup/etc' | md5sum}.
     */
    static final String ETC_CACHE_NAME = "97bb70eaa657270fa40a0d476d55f748";
    static final String DOCS_CACHE_NAME = "27cc9c0e07bc29140c15f761027b7d05";

    @TempDir
    Path tmp;

    private Config original() throws Exception {
        return Configs.load(tmp, Configs.original());
    }

    private static BackupDir dir(Config config, int i) {
        return config.backupDirs().get(i);
    }

    @Test
    void backupOfTheOriginalConfigOnDuplicity08UsesBoto3AndKeepsTheOriginalsOptionsInOrder() throws Exception {
        Config config = original();
        List<String> args = new DuplicityCommands(config, OLD, false).backup(dir(config, 1));
        assertEquals(List.of(
                "--full-if-older-than", "1M",
                "--encrypt-sign-key", "0123ABCD",
                "--s3-use-ia",
                "--archive-dir", CACHE,
                "--name", DOCS_CACHE_NAME,
                "--include", "/home/user docs/important",
                "--include", "/home/user docs/photos",
                "--exclude", "**",
                "/home/user docs",
                "boto3+s3://my-host-backup/home/user docs"), args);
    }

    @Test
    void aSourcePathWithSpacesStaysOneArgument() throws Exception {
        Config config = original();
        List<String> args = new DuplicityCommands(config, OLD, false).backup(dir(config, 1));
        assertEquals("/home/user docs", args.get(args.size() - 2));
        assertTrue(args.stream().noneMatch(a -> a.equals("/home/user") || a.equals("docs")));
    }

    @Test
    void onDuplicity2TheOldSchemeBecomesS3AndNoBoto2FlagIsPassed() throws Exception {
        Config config = original();
        List<String> args = new DuplicityCommands(config, NEW, false).backup(dir(config, 0));
        assertEquals("s3://my-host-backup/etc", args.get(args.size() - 1));
        assertTrue(args.contains("--s3-use-ia"));
        assertTrue(!args.contains("--s3-use-new-style") && !args.contains("--s3-use-multiprocessing"), args::toString);
    }

    @Test
    void onDebian13sDuplicity3TheBackupAndPurgeAreThoseOfDuplicity2() throws Exception {
        DuplicityVersion debian13 = new DuplicityVersion(3, 0, 4);
        Config config = Configs.load(tmp, Configs.original() + "s3_endpoint_url: http://127.0.0.1:9000\n");
        DuplicityCommands commands = new DuplicityCommands(config, debian13, false);
        String name = ETC_CACHE_NAME;
        assertEquals(List.of("--full-if-older-than", "1M", "--encrypt-sign-key", "0123ABCD", "--s3-use-ia",
                "--archive-dir", CACHE, "--name", name, "--s3-endpoint-url", "http://127.0.0.1:9000",
                "/etc", "s3://my-host-backup/etc"), commands.backup(dir(config, 0)));
        assertEquals(List.of("remove-all-but-n-full", "2", "--force", "--archive-dir", CACHE, "--name", name,
                "--s3-endpoint-url", "http://127.0.0.1:9000", "s3://my-host-backup/etc"),
                commands.purge(dir(config, 0), 2));
    }

    @Test
    void theCacheNameIsTheMd5DuplicityWouldHaveUsedForTheOriginalUrl() {
        DuplicityTarget target = DuplicityTarget.of("s3+http://my-host-backup", "/etc", OLD);
        assertEquals("s3+http://my-host-backup/etc", target.original());
        assertEquals(java.util.Optional.of(ETC_CACHE_NAME), target.cacheNameToKeep());
    }

    @Test
    void anUntranslatedUrlKeepsDuplicitysOwnCacheNameAndGetsNoNameOption() throws Exception {
        Config config = Configs.load(tmp, Configs.original().replace("s3+http://", "boto3+s3://"));
        List<String> args = new DuplicityCommands(config, OLD, false).backup(dir(config, 0));
        assertTrue(!args.contains("--name"), args::toString);
        assertEquals("boto3+s3://my-host-backup/etc", args.get(args.size() - 1));
    }

    @Test
    void anExplicitS3HostUrlOnDuplicity08KeepsTheBoto2FlagsOfTheOriginal() throws Exception {
        Config config = Configs.load(tmp, Configs.original()
                .replace("s3+http://my-host-backup", "s3://s3.eu-west-1.amazonaws.com/my-host-backup"));
        List<String> args = new DuplicityCommands(config, OLD, false).backup(dir(config, 0));
        assertEquals(List.of("--full-if-older-than", "1M", "--encrypt-sign-key", "0123ABCD",
                "--s3-use-new-style", "--s3-use-ia", "--s3-use-multiprocessing", "--archive-dir", CACHE,
                "/etc", "s3://s3.eu-west-1.amazonaws.com/my-host-backup/etc"), args);
    }

    @Test
    void aFileTargetGetsNoS3Options() throws Exception {
        Config config = Configs.load(tmp, Configs.original().replace("s3+http://my-host-backup", "file:///backups"));
        List<String> args = new DuplicityCommands(config, OLD, false).backup(dir(config, 0));
        assertEquals(List.of("--full-if-older-than", "1M", "--encrypt-sign-key", "0123ABCD",
                "--archive-dir", CACHE, "/etc", "file:///backups/etc"), args);
    }

    @Test
    void gcpRunsTheOriginalsCommandWithoutTheS3OptionsOnEveryDuplicity() throws Exception {
        Config config = Configs.load(tmp, Configs.original().replace("cloud: aws", "cloud: gcp")
                .replace("s3+http://my-host-backup", "gs://my-host-backup"));
        for (DuplicityVersion version : List.of(OLD, NEW)) {
            DuplicityCommands commands = new DuplicityCommands(config, version, false);
            assertEquals(List.of("--full-if-older-than", "1M", "--encrypt-sign-key", "0123ABCD",
                    "--archive-dir", CACHE,
                    "--include", "/home/user docs/important", "--include", "/home/user docs/photos", "--exclude", "**",
                    "/home/user docs", "gs://my-host-backup/home/user docs"), commands.backup(dir(config, 1)));
            assertEquals(List.of("remove-all-but-n-full", "2", "--force", "--archive-dir", CACHE,
                    "gs://my-host-backup/etc"), commands.purge(dir(config, 0), 2));
        }
    }

    @Test
    void dryRunAddsDryRunToTheBackupAndDropsForceFromThePurge() throws Exception {
        Config config = original();
        DuplicityCommands dry = new DuplicityCommands(config, OLD, true);
        assertTrue(dry.backup(dir(config, 0)).contains("--dry-run"));
        assertTrue(!dry.purge(dir(config, 0), 2).contains("--force"));
        assertTrue(new DuplicityCommands(config, OLD, false).purge(dir(config, 0), 2).contains("--force"));
    }

    @Test
    void purgeIsRemoveAllButNFullOnTheSameTargetAndCache() throws Exception {
        Config config = original();
        List<String> args = new DuplicityCommands(config, OLD, false).purge(dir(config, 0), 2);
        assertEquals(List.of("remove-all-but-n-full", "2", "--force", "--archive-dir", CACHE, "--name",
                ETC_CACHE_NAME, "boto3+s3://my-host-backup/etc"), args);
    }

    @Test
    void endpointAndExtraOptionsComeBeforeTheFileSelection() throws Exception {
        Config config = Configs.load(tmp, Configs.original()
                + "s3_endpoint_url: http://127.0.0.1:9000\nduplicity_options: [\"--volsize\", \"250\"]\n");
        List<String> args = new DuplicityCommands(config, OLD, false).backup(dir(config, 1));
        int endpoint = args.indexOf("--s3-endpoint-url");
        int volsize = args.indexOf("--volsize");
        int firstInclude = args.indexOf("--include");
        assertEquals("http://127.0.0.1:9000", args.get(endpoint + 1));
        assertEquals("250", args.get(volsize + 1));
        assertTrue(endpoint < volsize && volsize < firstInclude, args::toString);
    }
}
