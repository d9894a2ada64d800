package io.github.duplicityunattended.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A systemd unit file read line by line: its directives, each with its section and comment. */
final class UnitFile {

    /** One {@code Key=value} line (continuation lines joined), and the comment line just above it. */
    record Directive(String section, String key, String value, int line, boolean commented) {
    }

    final Path path;
    final List<Directive> directives = new ArrayList<>();

    private UnitFile(Path path) {
        this.path = path;
    }

    static UnitFile read(String relative) {
        UnitFile unit = new UnitFile(DeployTools.file(relative));
        String[] lines = DeployTools.read(unit.path).split("\n", -1);
        String section = "";
        boolean commentAbove = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']'));
                commentAbove = false;
            } else if (line.startsWith("#") || line.startsWith(";")) {
                commentAbove = true;
            } else if (line.isEmpty()) {
                commentAbove = false;
            } else {
                StringBuilder logical = new StringBuilder(line);
                while (logical.charAt(logical.length() - 1) == '\\' && i + 1 < lines.length) {
                    logical.setLength(logical.length() - 1);
                    logical.append(' ').append(lines[++i].strip());
                }
                int eq = logical.indexOf("=");
                unit.directives.add(new Directive(section, logical.substring(0, eq).strip(),
                        logical.substring(eq + 1).strip().replaceAll("\\s+", " "), number, commentAbove));
                commentAbove = false;
            }
        }
        return unit;
    }

    /** Every value of a key, in order (systemd allows repeating most keys). */
    List<String> all(String key) {
        return directives.stream().filter(d -> d.key().equals(key)).map(Directive::value).toList();
    }

    Optional<String> value(String key) {
        List<String> values = all(key);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** The value of a key that must be set. */
    String get(String key) {
        return value(key).orElseThrow(() -> new AssertionError(path.getFileName() + " does not set " + key + "="));
    }

    /** Values of {@code Environment=NAME=value} lines, by name. */
    Optional<String> environment(String name) {
        return all("Environment").stream()
                .filter(v -> v.startsWith(name + "="))
                .map(v -> v.substring(name.length() + 1))
                .reduce((first, second) -> second);
    }

    String name() {
        return path.getFileName().toString();
    }
}
