package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.Duplicity;
import io.github.duplicityunattended.testsupport.Trees;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Base of the end-to-end tests that back up to S3Proxy with a throwaway key: one set of servers per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealBackupTest {

    Path tmp;
    BackupEnvironment env;

    @BeforeAll
    void startServers(@TempDir Path dir) throws Exception {
        tmp = dir;
        env = new BackupEnvironment(tmp);
    }

    @AfterAll
    void stopServers() throws Exception {
        env.close();
    }

    Path workDir(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    /** A bucket of the case's own and a config that backs the sources up to it. */
    Path configFor(Path work, String bucket, List<Path> sources, String extra) throws Exception {
        return configFor(work, bucket, sources, env.s3.endpoint(), extra);
    }

    /** The same, duplicity reaching S3 at {@code endpoint} (a fault proxy in front of S3Proxy). */
    Path configFor(Path work, String bucket, List<Path> sources, URI endpoint, String extra) throws Exception {
        env.s3.createBucket(bucket);
        return env.config(work, bucket, sources, endpoint, extra);
    }

    /** The jar with this config and the given options, run to its end in {@code work}. */
    static AppProcess.Result run(Path work, Path config, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--config", config.toString()));
        args.addAll(List.of(options));
        return AppProcess.run(work, Map.of(), args.toArray(String[]::new));
    }

    static AppProcess.Result runOnce(Path work, Path config) throws Exception {
        return run(work, config, "--once");
    }

    List<String> manifests(String bucket, Path source, String kind) {
        String prefix = BackupEnvironment.folder(source) + "/duplicity-" + kind + ".";
        return env.s3.keys(bucket).stream().filter(k -> k.startsWith(prefix) && k.endsWith(".manifest.gpg")).toList();
    }

    /** Restores the dir's newest backup with plain duplicity, as the README tells, and compares the trees. */
    void assertRestoresIdentically(String bucket, Path source, Path restored) throws Exception {
        restore(bucket, source, restored);
        Map<String, String> expected = Trees.digest(source);
        expected.remove("cache.tmp");
        assertEquals(expected, Trees.digest(restored));
    }

    /** {@code duplicity restore [OPTIONS] URL TARGET} of the dir's folder, with the local S3 server's endpoint. */
    void restore(String bucket, Path source, Path target, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("restore"));
        args.addAll(List.of(options));
        args.addAll(List.of("--s3-endpoint-url", env.s3.endpoint().toString(),
                Duplicity.s3Url(bucket + "/" + BackupEnvironment.folder(source)), target.toString()));
        Duplicity.run(env.duplicityEnv(), args.toArray(String[]::new));
    }
}
