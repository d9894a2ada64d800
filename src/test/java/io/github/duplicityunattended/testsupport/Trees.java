package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds source trees and compares them file by file. */
public final class Trees {

    private Trees() {
    }

    /** A small tree with spaces in names, a nested dir, text and binary files. */
    public static Path sample(Path root) throws IOException {
        Files.createDirectories(root.resolve("sub dir/deeper"));
        Files.writeString(root.resolve("readme.txt"), "backups matter\n");
        Files.writeString(root.resolve("sub dir/notes with spaces.txt"), "line one\nline two\n");
        Files.write(root.resolve("sub dir/deeper/data.bin"), random(64 * 1024, 7));
        Files.writeString(root.resolve("cache.tmp"), "excluded\n");
        return root;
    }

    public static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Relative path -> SHA-256 of content, for every regular file under root. */
    public static Map<String, String> digest(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
