package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.config.ByteSizes;
import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.RequestLog;
import io.github.duplicityunattended.testsupport.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jclouds.blobstore.domain.Blob;
import org.junit.jupiter.api.Test;

/**
 * --verify, the restore drill, of the built jar against real duplicity 0.8, GnuPG and S3Proxy: it passes on a
 * healthy backup, catches a damaged or a missing volume naming the dir and the file, and keeps to its download
 * budget as S3Proxy's request log counts it.
 */
class RestoreDrillIT extends RealBackupTest {

    /** S3Proxy's requests; made before the servers start. */
    final RequestLog requests = new RequestLog();

    /** A dir with one file, backed up once: its only volume holds the file. */
    private Path backedUpOneFile(String bucket) throws Exception {
        Path work = workDir(bucket);
        Path source = Files.createDirectories(work.resolve("src dir"));
        Files.write(source.resolve("only file.bin"), Trees.random(50_000, 3));
        Path config = configFor(work, bucket, List.of(source), "");
        assertEquals(0, runOnce(work, config).exitCode());
        return config;
    }

    private String volume(String bucket) {
        List<String> volumes = env.s3.keys(bucket).stream().filter(k -> k.contains(".difftar.gpg")).toList();
        assertEquals(1, volumes.size(), volumes::toString);
        return volumes.get(0);
    }

    private long size(String bucket, String key) {
        return env.s3.blobStore().blobMetadata(bucket, key).getContentMetadata().getContentLength();
    }

    @Test
    void aHealthyBackupPassesAndEveryFileComparedIsIdentical() throws Exception {
        Path config = backedUpOneFile("drill-healthy");
        Path work = config.getParent();
        Path tmp = Files.createDirectories(work.resolve("tmp"));

        AppProcess.Result drill = AppProcess.run(work, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp),
                "--config", config.toString(), "--verify");

        assertEquals(0, drill.exitCode(), drill::toString);
        Path source = work.resolve("src dir");
        assertTrue(drill.text().contains("[" + source + "] ok: 1 compared, 1 identical, 0 different, 0 skipped"),
                drill::toString);
        assertTrue(drill.text().contains("Restore drill passed: 1 of 1 dirs ok"), drill::toString);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("restore-drill-")).toList(),
                    "the restored copies are removed");
        }
    }

    @Test
    void aDamagedVolumeFailsTheDrillNamingTheDirAndTheFileAndSendsTheNotice() throws Exception {
        Path config = backedUpOneFile("drill-damaged");
        String key = volume("drill-damaged");
        Blob blob = env.s3.blobStore().getBlob("drill-damaged", key);
        byte[] bytes;
        try (var in = blob.getPayload().openStream()) {
            bytes = in.readAllBytes();
        }
        bytes[bytes.length / 2] ^= 0x55;
        env.s3.blobStore().putBlob("drill-damaged", env.s3.blobStore().blobBuilder(key).payload(bytes).build());

        AppProcess.Result drill = run(config.getParent(), config, "--verify");

        assertEquals(1, drill.exitCode(), drill::toString);
        Path source = config.getParent().resolve("src dir");
        assertTrue(drill.text().contains("[" + source + "] FAILED: 0 compared") && drill.text().contains(
                "could not restore only file.bin: exit"), drill::toString);
        assertTrue(drill.text().contains("Failed dirs: " + source), drill::toString);
        assertTrue(drill.text().contains("Restore drill failed: "), "the notice: " + drill);
    }

    @Test
    void aMissingVolumeFailsTheDrillNamingTheDirAndTheFile() throws Exception {
        Path config = backedUpOneFile("drill-missing");
        env.s3.blobStore().removeBlob("drill-missing", volume("drill-missing"));

        AppProcess.Result drill = run(config.getParent(), config, "--verify", config.getParent().resolve("src dir")
                .toString());

        assertEquals(1, drill.exitCode(), drill::toString);
        assertTrue(drill.text().contains("[" + config.getParent().resolve("src dir")
                + "] FAILED: 0 compared, 0 identical, 0 different, 0 skipped"), drill::toString);
        assertTrue(drill.text().contains("could not restore only file.bin: exit ")
                && drill.text().contains("(missing from the target: duplicity-full."), drill::toString);
    }

    @Test
    void theDrillKeepsToItsBudgetCountingWholeVolumesAndDownloadsNoMetadata() throws Exception {
        Path work = workDir("drill-budget");
        Path source = Files.createDirectories(work.resolve("src"));
        for (int i = 0; i < 8; i++) {
            Files.write(source.resolve("file " + i + ".bin"), Trees.random(400_000, 100 + i));
        }
        Path config = configFor(work, "drill-budget", List.of(source), """
                duplicity_options: ["--volsize", "1"]
                verify:
                  sample_files: 20
                  max_download: 2500KB
                """);
        assertEquals(0, runOnce(work, config).exitCode());
        requests.clear();

        AppProcess.Result drill = run(work, config, "--verify");

        assertEquals(0, drill.exitCode(), drill::toString);
        List<RequestLog.Request> gets = requests.all().stream().filter(RequestLog.Request::isObjectGet).toList();
        assertEquals(List.of(), gets.stream().filter(r -> !r.uri().contains(".difftar.gpg")).toList());
        List<String> keys = env.s3.keys("drill-budget");
        long downloaded = gets.stream().mapToLong(r -> size("drill-budget", keys.stream()
                .filter(k -> r.uri().replaceFirst("[?)].*$", "").endsWith("/" + k)).findFirst()
                .orElseThrow(() -> new AssertionError(r + " is no key of " + keys)))).sum();
        assertTrue(downloaded > 0 && downloaded <= 2500L * 1024, downloaded + " bytes were downloaded: " + gets);
        assertTrue(gets.size() < 8, "the budget holds fewer than the 8 files' volumes: " + gets);
        assertTrue(drill.text().contains(ByteSizes.human(downloaded) + " downloaded"), downloaded + ":\n" + drill);
    }
}
