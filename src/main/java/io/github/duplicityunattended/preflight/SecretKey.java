package io.github.duplicityunattended.preflight;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.exec.ShortCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks gpg whether the secret part of {@code gpg_key_id} is in the keyring duplicity will use, and whether gpg
 * signs with that very key (see {@link SigningSubkey}). Without it no backup can be encrypted and signed.
 */
public final class SecretKey {

    private SecretKey() {
    }

    /** A problem sentence, or empty when the key is there and signs as duplicity expects. */
    public static Optional<String> problem(Config config, Map<String, String> environment) {
        List<String> cmd = List.of("gpg", "--batch", "--with-colons", "--list-secret-keys", config.gpgKeyId());
        Map<String, String> env = new HashMap<>(environment);
        config.gpgHome().ifPresent(h -> env.put("GNUPGHOME", h.toString()));
        try {
            // stderr is left out: gpg's notes there ("checking the trustdb") are not part of the listing
            ShortCommand.Result r = ShortCommand.run(cmd, env, Duration.ofSeconds(30), false);
            if (r.finished() && r.exitCode() == 0) {
                return SigningSubkey.problem(config.gpgKeyId(), r.output().lines().toList());
            }
            return Optional.of("gpg_key_id: no secret key " + config.gpgKeyId() + " in the keyring"
                    + config.gpgHome().map(h -> " at " + h).orElse(" of this user")
                    + " (import it with gpg --import, or set gpg_home)");
        } catch (IOException e) {
            return Optional.of("gpg not found: install GnuPG (apt-get install gnupg)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking gpg for the key " + config.gpgKeyId());
        }
    }
}
