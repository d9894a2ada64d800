package io.github.duplicityunattended.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Suggests the known key closest to a misspelt one. */
final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * What to add to "unknown key": the closest known key, else the list of known keys. Old names that are
     * still read ({@link ConfigSchema#RENAMED}) are never suggested: the new name is.
     */
    static String hint(String unknown, Set<String> known) {
        Set<String> current = new TreeSet<>(known);
        current.removeAll(ConfigSchema.RENAMED.keySet());
        return closest(unknown, current).map(k -> " (did you mean " + k + "?)")
                .orElse("; known keys: " + String.join(", ", current));
    }

    static Optional<String> closest(String unknown, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(unknown, k) <= Math.max(2, k.length() / 3))
                .min(Comparator.comparingInt(k -> distance(unknown, k)));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
