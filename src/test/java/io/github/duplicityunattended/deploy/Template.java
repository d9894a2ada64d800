package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A CloudFormation template as plain maps, lists and strings. A short-form intrinsic function
 * ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, ...) becomes a {@link Tagged} value, so the policies
 * can be read without evaluating anything.
 */
final class Template {

    /** A value written with a short-form function tag, e.g. {@code !Ref BucketName}. */
    record Tagged(String function, Object value) {
    }

    /** One IAM statement of a policy in the template, with the logical id of its resource. */
    record Statement(String resource, Map<String, Object> body) {

        String effect() {
            return (String) body.get("Effect");
        }

        boolean allows() {
            return "Allow".equals(effect());
        }

        /** The actions, which must be literal strings to be audited at all. */
        List<String> actions() {
            Object action = body.get("Action");
            assertTrue(action != null && body.get("NotAction") == null,
                    resource + ": a statement needs an Action list, not NotAction: " + body);
            return asList(action).stream().map(a -> {
                if (!(a instanceof String s)) {
                    return fail(resource + ": actions must be literal to be audited: " + a);
                }
                return s;
            }).toList();
        }
    }

    final String name;
    final Map<String, Object> root;

    private Template(String name, Map<String, Object> root) {
        this.name = name;
        this.root = root;
    }

    static Template read(String relative) {
        Node node = new Compose(LoadSettings.builder().build())
                .composeString(DeployTools.read(DeployTools.file(relative)))
                .orElseThrow(() -> new AssertionError(relative + " is empty"));
        return new Template(relative, map(plain(node), relative));
    }

    Map<String, Object> section(String name) {
        return map(root.get(name), this.name + " " + name);
    }

    /** A resource's whole definition (Type, Properties, Condition, DeletionPolicy, ...). */
    Map<String, Object> resource(String logicalId) {
        return map(section("Resources").get(logicalId), name + " resource " + logicalId);
    }

    /** A resource's Properties. */
    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"), name + " " + logicalId + " Properties");
    }

    /** Logical ids of the resources of one type. */
    List<String> resourcesOfType(String type) {
        return section("Resources").keySet().stream()
                .filter(id -> type.equals(resource(id).get("Type")))
                .toList();
    }

    /**
     * Every statement of every policy the template defines: managed and inline IAM policies and
     * bucket policies.
     */
    List<Statement> statements() {
        List<Statement> statements = new ArrayList<>();
        for (String id : section("Resources").keySet()) {
            Map<String, Object> properties = map(resource(id).getOrDefault("Properties", Map.of()), id);
            Stream<Object> documents = Stream.concat(
                    Stream.ofNullable(properties.get("PolicyDocument")),
                    asList(properties.getOrDefault("Policies", List.of())).stream()
                            .map(p -> map(p, id + " Policies").get("PolicyDocument")));
            documents.filter(Objects::nonNull).forEach(document -> {
                for (Object s : asList(map(document, id + " PolicyDocument").get("Statement"))) {
                    statements.add(new Statement(id, map(s, id + " Statement")));
                }
            });
        }
        return statements;
    }

    /** Every action that some Allow statement grants, over all policies. */
    List<String> allowedActions() {
        return statements().stream().filter(Statement::allows).flatMap(s -> s.actions().stream()).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map)) {
            return fail(what + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    /** A YAML list as a list; a single value as a list of one (IAM allows either). */
    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List ? (List<Object>) value : List.of(value);
    }

    private static Object plain(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
            value = scalar.getValue();
        } else if (node instanceof SequenceNode sequence) {
            value = sequence.getValue().stream().map(Template::plain).toList();
        } else {
            Map<String, Object> mapping = new LinkedHashMap<>();
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                mapping.put(String.valueOf(plain(tuple.getKeyNode())), plain(tuple.getValueNode()));
            }
            value = mapping;
        }
        String tag = node.getTag().getValue();
        return tag.startsWith("!") ? new Tagged(tag, value) : value;
    }
}
