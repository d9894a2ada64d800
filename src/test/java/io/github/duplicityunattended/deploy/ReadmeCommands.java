package io.github.duplicityunattended.deploy;

import java.util.ArrayList;
import java.util.List;

/** The shell blocks of a README section, as a reader would copy them: what the deployment test runs. */
final class ReadmeCommands {

    private ReadmeCommands() {
    }

    /**
     * The {@code ```sh} blocks under the heading {@code heading} (such as {@code ### Install on the host}),
     * up to the next heading, in order, each without the indentation of its fence (blocks in a list).
     */
    static List<String> under(String heading) {
        List<String> lines = DeployTools.read(DeployTools.file("README.md")).lines().toList();
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new AssertionError("README.md has no heading '" + heading + "'");
        }
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        String indent = "";
        for (String line : lines.subList(start + 1, lines.size())) {
            if (block == null && line.startsWith("#")) {
                break;
            }
            String stripped = line.strip();
            if (block == null && stripped.equals("```sh")) {
                block = new StringBuilder();
                indent = line.substring(0, line.indexOf('`'));
            } else if (block != null && stripped.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
            }
        }
        return blocks;
    }

    /** The {@code index}th block under {@code heading} (0 is the first). */
    static String block(String heading, int index) {
        List<String> blocks = under(heading);
        if (index >= blocks.size()) {
            throw new AssertionError("README.md has " + blocks.size() + " shell block(s) under '" + heading
                    + "', not " + (index + 1));
        }
        return blocks.get(index);
    }
}
