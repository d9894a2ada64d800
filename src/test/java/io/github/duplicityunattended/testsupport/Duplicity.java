package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs plain duplicity, the way the README tells a user to restore. */
public final class Duplicity {

    private Duplicity() {
    }

    /** Runs duplicity with these arguments to its end (at most 10 minutes); fails the test unless it exits 0. */
    public static String run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("duplicity"));
        argv.addAll(List.of(args));
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("PASSPHRASE", "");
        Command.Result r = Command.run(argv, e, null, Duration.ofMinutes(10));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", argv) + " failed:\n" + r);
        }
        return r.output();
    }
}
