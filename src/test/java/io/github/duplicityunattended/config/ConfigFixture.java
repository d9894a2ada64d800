package io.github.duplicityunattended.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@code config.yaml} in a temporary dir, written from YAML text and loaded with a fixed environment
 * ({@code HOME=/home/backup}), so tests state exactly the problems a user would read. Register it with
 * {@code @RegisterExtension}: each test gets a fresh dir, removed afterwards.
 */
final class ConfigFixture implements BeforeEachCallback, AfterEachCallback {

    static final Map<String, String> ENVIRONMENT = Map.of("HOME", "/home/backup");

    Path dir;
    Path file;
    private final Map<String, String> environment;

    ConfigFixture() {
        this(ENVIRONMENT);
    }

    private ConfigFixture(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("config-test");
        file = dir.resolve("config.yaml");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** The same dir and file, loaded with another environment. */
    ConfigFixture withEnvironment(Map<String, String> other) {
        ConfigFixture fixture = new ConfigFixture(other);
        fixture.dir = dir;
        fixture.file = file;
        return fixture;
    }

    /** The smallest valid config, one top-level key a line (blocks indented below their key). */
    static Yaml valid() {
        return new Yaml()
                .set("cloud", "aws")
                .set("gpg_key_id", "0302EC6D2613E4936532366CB48526BB511A0E34")
                .set("bucket_url", "s3+http://my-host-backup")
                .set("full_if_older_than", "1M")
                .set("backup_dirs", "- source: /etc");
    }

    /** Writes the YAML (text or {@link Yaml}) to the config file and loads it. */
    Config load(Object yaml) throws ConfigException {
        write(file, yaml.toString());
        return new ConfigLoader(environment).load(file);
    }

    /** The monitor section of the smallest valid config with this {@code monitor:} section. */
    MonitorConfig monitor(String section) throws ConfigException {
        return load(valid().set("monitor", section)).monitor();
    }

    /** The problems of the smallest valid config with this {@code monitor:} section. */
    List<String> monitorProblems(String section) {
        return problems(valid().set("monitor", section));
    }

    /** The problems loading this YAML reports; fails the test when it loads. */
    List<String> problems(Object yaml) {
        write(file, yaml.toString());
        return problemsOfFile();
    }

    /** The problems loading the config file as it is reports. */
    List<String> problemsOfFile() {
        return assertThrows(ConfigException.class, () -> new ConfigLoader(environment).load(file),
                "the config should be refused").problems();
    }

    /** A problem as the loader words it for this fixture's file: {@code <file>: <path>: <what>}. */
    String problem(String pathAndWhat) {
        return file + ": " + pathAndWhat;
    }

    /** A credentials file with mode 600 in the fixture's dir. */
    Path credentials(String name, String text) {
        Path path = dir.resolve(name);
        write(path, text);
        chmod(path, "rw-------");
        return path;
    }

    static Path write(Path path, String text) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            return Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void chmod(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Top-level keys of a config as YAML text. A value that spans lines, is a list item ({@code - x}) or
     * a mapping entry ({@code k: v}) becomes a block indented below its key.
     */
    static final class Yaml {
        private final Map<String, String> entries = new LinkedHashMap<>();

        Yaml set(String key, String value) {
            entries.put(key, value);
            return this;
        }

        Yaml without(String key) {
            entries.remove(key);
            return this;
        }

        @Override
        public String toString() {
            return entries.entrySet().stream()
                    .map(e -> isBlock(e.getValue())
                            ? e.getKey() + ":\n" + e.getValue().strip().indent(2)
                            : e.getKey() + ": " + e.getValue() + "\n")
                    .collect(Collectors.joining());
        }

        private static boolean isBlock(String value) {
            return value.contains("\n") || value.startsWith("- ") || value.contains(": ");
        }
    }
}
