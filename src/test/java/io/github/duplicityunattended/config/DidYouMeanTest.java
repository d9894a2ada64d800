package io.github.duplicityunattended.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {

    private static final Set<String> TOP = ConfigSchema.childrenOf("");

    @ParameterizedTest
    @CsvSource({"gpg_keyid, gpg_key_id", "bucketurl, bucket_url", "full_if_older, full_if_older_than",
        "shedule, schedule", "aws_regoin, aws_region", "remove_all_but_n_fulls, remove_all_but_n_full"})
    void aMisspeltKeyFindsTheKeyMeant(String unknown, String meant) {
        assertEquals(Optional.of(meant), DidYouMean.closest(unknown, TOP));
    }

    @ParameterizedTest
    @CsvSource({"retention", "password", "s3"})
    void aKeyLikeNoneFindsNothing(String unknown) {
        assertEquals(Optional.empty(), DidYouMean.closest(unknown, TOP));
    }

    @Test
    void theNearestOfSeveralCandidatesWins() {
        assertEquals(Optional.of("includes"), DidYouMean.closest("include", Set.of("includes", "excludes")));
        assertEquals(Optional.of("excludes"), DidYouMean.closest("exclude", Set.of("includes", "excludes")));
    }

    @Test
    void aTieGoesToTheFirstKnownKeyInOrder() {
        assertEquals(Optional.of("ab"), DidYouMean.closest("a", new TreeSet<>(Set.of("b", "ab", "ac"))));
    }

    @ParameterizedTest
    @CsvSource({"kitten, sitting, 3", "'', abc, 3", "abc, '', 3", "same, same, 0", "ab, ba, 2"})
    void distanceIsTheLevenshteinDistance(String a, String b, int distance) {
        assertEquals(distance, DidYouMean.distance(a, b));
    }

    @Test
    void anOldNameThatIsStillReadIsNeverSuggestedNorListed() {
        Set<String> accepted = new TreeSet<>(TOP);
        accepted.add("s3_url");
        assertEquals(" (did you mean bucket_url?)", DidYouMean.hint("bucket_ur", accepted));
        assertFalse(DidYouMean.hint("s3_ur", accepted).contains("s3_url"), DidYouMean.hint("s3_ur", accepted));
        assertFalse(DidYouMean.hint("retention", accepted).contains("s3_url"));
        assertEquals("; known keys: excludes, hooks, includes, source",
                DidYouMean.hint("s3_url", ConfigSchema.childrenOf("backup_dirs[]")));
    }
}
