package io.github.duplicityunattended.testsupport;

import io.github.duplicityunattended.duplicity.DuplicityVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs plain duplicity, the way the README tells a user to restore. Which duplicity: the one on PATH
 * (Debian 12's 0.8.22), or the executable named by the system property {@code duplicity.path} (the
 * failsafe executions that run the end-to-end tests again with 2.1.4 and 3.0.4 set it).
 */
public final class Duplicity {

    private static DuplicityVersion version;

    private Duplicity() {
    }

    /** The duplicity chosen for this test run, if not the one on PATH: what configs give as duplicity_path. */
    public static Optional<String> chosen() {
        return Optional.ofNullable(System.getProperty("duplicity.path")).filter(p -> !p.isBlank());
    }

    public static String executable() {
        return chosen().orElse("duplicity");
    }

    /** The version of that duplicity, asked once. */
    public static synchronized DuplicityVersion version() throws IOException, InterruptedException {
        if (version == null) {
            String out = run(Map.of(), "--version");
            version = DuplicityVersion.parse(out)
                    .orElseThrow(() -> new AssertionError(executable() + " --version said: " + out));
        }
        return version;
    }

    /** The URL of a bucket folder as the README tells a user to write it: boto3+s3:// on 0.8, s3:// on 2 and 3. */
    public static String s3Url(String bucketAndFolder) throws IOException, InterruptedException {
        return (version().major() >= 2 ? "s3://" : "boto3+s3://") + bucketAndFolder;
    }

    /** Runs that duplicity with these arguments to its end (at most 10 minutes); fails the test unless it exits 0. */
    public static String run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable()));
        command.addAll(List.of(args));
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("PASSPHRASE", "");
        Command.Result r = Command.run(command, e, null, Duration.ofMinutes(10));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + r);
        }
        return r.output();
    }
}
