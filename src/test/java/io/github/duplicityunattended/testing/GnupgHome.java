package io.github.duplicityunattended.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throwaway GnuPG home holding one passphrase-less key, as the backups need. */
public final class GnupgHome implements AutoCloseable {

    private final Path home;
    private final String fingerprint;

    private GnupgHome(Path home, String fingerprint) {
        this.home = home;
        this.fingerprint = fingerprint;
    }

    public static GnupgHome create(Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path params = Files.writeString(dir.resolve("key-params"), """
                %no-protection
                Key-Type: RSA
                Key-Length: 1024
                Subkey-Type: RSA
                Subkey-Length: 1024
                Name-Real: Backup Test
                Name-Email: backup-test@example.com
                Expire-Date: 0
                %commit
                """);
        gpg(home, "--batch", "--gen-key", params.toString());
        String colons = gpg(home, "--batch", "--with-colons", "--list-secret-keys");
        String fingerprint = colons.lines().filter(l -> l.startsWith("fpr:")).findFirst()
                .map(l -> l.split(":")[9]).orElseThrow(() -> new IllegalStateException("no key made: " + colons));
        return new GnupgHome(home, fingerprint);
    }

    public Path path() {
        return home;
    }

    public String fingerprint() {
        return fingerprint;
    }

    private static String gpg(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("GNUPGHOME", home.toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("gpg " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** Stops the gpg-agent this home started. */
    @Override
    public void close() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("gpgconf", "--kill", "gpg-agent");
        pb.environment().put("GNUPGHOME", home.toString());
        try {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
