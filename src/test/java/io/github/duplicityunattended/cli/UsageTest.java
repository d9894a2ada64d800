package io.github.duplicityunattended.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every option the command line takes is in --help and in the README's command-line table. */
class UsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"--config", "--once", "--dry-run", "--skip-purge", "--routes", "--validate", "--check",
        "--test-email", "--status", "--json", "--restore", "--path", "--time", "--to", "--force", "--verify",
        "--help", "--version"})
    void theOptionIsDocumented(String option) throws Exception {
        assertTrue(Usage.TEXT.contains(" " + option + " ") || Usage.TEXT.contains(" " + option + "\n")
                || Usage.TEXT.contains(", " + option), option + " is missing from --help");
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Command line"), readme.indexOf("### Exit codes"));
        assertTrue(table.lines().anyMatch(l -> l.startsWith("| `" + option) || l.contains(", `" + option)
                || l.contains("/ `" + option)), option + " is missing from the README's command-line table");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--status", "--status --json", "--restore /etc --path hosts --time 3D --to /tmp/x --force",
        "--verify", "--verify /etc"})
    void theDocumentedFormsParse(String line) throws Exception {
        Arguments.parse(List.of(line.split(" ")));
    }
}
