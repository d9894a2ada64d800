package io.github.duplicityunattended.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Lists the files below a {@code file://} backup target as keys relative to it ({@code etc/duplicity-full...}),
 * with their sizes.
 */
public final class DirectoryLister implements BucketLister {

    private final Path root;

    public DirectoryLister(Path root) {
        this.root = root;
    }

    @Override
    public void listObjects(Consumer<Listed> objects) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .map(f -> new Listed(root.relativize(f).toString().replace(java.io.File.separatorChar, '/'),
                            size(f)))
                    .forEach(objects);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
