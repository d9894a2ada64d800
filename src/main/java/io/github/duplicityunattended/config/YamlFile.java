package io.github.duplicityunattended.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a config file into one YAML node tree, or says in one line why it cannot. */
final class YamlFile {

    private YamlFile() {
    }

    static Node read(Path file, String label) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw fail(label, "cannot read the config file ("
                    + (Files.exists(file) ? "permission denied or not a file" : "no such file") + ")");
        }
        String text = utf8(bytes).orElseThrow(() -> fail(label, "is not UTF-8 text (line "
                + firstBadLine(bytes) + "); save it as UTF-8"));
        Optional<Node> root;
        try {
            // non-scalar keys are composed so that NodeReader can say where they are
            root = new Compose(LoadSettings.builder().setLabel(label).setAllowNonScalarKeys(true).build())
                    .composeString(text);
        } catch (YamlEngineException e) {
            throw fail(label, "not valid YAML" + describe(e));
        }
        if (root.isEmpty() || NodeReader.isNull(root.get())) {
            throw fail(label, "the config file is empty");
        }
        return root.get();
    }

    private static ConfigException fail(String label, String what) {
        return new ConfigException(List.of(label + ": " + what));
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int firstBadLine(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (utf8(java.util.Arrays.copyOfRange(bytes, start, i)).isEmpty()) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }

    /** " at line L, column C: what the parser expected", without the parser's multi-line snippet. */
    private static String describe(YamlEngineException e) {
        if (!(e instanceof MarkedYamlEngineException m) || m.getProblemMark().isEmpty()) {
            return ": " + e.getMessage().replace('\n', ' ');
        }
        String where = " at line " + (m.getProblemMark().get().getLine() + 1)
                + ", column " + (m.getProblemMark().get().getColumn() + 1) + ": ";
        String context = m.getContext() == null || m.getContext().isEmpty() ? "" : m.getContext() + ", ";
        return where + context + m.getProblem();
    }
}
