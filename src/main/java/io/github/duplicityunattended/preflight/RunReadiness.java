package io.github.duplicityunattended.preflight;

import io.github.duplicityunattended.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a backup run cannot do without, checked before any duplicity call (the same checks, and words, as
 * {@code --validate}): the GnuPG secret key that signs, and a writable cache dir.
 */
public final class RunReadiness {

    private RunReadiness() {
    }

    /** Every problem, each a sentence; empty when a run can go ahead. */
    public static List<String> problems(Config config, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        SecretKey.problem(config, environment).ifPresent(problems::add);
        CacheDir.problem(config.archiveDir()).ifPresent(problems::add);
        return problems;
    }
}
