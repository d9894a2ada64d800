package io.github.duplicityunattended.duplicity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a restore needs of the installed duplicity and of a target: the path option and the cache's name. */
class RestoreCapabilitiesTest {

    @ParameterizedTest
    @CsvSource({"0.8.22, --file-to-restore", "0.7.19, --file-to-restore", "2.0.0, --path-to-restore",
        "2.1.4, --path-to-restore", "3.0.4, --path-to-restore"})
    void onePathIsRestoredWithTheOptionTheVersionTakes(String version, String option) {
        assertEquals(option, DuplicityVersion.parse(version).orElseThrow().restoreOption());
    }

    @Test
    void theCacheIsNamedAfterTheOriginalUrlWhetherOrNotDuplicityIsGivenAnother() {
        // the md5 of the URL's text, as `printf %s URL | md5sum` prints it; the second is a cache duplicity made
        DuplicityTarget translated = DuplicityTarget.of("s3+http://my-host-backup", "/etc",
                new DuplicityVersion(0, 8, 22));
        assertEquals("97bb70eaa657270fa40a0d476d55f748", translated.cacheName());
        assertEquals(Optional.of(translated.cacheName()), translated.cacheNameToKeep());
        DuplicityTarget file = DuplicityTarget.of("file:///tmp/rx/backups", "", new DuplicityVersion(0, 8, 22));
        assertEquals("5b13e4204770eadd0030fc77ef776ae0", file.cacheName());
        assertEquals(Optional.empty(), file.cacheNameToKeep());
    }

    @Test
    void aRestoreFailureIsQuotedByTheLineThatSaysWhy() {
        // duplicity 0.8.22's own output for a volume whose content was changed, and for a path not in the backup
        assertEquals("Invalid data - SHA1 hash mismatch for file:", DuplicityMessages.reason(java.util.List.of(
                "Last full backup date: Sat Nov 28 23:10:07 2026",
                "Invalid data - SHA1 hash mismatch for file:",
                " duplicity-full.20261128T231007Z.vol1.difftar.gpg",
                " Calculated hash: 20aadd5747b200237d83222a193586d299a5df6b",
                " Manifest hash: 935794205b0b968fb8091eec37089c4a23bcdecb")));
        assertEquals("nothere not found in archive - no files restored.", DuplicityMessages.reason(java.util.List.of(
                "Local and Remote metadata are synchronized, no sync needed.",
                "Last full backup date: Sat Nov 28 23:10:07 2026",
                "nothere not found in archive - no files restored.")));
    }
}
