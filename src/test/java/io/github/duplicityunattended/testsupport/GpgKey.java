package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A throwaway GnuPG home holding one passphrase-less key, made with {@code gpg --batch --gen-key}: an RSA
 * primary key that signs and an RSA subkey that encrypts, as {@code gpg --full-generate-key} makes them.
 */
public final class GpgKey implements AutoCloseable {

    private final Path home;
    private final String fingerprint;

    private GpgKey(Path home, String fingerprint) {
        this.home = home;
        this.fingerprint = fingerprint;
    }

    public static GpgKey create(Path parent) throws IOException, InterruptedException {
        Path home = Files.createDirectories(parent.resolve("gnupg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path params = parent.resolve("key-params");
        Files.writeString(params, String.join("\n",
                "%no-protection",
                "Key-Type: RSA",
                "Key-Length: 2048",
                "Key-Usage: sign",
                "Subkey-Type: RSA",
                "Subkey-Length: 2048",
                "Subkey-Usage: encrypt",
                "Name-Real: Backup Test Key",
                "Name-Email: backup-test@example.com",
                "Expire-Date: 0",
                "%commit", ""));
        run(home, "gpg", "--batch", "--gen-key", params.toString());
        String colons = run(home, "gpg", "--batch", "--with-colons", "--list-secret-keys");
        String fpr = colons.lines().filter(l -> l.startsWith("fpr:")).findFirst()
                .map(l -> l.split(":")[9]).orElseThrow(() -> new IOException("gpg made no key: " + colons));
        return new GpgKey(home, fpr);
    }

    /** Adds a signing subkey, newer than the primary key, so gpg signs with it rather than the primary. */
    public String addSigningSubkey() throws IOException, InterruptedException {
        run(home, "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                "--quick-add-key", fingerprint, "rsa2048", "sign", "0");
        String colons = run(home, "gpg", "--batch", "--with-colons", "--list-secret-keys", fingerprint);
        return colons.lines().filter(l -> l.startsWith("ssb:") && l.split(":")[11].contains("s"))
                .map(l -> l.split(":")[4]).reduce((a, b) -> b).orElseThrow();
    }

    /** What {@code gpg --with-colons --list-secret-keys} says of this key. */
    public List<String> colonListing() throws IOException, InterruptedException {
        return run(home, "gpg", "--batch", "--with-colons", "--list-secret-keys", fingerprint).lines().toList();
    }

    public Path home() {
        return home;
    }

    public String fingerprint() {
        return fingerprint;
    }

    static String run(Path home, String... cmd) throws IOException, InterruptedException {
        Command.Result r = Command.run(List.of(cmd), Map.of("GNUPGHOME", home.toString()), null, Duration.ofMinutes(5));
        if (r.exitCode() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + r.output());
        }
        return r.output();
    }

    @Override
    public void close() throws Exception {
        run(home, "gpgconf", "--kill", "gpg-agent");
    }
}
