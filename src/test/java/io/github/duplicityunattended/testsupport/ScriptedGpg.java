package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for gpg, beside {@link ScriptedDuplicity} on PATH, for tests of a config whose key this machine
 * does not have (the original's sample configs): asked for a secret key, it lists that key, with no subkey, so
 * the program's start-up check of the key passes. Anything else it is asked fails.
 */
public final class ScriptedGpg {

    private ScriptedGpg() {
    }

    /** Writes {@code dir/gpg}. */
    public static Path create(Path dir) throws IOException {
        Path exe = dir.resolve("gpg");
        Files.writeString(exe, String.join("\n",
                "#!/bin/sh",
                "for key in \"$@\"; do :; done",
                "case \" $* \" in",
                "  *' --list-secret-keys '*)",
                "    echo \"sec:u:4096:1:$key:1600000000:::u:::scESC:::+:::23::0:\"",
                "    echo \"fpr:::::::::$key:\"; exit 0;;",
                "esac",
                "echo 'scripted gpg: not asked for a secret key' >&2; exit 2", ""));
        exe.toFile().setExecutable(true);
        return exe;
    }
}
