package io.github.duplicityunattended.config;

import java.util.List;

/** Every problem found in a config file, each already worded as {@code file: dotted.path: what is wrong}. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
