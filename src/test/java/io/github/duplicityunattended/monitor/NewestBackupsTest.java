package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewestBackupsTest {

    @Test
    void keepsTheNewestEndTimeOfEveryFolderWhateverTheOrderOfTheKeys() {
        NewestBackups newest = new NewestBackups();
        List.of("etc/duplicity-inc.20240102T020000Z.to.20240103T020000Z.manifest.gpg",
                "etc/duplicity-full.20240101T020000Z.manifest.gpg",
                "etc/duplicity-inc.20240101T020000Z.to.20240102T020000Z.manifest.gpg",
                "host1/srv/data/duplicity-full.20240105T010000Z.manifest.gpg").forEach(newest::accept);

        assertEquals(Map.of("etc", Instant.parse("2024-01-03T02:00:00Z"),
                "host1/srv/data", Instant.parse("2024-01-05T01:00:00Z")), newest.byFolder());
    }

    @Test
    void onlyFoldersHoldingAManifestCount() {
        NewestBackups newest = new NewestBackups();
        List.of("README.txt", "tmp/upload.part", "etc/duplicity-full.20240101T020000Z.vol1.difftar.gpg",
                "etc/duplicity-full-signatures.20240101T020000Z.sigtar.gpg").forEach(newest::accept);

        assertEquals(Map.of(), newest.byFolder());
        assertEquals(4, newest.keys());
    }

    @Test
    void aManifestAtTheTopOfTheBucketIsInTheEmptyFolder() {
        NewestBackups newest = new NewestBackups();
        newest.accept("duplicity-full.20240101T020000Z.manifest.gpg");

        assertEquals(Map.of("", Instant.parse("2024-01-01T02:00:00Z")), newest.byFolder());
    }

    @Test
    void holdsOneEntryPerFolderHoweverManyObjects() {
        NewestBackups newest = new NewestBackups();
        for (int day = 1; day <= 28; day++) {
            for (int folder = 0; folder < 50; folder++) {
                newest.accept("f" + folder + "/duplicity-inc.202401%02dT000000Z.to.202401%02dT000000Z.manifest.gpg"
                        .formatted(day, day));
                newest.accept("f" + folder + "/duplicity-inc.202401%02dT000000Z.vol1.difftar.gpg".formatted(day));
            }
        }

        assertEquals(50, newest.byFolder().size());
        assertEquals(Instant.parse("2024-01-28T00:00:00Z"), newest.byFolder().get("f7"));
    }
}
