package io.github.duplicityunattended.duplicity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@code duplicity --version} once, to learn which URL schemes and options it takes. */
public final class DuplicityProbe {

    private DuplicityProbe() {
    }

    /** The version, or a sentence saying why it could not be learnt. */
    public static Result probe(String executable, Map<String, String> environment) {
        ProcessBuilder pb = new ProcessBuilder(List.of(executable, "--version")).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(environment);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(Optional.empty(), executable + " --version did not answer within 30 s");
            }
            Optional<DuplicityVersion> v = p.exitValue() == 0 ? DuplicityVersion.parse(out) : Optional.empty();
            return new Result(v, v.isPresent() ? "" : executable + " --version failed: " + firstLine(out));
        } catch (IOException e) {
            return new Result(Optional.empty(), "duplicity not found: cannot run '" + executable
                    + "' (install it, e.g. apt-get install duplicity python3-boto3, or set duplicity_path)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Optional.empty(), "interrupted while asking duplicity for its version");
        }
    }

    private static String firstLine(String s) {
        return s.isEmpty() ? "no output" : s.lines().findFirst().orElse("");
    }

    /** A version, or the reason there is none. */
    public record Result(Optional<DuplicityVersion> version, String problem) {
    }
}
