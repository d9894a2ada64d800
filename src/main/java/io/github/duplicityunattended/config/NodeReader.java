package io.github.duplicityunattended.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads typed values out of a composed YAML tree, recording a problem (file, dotted path, what is
 * wrong) for every value that does not fit instead of stopping at the first. Scalars are read from
 * their source text, so {@code gpg_key_id: 00112233} keeps its leading zeros.
 */
final class NodeReader {

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private final String file;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    NodeReader(String file) {
        this.file = file;
    }

    List<String> problems() {
        return problems;
    }

    void problem(String path, String what) {
        problems.add(located(path, what));
    }

    /** What the program says once about a config that loads, such as an old key name it read. */
    List<String> notices() {
        return notices;
    }

    void notice(String path, String what) {
        notices.add(located(path, what));
    }

    private String located(String path, String what) {
        return path.isEmpty() ? file + ": " + what : file + ": " + path + ": " + what;
    }

    static boolean isNull(Node node) {
        return node == null
                || node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN
                        && NULLS.contains(s.getValue());
    }

    /** The mapping's entries by key text; reports non-mapping nodes, duplicate and unknown keys. */
    Optional<Map<String, Node>> mapping(String path, Node node, Set<String> known) {
        if (!(node instanceof MappingNode m)) {
            problem(path, "must be a mapping of keys to values, not a " + kind(node));
            return Optional.empty();
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode s)) {
                problem(path, "has a " + kind(t.getKeyNode()) + " as a key; keys are plain names");
                continue;
            }
            String key = s.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (entries.containsKey(key)) {
                problem(keyPath, "is given twice");
            } else if (known.contains(key)) {
                entries.put(key, t.getValueNode());
            } else {
                problem(keyPath, "unknown key" + DidYouMean.hint(key, known));
            }
        }
        return Optional.of(entries);
    }

    /** A non-empty scalar's text, or empty (with a problem when required or not a scalar). */
    Optional<String> string(String path, Node node, boolean required) {
        if (isNull(node)) {
            if (required) {
                problem(path, "is required");
            }
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode s)) {
            problem(path, "must be a single value, not a " + kind(node));
            return Optional.empty();
        }
        if (s.getValue().isBlank()) {
            if (required) {
                problem(path, "must not be empty");
            }
            return Optional.empty();
        }
        return Optional.of(s.getValue().strip());
    }

    /** A whole number of at least {@code min}. */
    Optional<Integer> integer(String path, Node node, int min) {
        return string(path, node, false).flatMap(text -> {
            try {
                int n = Integer.parseInt(text);
                if (n >= min) {
                    return Optional.of(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(path, "must be a whole number of at least " + min + ", not '" + text + "'");
            return Optional.empty();
        });
    }

    /** The elements of a sequence (empty list when null); reports a non-sequence. */
    List<Node> sequence(String path, Node node) {
        if (isNull(node)) {
            return List.of();
        }
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        problem(path, "must be a list, not a " + kind(node));
        return List.of();
    }

    /** A list of non-empty strings; a single scalar is accepted as a one-element list when {@code oneOk}. */
    List<String> strings(String path, Node node, boolean oneOk) {
        return List.copyOf(stringsByPath(path, node, oneOk).values());
    }

    /** Like {@link #strings}, each value under its own path ({@code path[i]}, or {@code path} for one scalar). */
    Map<String, String> stringsByPath(String path, Node node, boolean oneOk) {
        Map<String, String> out = new LinkedHashMap<>();
        if (oneOk && node instanceof ScalarNode && !isNull(node)) {
            string(path, node, false).ifPresent(s -> out.put(path, s));
            return out;
        }
        if (oneOk && node instanceof MappingNode) {
            problem(path, "must be a single value or a list, not a mapping");
            return out;
        }
        List<Node> items = sequence(path, node);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (isNull(items.get(i))) {
                problem(itemPath, "must not be empty");
            } else {
                string(itemPath, items.get(i), true).ifPresent(s -> out.put(itemPath, s));
            }
        }
        return out;
    }

    static String kind(Node node) {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "value";
    }
}
