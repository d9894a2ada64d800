package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.Duplicity;
import io.github.duplicityunattended.testsupport.GpgKey;
import io.github.duplicityunattended.testsupport.Trees;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill counts, for each file, the volumes duplicity itself downloads to restore it: read from the cached
 * manifests of a real backup (1 MB volumes, a full and an incremental set), checked against what
 * {@code duplicity restore --dry-run} names as the volumes it requires.
 */
@UsesInstalledTools
class DrillVolumesAgreeWithDuplicityTest {

    @TempDir
    Path tmp;

    @Test
    void eachFilesVolumesAreThoseDuplicityRequires() throws Exception {
        try (GpgKey key = GpgKey.create(tmp)) {
            Path source = Files.createDirectories(tmp.resolve("src/sub dir"));
            for (int i = 0; i < 6; i++) {
                Files.write(tmp.resolve("src/f" + i + ".bin"), Trees.random(300_000, i));
            }
            Files.write(source.resolve("big file.bin"), Trees.random(1_500_000, 99));
            Files.writeString(source.resolve("z.txt"), "last\n");
            String url = "file://" + tmp.resolve("target");
            Map<String, String> env = Map.of("GNUPGHOME", key.home().toString());
            List<String> common = List.of("--archive-dir", tmp.resolve("cache").toString());
            backup(env, common, key, url);
            Files.write(tmp.resolve("src/f3.bin"), Trees.random(300_000, 1000));
            Files.setLastModifiedTime(tmp.resolve("src/f3.bin"),
                    java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
            backup(env, common, key, url);

            BackupChain chain = BackupChain.newest(tmp.resolve("cache").resolve(StatusReaderTest.md5(url)))
                    .orElseThrow();
            assertEquals(2, chain.sets().size(), chain.toString());
            List<Manifest> manifests = new ArrayList<>();
            for (BackupFileName set : chain.sets()) {
                manifests.add(chain.manifest(set, (change, path) -> { }));
            }
            Map<String, TreeSet<String>> ours = new TreeMap<>();
            Map<String, TreeSet<String>> duplicitys = new TreeMap<>();
            for (String file : List.of("f0.bin", "f3.bin", "f5.bin", "sub dir/big file.bin", "sub dir/z.txt",
                    "sub dir")) {
                TreeSet<String> volumes = new TreeSet<>();
                DrillPlanner.cost(file, chain, manifests, (set, number) -> {
                    volumes.add(set.set() + ".vol" + number + ".difftar.gpg");
                    return 0;
                });
                ours.put(file, volumes);
                String out = Duplicity.run(env, concat(List.of("restore", "--dry-run", "--file-to-restore", file),
                        common, List.of(url, tmp.resolve("nowhere").toString())));
                duplicitys.put(file, new TreeSet<>(out.lines().map(String::strip)
                        .filter(l -> l.startsWith("duplicity-") && l.contains(".difftar")).toList()));
            }
            assertEquals(duplicitys, ours);
            assertTrue(ours.get("sub dir/big file.bin").size() > 1, "a file spans volumes: " + ours);
        }
    }

    private void backup(Map<String, String> env, List<String> common, GpgKey key, String url) throws Exception {
        Duplicity.run(env, concat(List.of("--volsize", "1", "--encrypt-sign-key", key.fingerprint()), common,
                List.of(tmp.resolve("src").toString(), url)));
    }

    private static String[] concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toArray(String[]::new);
    }
}
