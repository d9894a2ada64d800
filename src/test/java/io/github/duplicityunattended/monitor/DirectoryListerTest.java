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
    void aTargetNotYetCreatedHoldsNoBackups() throws Exception {
        List<String> keys = new ArrayList<>();
        new DirectoryLister(root.resolve("not-yet")).list(keys::add);

        assertEquals(List.of(), keys);
    }
}
