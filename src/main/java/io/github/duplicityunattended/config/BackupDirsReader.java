package io.github.duplicityunattended.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads {@code backup_dirs}: a non-empty list of {@code {source, includes?, excludes?, hooks?}}, no dir twice. */
final class BackupDirsReader {

    private final NodeReader r;
    private final Map<Path, String> seen = new HashMap<>();

    BackupDirsReader(NodeReader r) {
        this.r = r;
    }

    List<BackupDir> read(Node node) {
        if (NodeReader.isNull(node)) {
            if (ConfigSchema.isRequired("backup_dirs")) {
                r.problem("backup_dirs", "is required");
            }
            return List.of();
        }
        List<Node> items = r.sequence("backup_dirs", node);
        if (node instanceof SequenceNode && items.isEmpty()) {
            r.problem("backup_dirs", "must list at least one dir");
        }
        List<BackupDir> dirs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            entry("backup_dirs[" + i + "]", items.get(i)).ifPresent(dirs::add);
        }
        return dirs;
    }

    private Optional<BackupDir> entry(String path, Node node) {
        if (NodeReader.isNull(node)) {
            r.problem(path, "must not be empty; write \"- source: /some/dir\"");
            return Optional.empty();
        }
        if (node instanceof ScalarNode s) {
            r.problem(path, "must be a mapping: write \"- source: " + s.getValue() + "\" instead of \"- "
                    + s.getValue() + "\"");
            return Optional.empty();
        }
        Map<String, Node> entry = r.mapping(path, node, ConfigSchema.childrenOf("backup_dirs[]")).orElse(null);
        if (entry == null) {
            return Optional.empty();
        }
        Optional<String> source = r.string(path + ".source", entry.get("source"),
                ConfigSchema.isRequired("backup_dirs[].source")).filter(s -> sourceOk(path, s));
        List<String> includes = r.strings(path + ".includes", entry.get("includes"), false);
        List<String> excludes = r.strings(path + ".excludes", entry.get("excludes"), false);
        List<Hook> hooks = HooksReader.ofDir(r).read(path + ".hooks", entry.get("hooks"));
        return source.map(s -> new BackupDir(s, includes, excludes, hooks));
    }

    private boolean sourceOk(String path, String source) {
        Optional<String> unsafe = unsafeCharacter(source);
        if (unsafe.isPresent()) {
            r.problem(path + ".source", unsafe.get());
            return false;
        }
        if (!source.startsWith("/")) {
            r.problem(path + ".source", "must be an absolute path, not '" + source + "'");
            return false;
        }
        String first = seen.putIfAbsent(Path.of(source).normalize(), path + ".source");
        if (first != null) {
            r.problem(path + ".source", source + " is already backed up by " + first);
            return false;
        }
        return true;
    }

    /**
     * duplicity reads bucket_url + source as a URL: a '#' or '?' cuts the path there and '%' decodes what follows,
     * so such a dir would land in another dir's folder (and a control character could forge log lines).
     */
    static Optional<String> unsafeCharacter(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of(String.format("contains the control character U+%04X; such a dir cannot be backed up"
                        + " (back up its parent with includes instead)", (int) c));
            }
            if (c == '#' || c == '?' || c == '%') {
                return Optional.of("contains '" + c + "', which duplicity's URL parsing "
                        + (c == '%' ? "decodes" : "cuts off") + ", so the dir would not get a folder of its own"
                        + " at the target; back up its parent with includes instead");
            }
        }
        return Optional.empty();
    }
}
