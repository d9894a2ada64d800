package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryListerTest {

    @TempDir
    Path root;

    @Test
    void listsEveryFileBelowTheTargetAsAKeyRelativeToIt() throws Exception {
        Files.createDirectories(root.resolve("srv/data"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("srv/data/duplicity-full.20240101T020000Z.manifest.gpg"), "x");
        Files.writeString(root.resolve("README.txt"), "x");

        List<String> keys = new ArrayList<>();
        new DirectoryLister(root).list(keys::add);

        assertEquals(List.of("README.txt", "srv/data/duplicity-full.20240101T020000Z.manifest.gpg"),
                keys.stream().sorted().toList());
    }

    @Test
    void eachFileIsListedWithItsSize() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.write(root.resolve("etc/duplicity-full.20240101T020000Z.vol1.difftar.gpg"), new byte[1234]);
        Files.write(root.resolve("etc/duplicity-full.20240101T020000Z.manifest.gpg"), new byte[56]);

        List<BucketLister.Listed> objects = new ArrayList<>();
        new DirectoryLister(root).listObjects(objects::add);

        assertEquals(List.of(new BucketLister.Listed("etc/duplicity-full.20240101T020000Z.manifest.gpg", 56),
                new BucketLister.Listed("etc/duplicity-full.20240101T020000Z.vol1.difftar.gpg", 1234)),
                objects.stream().sorted(java.util.Comparator.comparing(BucketLister.Listed::key)).toList());
    }

    @Test
    void aTargetNotYetCreatedHoldsNoBackups() throws Exception {
        List<String> keys = new ArrayList<>();
        new DirectoryLister(root.resolve("not-yet")).list(keys::add);

        assertEquals(List.of(), keys);
    }
}
