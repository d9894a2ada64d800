package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.Duplicity;
import io.github.duplicityunattended.testsupport.RequestLog;
import io.github.duplicityunattended.testsupport.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * --status and --restore of the built jar against real duplicity (0.8, and again 2.1.4 and 3.0.4, whose option for
 * one path differs), GnuPG and S3Proxy, on one dir backed up three times: a full backup, an incremental one after a
 * change, and a second full one.
 */
class RestoreAndStatusIT extends RealBackupTest {

    static final String BUCKET = "restore-status";
    /** S3Proxy's requests; made before the servers start. */
    final RequestLog requests = new RequestLog();
    Path work;
    Path source;
    Path config;
    Map<String, String> asFirstBackedUp;
    Instant afterFirst;
    Instant incremental;
    Instant[] secondFull = new Instant[2];

    @BeforeAll
    void backUpThreeTimes() throws Exception {
        work = workDir("restore-status");
        source = Trees.sample(work.resolve("my data"));
        config = configFor(work, BUCKET, List.of(source), "");
        assertEquals(0, runOnce(work, config).exitCode());
        asFirstBackedUp = Trees.digest(source.resolve("sub dir"));
        afterFirst = nextSecond();
        Files.writeString(source.resolve("sub dir/notes with spaces.txt"), "changed after the full backup\n");
        Files.writeString(source.resolve("sub dir/added.txt"), "added after the full backup\n");
        Instant before = Instant.now();
        AppProcess.Result inc = runOnce(work, config);
        assertEquals(0, inc.exitCode(), inc::toString);
        incremental = onlyManifestTime("inc", before);
        nextSecond();
        Files.writeString(config, Files.readString(config).replace("full_if_older_than: 1M", "full_if_older_than: 1s"));
        secondFull[0] = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AppProcess.Result full = runOnce(work, config);
        secondFull[1] = Instant.now();
        assertEquals(0, full.exitCode(), full::toString);
        assertEquals(2, manifests(BUCKET, source, "full").size(), () -> env.s3.keys(BUCKET).toString());
    }

    /** Waits until the wall clock is in a later second than now, so two backups never share a set's name. */
    private static Instant nextSecond() throws Exception {
        Instant now = Instant.now();
        Conditions.await(() -> Instant.now().getEpochSecond() > now.getEpochSecond(), "the next second");
        return Instant.now();
    }

    private Instant onlyManifestTime(String kind, Instant after) {
        List<String> names = manifests(BUCKET, source, kind);
        assertEquals(1, names.size(), names::toString);
        String name = names.get(0);
        String stamp = name.substring(name.length() - "20261101T020000Z.manifest.gpg".length(),
                name.length() - ".manifest.gpg".length());
        Instant time = java.time.LocalDateTime.parse(stamp, java.time.format.DateTimeFormatter
                .ofPattern("uuuuMMdd'T'HHmmss'Z'")).toInstant(java.time.ZoneOffset.UTC);
        assertFalse(time.isBefore(after.truncatedTo(ChronoUnit.SECONDS)), name + " is older than the run");
        return time;
    }

    private static JsonObject json(AppProcess.Result result) throws Exception {
        String text = result.text();
        return (JsonObject) Jsoner.deserialize(text.substring(text.indexOf("{\n"), text.lastIndexOf('}') + 1));
    }

    private long storedBytes() {
        String prefix = BackupEnvironment.folder(source) + "/";
        return env.s3.keys(BUCKET).stream().filter(k -> k.startsWith(prefix))
                .mapToLong(k -> env.s3.blobStore().blobMetadata(BUCKET, k).getContentMetadata().getContentLength())
                .sum();
    }

    @Test
    void statusAsJsonSaysWhatWasBackedUpFromOneListingWithoutAnyGet() throws Exception {
        requests.clear();
        AppProcess.Result status = run(work, config, "--status", "--json");

        assertEquals(0, status.exitCode(), status::toString);
        assertEquals(List.of(), requests.all().stream().filter(r -> !r.isList()).toList());
        assertEquals(1, requests.lists(), requests.all()::toString);
        JsonObject doc = json(status);
        assertEquals(List.of(true, Duplicity.version().toString()), List.of(doc.get("all_fresh"),
                doc.get("duplicity")));
        JsonObject dir = (JsonObject) ((List<?>) doc.get("dirs")).get(0);
        assertEquals(List.of(source.toString(), Duplicity.s3Url(BUCKET + "/" + BackupEnvironment.folder(source)),
                "recent", 2, 3, storedBytes()), List.of(dir.get("source"), dir.get("target"), dir.get("status"),
                dir.getInteger("chains"), dir.getInteger("backup_sets"), dir.getLong("bytes")));
        Instant lastFull = Instant.parse(dir.getString("last_full"));
        assertTrue(!lastFull.isBefore(secondFull[0]) && !lastFull.isAfter(secondFull[1]),
                lastFull + " is not the second full backup's time");
        assertEquals(incremental, Instant.parse(dir.getString("last_incremental")));
    }

    @Test
    void statusOfADirNeverBackedUpExitsOne() throws Exception {
        Path more = work.resolve("more.yaml");
        Files.writeString(more, Files.readString(config) + "  - source: /srv/never\n");
        AppProcess.Result status = run(work, more, "--status");
        assertEquals(1, status.exitCode(), status::toString);
        assertTrue(status.text().contains("/srv/never: never backed up"), status::toString);
        assertTrue(status.text().contains(source + ": recent"), status::toString);
    }

    @Test
    void aWholeDirIsRestoredAsItIsNowUsingTheCacheSoNoSignatureOrManifestIsDownloaded() throws Exception {
        Path restored = work.resolve("restored whole");
        requests.clear();
        AppProcess.Result restore = run(work, config, "--restore", source.toString(), "--to", restored.toString());

        assertEquals(0, restore.exitCode(), restore::toString);
        Map<String, String> expected = Trees.digest(source);
        expected.remove("cache.tmp");
        assertEquals(expected, Trees.digest(restored));
        List<RequestLog.Request> gets = requests.all().stream().filter(RequestLog.Request::isObjectGet).toList();
        assertEquals(List.of(), gets.stream().filter(r -> r.uri().contains("manifest") || r.uri().contains("sigtar"))
                .toList());
        assertTrue(gets.stream().anyMatch(r -> r.uri().contains(".difftar.gpg")), gets::toString);
        assertTrue(restore.text().contains("[" + source + "] restored the whole dir to " + restored), restore::toString);
    }

    @Test
    void oneFileIsRestoredToItsOwnPathWhoseParentsAreMade() throws Exception {
        Path restored = work.resolve("one file/deeper/notes.txt");
        AppProcess.Result restore = run(work, config, "--restore", source.toString(), "--path",
                source.resolve("sub dir/notes with spaces.txt").toString(), "--to", restored.toString());

        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals(Files.readString(source.resolve("sub dir/notes with spaces.txt")), Files.readString(restored));
    }

    @Test
    void aSubdirIsRestoredAsItWasAtATimeBeforeItChanged() throws Exception {
        Path restored = work.resolve("as it was");
        AppProcess.Result restore = run(work, config, "--restore", source.toString(), "--path", "sub dir",
                "--time", afterFirst.truncatedTo(ChronoUnit.SECONDS).toString(), "--to", restored.toString());

        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals(asFirstBackedUp, Trees.digest(restored));
        assertFalse(Trees.digest(source.resolve("sub dir")).equals(asFirstBackedUp), "the subdir changed since");
    }

    @Test
    void badInputExitsTwoWithTheReasonAndWritesNothing() throws Exception {
        Path file = Files.writeString(work.resolve("a file"), "keep me\n");
        Path full = Files.createDirectories(work.resolve("full dir"));
        Files.writeString(full.resolve("keep.txt"), "keep me\n");
        String dir = source.toString();
        Map<List<String>, String> cases = Map.of(
                List.of("--restore", "/srv/unknown", "--to", work.resolve("new").toString()),
                "no configured dir /srv/unknown; the configured dirs are " + dir,
                List.of("--restore", dir, "--path", "readme.txt", "--to", file.toString()),
                file + " exists and is not a directory",
                List.of("--restore", dir, "--to", full.toString()), full + " is not empty",
                List.of("--restore", dir, "--time", "last tuesday", "--to", work.resolve("new").toString()),
                "--time 'last tuesday' is not a time duplicity takes",
                List.of("--verify", "/srv/unknown"), "no configured dir /srv/unknown");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            requests.clear();
            AppProcess.Result result = run(work, config, c.getKey().toArray(String[]::new));
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.text().contains(c.getValue()) && result.text().contains("nothing was restored"),
                    result::toString);
            assertEquals(List.of(), requests.all(), "S3 was asked for " + c.getKey());
        }
        assertFalse(Files.exists(work.resolve("new")));
        assertEquals("keep me\n", Files.readString(file));
        assertEquals(List.of("keep.txt"), Files.list(full).map(p -> p.getFileName().toString()).toList());
    }
}
