package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestNameTest {

    @Test
    void aFullManifestEndsAtItsTimestamp() {
        assertEquals(Optional.of(Instant.parse("2024-01-01T02:00:00Z")),
                ManifestName.endTime("duplicity-full.20240101T020000Z.manifest.gpg"));
    }

    @Test
    void anIncrementalManifestEndsAtItsSecondTimestamp() {
        assertEquals(Optional.of(Instant.parse("2024-01-02T02:03:04Z")),
                ManifestName.endTime("duplicity-inc.20240101T020000Z.to.20240102T020304Z.manifest.gpg"));
    }

    @Test
    void volumesSignaturesAndOtherFilesAreNoManifests() {
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full.20240101T020000Z.vol1.difftar.gpg"));
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full-signatures.20240101T020000Z.sigtar.gpg"));
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full.20240101T020000Z.manifest"));
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full.20240101T020000Z.manifest.gpg.part"));
        assertEquals(Optional.empty(), ManifestName.endTime("README.txt"));
    }

    @Test
    void aTimestampThatIsNoDateIsNoManifest() {
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full.20241301T020000Z.manifest.gpg"));
    }

    @Test
    void aTimestampOfOtherCharactersThanDigitsIsNoManifest() {
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full.2024O101T020000Z.manifest.gpg"));
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full.20240101X020000Z.manifest.gpg"));
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full.20240101T02000\u0661Z.manifest.gpg"));
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full-20240101T020000Z.manifest.gpg"));
    }

    @Test
    void aNameShorterThanATimestampIsNoManifest() {
        assertEquals(Optional.empty(), ManifestName.endTime("T020000Z.manifest.gpg"));
        assertEquals(Optional.empty(), ManifestName.endTime(".manifest.gpg"));
    }

    @Test
    void aDayThatNoMonthHasIsNoManifest() {
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full.20240230T020000Z.manifest.gpg"));
        assertEquals(Optional.empty(), ManifestName.endTime("duplicity-full.20240101T240000Z.manifest.gpg"));
    }

    @Test
    void aWholeKeyGivesWhatItsBaseNameGives() {
        assertEquals(Optional.of(Instant.parse("2024-01-01T02:00:00Z")),
                ManifestName.endTime("host/etc/duplicity-full.20240101T020000Z.manifest.gpg"));
        assertEquals(Optional.empty(), ManifestName.endTime("host/2024/0101T020000Z.manifest.gpg"));
    }
}
