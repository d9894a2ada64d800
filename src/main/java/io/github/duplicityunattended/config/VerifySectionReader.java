package io.github.duplicityunattended.config;

import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the optional {@code verify:} section. */
final class VerifySectionReader {

    private final NodeReader r;

    VerifySectionReader(NodeReader r) {
        this.r = r;
    }

    VerifyConfig read(Node node) {
        Map<String, Node> m = NodeReader.isNull(node) ? Map.of()
                : r.mapping("verify", node, ConfigSchema.childrenOf("verify")).orElse(Map.of());
        int sample = r.integer("verify.sample_files", m.get("sample_files"), 1)
                .orElse(VerifyConfig.DEFAULT_SAMPLE_FILES);
        long budget = r.string("verify.max_download", m.get("max_download"), false).map(text -> {
            Optional<Long> size = ByteSizes.parse(text).filter(n -> n > 0);
            if (size.isEmpty()) {
                r.problem("verify.max_download", "must be a size such as 200MB, 1GB or 512KiB (KB, MB, GB, TB count"
                        + " in 1024s), not '" + text + "'");
            }
            return size;
        }).flatMap(size -> size).orElseGet(() -> ByteSizes.parse(VerifyConfig.DEFAULT_MAX_DOWNLOAD).orElseThrow());
        Optional<String> schedule = r.string("verify.schedule", m.get("schedule"), false)
                .map(cron -> ValueChecks.cron(r, "verify.schedule", m.get("schedule"), cron));
        return new VerifyConfig(sample, budget, schedule);
    }
}
