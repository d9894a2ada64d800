package io.github.duplicityunattended.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a list of hooks ({@code hooks}, {@code backup_dirs[i].hooks}): each {@code {when, command, timeout?}},
 * the command an argv of strings taken exactly as written, since no shell splits or quotes it.
 */
final class HooksReader {

    /** {@code hooks} or {@code backup_dirs[].hooks}: the schema's name of the list, whose entries' keys it holds. */
    private final String schemaName;
    private final Set<Hook.When> allowed;
    private final NodeReader r;

    private HooksReader(NodeReader r, String schemaName, Set<Hook.When> allowed) {
        this.r = r;
        this.schemaName = schemaName;
        this.allowed = allowed;
    }

    /** The top-level {@code hooks}: before_run, after_run, on_failure. */
    static HooksReader ofRun(NodeReader r) {
        return new HooksReader(r, "hooks", EnumSet.of(Hook.When.BEFORE_RUN, Hook.When.AFTER_RUN, Hook.When.ON_FAILURE));
    }

    /** A dir's {@code hooks}: before, after. */
    static HooksReader ofDir(NodeReader r) {
        return new HooksReader(r, "backup_dirs[].hooks", EnumSet.of(Hook.When.BEFORE, Hook.When.AFTER));
    }

    /** The hooks under {@code path} (a dotted path such as {@code backup_dirs[2].hooks}), in order. */
    List<Hook> read(String path, Node node) {
        List<Node> items = r.sequence(path, node);
        List<Hook> hooks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            hook(path + "[" + i + "]", items.get(i)).ifPresent(hooks::add);
        }
        return hooks;
    }

    private Optional<Hook> hook(String path, Node node) {
        if (NodeReader.isNull(node)) {
            r.problem(path, "must not be empty; write \"- when: " + words().get(0) + "\" and a command below it");
            return Optional.empty();
        }
        Map<String, Node> entry = r.mapping(path, node, ConfigSchema.childrenOf(schemaName + "[]")).orElse(null);
        if (entry == null) {
            return Optional.empty();
        }
        Optional<Hook.When> when = r.string(path + ".when", entry.get("when"), true).flatMap(w -> {
            Optional<Hook.When> known = Hook.When.of(w).filter(allowed::contains);
            if (known.isEmpty()) {
                r.problem(path + ".when", "must be " + String.join(", ", words()).replaceFirst(", (\\w+)$", " or $1")
                        + ", not '" + w + "'");
            }
            return known;
        });
        Optional<List<String>> command = argv(path + ".command", entry.get("command"));
        Duration timeout = ValueChecks.duration(r, path + ".timeout", entry.get("timeout"), Hook.DEFAULT_TIMEOUT);
        return when.flatMap(w -> command.map(c -> new Hook(w, c, timeout)));
    }

    /** The program and its arguments: a non-empty list of strings, kept exactly as written. */
    private Optional<List<String>> argv(String path, Node node) {
        if (NodeReader.isNull(node)) {
            r.problem(path, "is required: the program and its arguments, e.g. [\"pg_dumpall\", \"-f\","
                    + " \"/var/backups/all.sql\"]");
            return Optional.empty();
        }
        if (!(node instanceof org.snakeyaml.engine.v2.nodes.SequenceNode)) {
            r.problem(path, "must be a list of strings, the program and its arguments (no shell runs it), not a "
                    + NodeReader.kind(node) + (node instanceof ScalarNode ? "; for a shell write [\"sh\", \"-c\","
                    + " \"...\"]" : ""));
            return Optional.empty();
        }
        List<Node> items = r.sequence(path, node);
        if (items.isEmpty()) {
            r.problem(path, "must not be empty: name the program to run");
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            if (!(item instanceof ScalarNode s)) {
                r.problem(itemPath, "must be a string, not a " + NodeReader.kind(item));
            } else if (NodeReader.isNull(item) || i == 0 && s.getValue().isBlank()) {
                r.problem(itemPath, i == 0 ? "must name the program to run" : "must not be empty; write \"\" for an"
                        + " empty argument");
            } else {
                argv.add(s.getValue());
            }
        }
        return argv.size() == items.size() ? Optional.of(argv) : Optional.empty();
    }

    private List<String> words() {
        return allowed.stream().map(Hook.When::word).collect(Collectors.toList());
    }
}
