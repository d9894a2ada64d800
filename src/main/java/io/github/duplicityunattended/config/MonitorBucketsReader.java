package io.github.duplicityunattended.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code monitor.bucket}: a bucket's name, one {@code {name, prefix, folders}} mapping, or a list of either.
 * No part of a bucket may be listed twice (the same bucket, or a prefix inside another entry's).
 */
final class MonitorBucketsReader {

    private static final String PATH = "monitor.bucket";

    private record Listed(MonitorConfig.Bucket bucket, String path) {
    }

    private final NodeReader r;
    private final List<Listed> listed = new ArrayList<>();

    MonitorBucketsReader(NodeReader r) {
        this.r = r;
    }

    /** The buckets the section names, or empty when it names none (the default applies then). */
    Optional<List<MonitorConfig.Bucket>> read(Node node) {
        if (NodeReader.isNull(node) || node instanceof ScalarNode s && s.getValue().isBlank()) {
            return Optional.empty();
        }
        if (!(node instanceof SequenceNode)) {
            return Optional.of(entry(PATH, node).stream().toList());
        }
        List<Node> items = r.sequence(PATH, node);
        if (items.isEmpty()) {
            r.problem(PATH, "must name at least one bucket");
        }
        List<MonitorConfig.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            entry(PATH + "[" + i + "]", items.get(i)).ifPresent(buckets::add);
        }
        return Optional.of(buckets);
    }

    private Optional<MonitorConfig.Bucket> entry(String path, Node node) {
        if (NodeReader.isNull(node)) {
            r.problem(path, "must not be empty; write a bucket's name, or \"- name: my-bucket\"");
            return Optional.empty();
        }
        Optional<MonitorConfig.Bucket> bucket;
        if (node instanceof ScalarNode) {
            bucket = r.string(path, node, true).filter(n -> nameOk(path, n)).map(MonitorConfig.Bucket::named);
        } else if (node instanceof MappingNode) {
            Map<String, Node> m = r.mapping(path, node, ConfigSchema.childrenOf(PATH + "[]")).orElse(Map.of());
            Optional<String> name = r.string(path + ".name", m.get("name"),
                    ConfigSchema.isRequired(PATH + "[].name")).filter(n -> nameOk(path + ".name", n));
            String prefix = r.string(path + ".prefix", m.get("prefix"), false).map(MonitorBucketsReader::keyPrefix)
                    .orElse("");
            List<String> folders = folders(path + ".folders", m.get("folders"));
            bucket = name.map(n -> new MonitorConfig.Bucket(n, prefix, folders));
        } else {
            r.problem(path, "must be a bucket's name or a mapping such as {name: my-bucket, prefix: host1}, not a "
                    + NodeReader.kind(node));
            return Optional.empty();
        }
        return bucket.filter(b -> listedOnce(path, b));
    }

    private boolean nameOk(String path, String name) {
        if (name.contains("://")) {
            r.problem(path, "must be a bucket's name such as my-host-backup, not a URL ('" + name + "')");
            return false;
        }
        int slash = name.indexOf('/');
        if (slash >= 0) {
            r.problem(path, "must be a bucket's name, not '" + name + "'; for the keys under a prefix write {name: "
                    + name.substring(0, slash) + ", prefix: " + keyPrefix(name.substring(slash)) + "}");
            return false;
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            r.problem(path, "must be a bucket's name, which has no spaces, not '" + name + "'");
            return false;
        }
        return true;
    }

    private List<String> folders(String path, Node node) {
        Set<String> folders = new LinkedHashSet<>();
        r.stringsByPath(path, node, false).forEach((itemPath, text) -> {
            String folder = keyPrefix(text);
            if (folder.isEmpty()) {
                r.problem(itemPath, "must name a folder such as etc or srv/www, not '" + text + "'");
            } else {
                folders.add(folder);
            }
        });
        return List.copyOf(folders);
    }

    /** True when no earlier entry lists any part of this one; else a problem. */
    private boolean listedOnce(String path, MonitorConfig.Bucket bucket) {
        for (Listed earlier : listed) {
            MonitorConfig.Bucket other = earlier.bucket();
            if (other.name().equals(bucket.name())
                    && (within(bucket.prefix(), other.prefix()) || within(other.prefix(), bucket.prefix()))) {
                r.problem(path, other.location().equals(bucket.location())
                        ? bucket.location() + " is already listed by " + earlier.path()
                        : bucket.location() + " overlaps " + other.location() + " of " + earlier.path()
                                + ": their folders would be listed twice");
                return false;
            }
        }
        listed.add(new Listed(bucket, path));
        return true;
    }

    /** True when the keys under {@code prefix} are among those under {@code outer}. */
    private static boolean within(String prefix, String outer) {
        return outer.isEmpty() || prefix.equals(outer) || prefix.startsWith(outer + "/");
    }

    /** A key prefix as S3 keys spell it: no leading, trailing or doubled slashes. */
    private static String keyPrefix(String text) {
        return BucketUrl.trimSlashes(text).replaceAll("/{2,}", "/");
    }
}
