package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs plain duplicity, the way the README tells a user to restore. */
public final class Duplicity {

    private Duplicity() {
    }

    public static String run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("duplicity")) {
            {
                addAll(List.of(args));
            }
        }).redirectErrorStream(true);
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("PASSPHRASE", "");
        pb.environment().putAll(e);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("duplicity " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }
}
