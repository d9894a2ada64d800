package io.github.duplicityunattended.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code gpg --with-colons --list-secret-keys} for the configured key and tells whether duplicity
 * can check its own signatures. gpg signs with the newest signing-capable subkey when the key has one;
 * duplicity compares the signer with {@code gpg_key_id} and, when they differ, refuses to resume an
 * interrupted backup ("Volume was signed by key ..., not ...").
 */
public final class SigningSubkey {

    private SigningSubkey() {
    }

    /** A problem sentence, or empty when gpg will sign with the key that {@code gpg_key_id} names. */
    public static Optional<String> problem(String configuredId, List<String> colonLines) {
        String configured = configuredId.toUpperCase(Locale.ROOT).replaceFirst("^0X", "");
        List<String[]> signingSubkeys = new ArrayList<>();
        String[] pending = null;
        for (String line : colonLines) {
            String[] f = line.split(":", -1);
            if (f[0].equals("ssb") && f.length > 11 && f[11].contains("s") && !f[1].equals("r") && !f[1].equals("e")) {
                pending = new String[] {f[4], f[5], ""};
                signingSubkeys.add(pending);
            } else if (f[0].equals("fpr") && pending != null && f.length > 9) {
                pending[2] = f[9];
                pending = null;
            } else if (!f[0].equals("fpr")) {
                pending = null;
            }
        }
        if (signingSubkeys.isEmpty()) {
            return Optional.empty();
        }
        String[] newest = signingSubkeys.stream()
                .max((a, b) -> Long.compare(parse(a[1]), parse(b[1]))).orElseThrow();
        if (newest[2].endsWith(configured) || newest[0].endsWith(configured)) {
            return Optional.empty();
        }
        return Optional.of("gpg_key_id: key " + configuredId + " signs with its subkey " + newest[0]
                + "; duplicity compares signatures with gpg_key_id and would refuse to resume an interrupted"
                + " backup: set gpg_key_id: " + newest[0]);
    }

    private static long parse(String created) {
        try {
            return Long.parseLong(created);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
