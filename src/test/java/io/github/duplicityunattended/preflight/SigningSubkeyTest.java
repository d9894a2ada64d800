package io.github.duplicityunattended.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.GpgKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;

/** Whether gpg signs with the key gpg_key_id names, on real keys made by gpg. */
@UsesInstalledTools
class SigningSubkeyTest {

    @Test
    void aKeyWhosePrimarySignsPassesWhicheverFormOfItsIdIsConfigured(@TempDir Path tmp) throws Exception {
        try (GpgKey key = GpgKey.create(tmp)) {
            String fpr = key.fingerprint();
            for (String id : List.of(fpr, fpr.substring(24), fpr.substring(32), "0x" + fpr.substring(24).toLowerCase())) {
                assertEquals(Optional.empty(), SigningSubkey.problem(id, key.colonListing()), id);
            }
        }
    }

    @Test
    void aKeyThatSignsWithASubkeyIsReportedWithTheIdToConfigure(@TempDir Path tmp) throws Exception {
        try (GpgKey key = GpgKey.create(tmp)) {
            String subkey = key.addSigningSubkey();
            Optional<String> problem = SigningSubkey.problem(key.fingerprint(), key.colonListing());
            assertTrue(problem.isPresent());
            assertTrue(problem.get().startsWith("gpg_key_id: key " + key.fingerprint() + " signs with its subkey "
                    + subkey), problem.get());
            assertTrue(problem.get().endsWith("set gpg_key_id: " + subkey), problem.get());
            assertEquals(Optional.empty(), SigningSubkey.problem(subkey, key.colonListing()));
        }
    }

    @Test
    void aRevokedSigningSubkeyIsNotTheOneGpgSignsWith() {
        List<String> listing = List.of(
                "sec:u:2048:1:AFB038141FE538CC:1795711288:::u:::scESC:::+:::23::0:",
                "fpr:::::::::0123456789ABCDEF0123AFB038141FE538CC:",
                "ssb:u:2048:1:1111222233334444:1795711288::::::e:::+:::23:",
                "fpr:::::::::AAAABBBBCCCCDDDDEEEE1111222233334444:",
                "ssb:r:2048:1:5555666677778888:1795711999::::::s:::+:::23:",
                "fpr:::::::::AAAABBBBCCCCDDDDEEEE5555666677778888:");
        assertEquals(Optional.empty(), SigningSubkey.problem("AFB038141FE538CC", listing));
    }
}
