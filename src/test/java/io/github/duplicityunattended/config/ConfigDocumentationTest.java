package io.github.duplicityunattended.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The docs cannot drift from the loader: the reference table and the sample config name exactly the keys of
 * {@link ConfigSchema}, and the table states each key's type, whether it is required and its default as the
 * schema does.
 */
class ConfigDocumentationTest {

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    /** The file holding the reference table, between the two markers below. */
    static final Path REFERENCE = Path.of("README.md");

    private static final String START = "<!-- config-reference:start -->";
    private static final String END = "<!-- config-reference:end -->";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|(.*)\\|\\s*$");

    /** A row of the table: key, type, required, default; backquotes dropped. */
    record Row(String key, String type, String required, String defaultValue) {
        static Row of(ConfigSchema.Key k) {
            return new Row(k.name(), k.type(), k.required() ? "yes" : "no", k.defaultValue());
        }
    }

    static List<Row> table() throws IOException {
        String text = Files.readString(REFERENCE);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, REFERENCE + " has no table between " + START + " and " + END);
        return text.substring(start, end).lines().map(ROW::matcher).filter(Matcher::matches).map(m -> {
            String[] cells = m.group(2).split("\\|");
            return new Row(m.group(1), plain(cells[0]), plain(cells[1]), plain(cells[2]));
        }).toList();
    }

    private static String plain(String cell) {
        return cell.replace("`", "").strip();
    }

    private static Set<String> schemaKeys() {
        return ConfigSchema.KEYS.stream().map(ConfigSchema.Key::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertSameKeys(Set<String> documented, String where) {
        Set<String> missing = new TreeSet<>(schemaKeys());
        missing.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(schemaKeys());
        assertEquals("", (missing.isEmpty() ? "" : "missing from " + where + ": " + missing + ". ")
                + (unknown.isEmpty() ? "" : where + " names keys the loader does not know: " + unknown));
    }

    @Test
    void theReferenceTableNamesExactlyTheKeysOfTheSchema() throws IOException {
        assertSameKeys(table().stream().map(Row::key).collect(Collectors.toSet()), REFERENCE.toString());
    }

    @Test
    void theReferenceTableStatesTypeRequiredAndDefaultAsTheSchemaDoesInItsOrder() throws IOException {
        assertEquals(ConfigSchema.KEYS.stream().map(Row::of).toList(), table());
    }

    @Test
    void theSampleConfigNamesExactlyTheKeysOfTheSchema() {
        assertSameKeys(SampleConfig.keyNames(SampleConfig.everySettingOn()), SampleConfig.FILE.toString());
    }

    @Test
    void theDocumentedDefaultsAreTheLoadersDefaults() throws Exception {
        Config config = f.load(ConfigFixture.valid().without("cloud"));
        assertEquals(config.cloud().key(), defaultOf("cloud"));
        assertEquals(config.schedule(), defaultOf("schedule"));
        assertEquals(config.duplicityPath(), defaultOf("duplicity_path"));
        assertEquals(config.timeout(), Durations.parse(defaultOf("timeout")).orElseThrow());
        assertEquals(config.lockWait(), Durations.parse(defaultOf("lock_wait")).orElseThrow());
        assertEquals(String.valueOf(config.monitor().maxAgeDays()), defaultOf("monitor.max_age_days"));
        assertEquals(String.valueOf(config.parallel()), defaultOf("parallel"));
        assertEquals(List.of(Hook.DEFAULT_TIMEOUT, Hook.DEFAULT_TIMEOUT), List.of(
                Durations.parse(defaultOf("hooks[].timeout")).orElseThrow(),
                Durations.parse(defaultOf("backup_dirs[].hooks[].timeout")).orElseThrow()));
        assertEquals(config.monitor().schedule(), defaultOf("monitor.schedule"));
        assertEquals(String.valueOf(config.monitor().listThreads()), defaultOf("monitor.list_threads"));
        assertEquals(String.valueOf(config.verify().sampleFiles()), defaultOf("verify.sample_files"));
        assertEquals(config.verify().maxDownload(), ByteSizes.parse(defaultOf("verify.max_download")).orElseThrow());
        assertEquals(java.util.Optional.empty(), config.verify().schedule(), "the drill is " + defaultOf("verify.schedule"));
        assertEquals(List.of("[]", "[]", "[]", "[]"), List.of(defaultOf("duplicity_options"),
                defaultOf("backup_dirs[].includes"), defaultOf("backup_dirs[].excludes"),
                defaultOf("monitor.ignore_prefixes")));
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of()), List.of(config.duplicityOptions(),
                config.backupDirs().get(0).includes(), config.backupDirs().get(0).excludes(),
                config.monitor().ignorePrefixes()));
    }

    private static String defaultOf(String key) {
        return ConfigSchema.KEYS.stream().filter(k -> k.name().equals(key)).findFirst().orElseThrow().defaultValue();
    }
}
