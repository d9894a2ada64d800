package io.github.duplicityunattended.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code config.sample.yaml} as shipped and with its commented-out settings switched on. A commented-out
 * setting is a line {@code # <yaml line>} at the start of the line whose YAML is a key ({@code key: value},
 * {@code - key: value}); prose comments never look like that.
 */
final class SampleConfig {

    static final Path FILE = Path.of("config.sample.yaml");
    private static final Pattern SETTING = Pattern.compile("^# (\\s*(- )?[a-z_][a-z0-9_]*:(\\s.*)?)$");

    private SampleConfig() {
    }

    static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with every commented-out setting switched on. */
    static String everySettingOn() {
        return text().lines().map(line -> {
            Matcher m = SETTING.matcher(line);
            return m.matches() ? m.group(1) : line;
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * Every key a YAML text sets, named as in {@link ConfigSchema}: {@code monitor.sender},
     * {@code backup_dirs[].source}.
     */
    static Set<String> keyNames(String yaml) {
        Set<String> names = new TreeSet<>();
        collect("", new Load(LoadSettings.builder().build()).loadFromString(yaml), names);
        return names;
    }

    private static void collect(String prefix, Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                names.add(prefix + key);
                collect(prefix + key + ".", value, names);
            });
        } else if (node instanceof List<?> list && !prefix.isEmpty()) {
            String itemPrefix = prefix.substring(0, prefix.length() - 1) + "[].";
            list.forEach(item -> collect(itemPrefix, item, names));
        }
    }
}
