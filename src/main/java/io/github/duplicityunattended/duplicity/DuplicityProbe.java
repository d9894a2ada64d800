package io.github.duplicityunattended.duplicity;

import io.github.duplicityunattended.exec.ShortCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs {@code duplicity --version} once, to learn which URL schemes and options it takes. */
public final class DuplicityProbe {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private DuplicityProbe() {
    }

    /** The version, or a sentence saying why it could not be learnt. */
    public static Result probe(String executable, Map<String, String> environment) {
        try {
            ShortCommand.Result r = ShortCommand.run(List.of(executable, "--version"), environment, LIMIT, true);
            if (!r.finished()) {
                return new Result(Optional.empty(), executable + " --version did not answer within 30 s");
            }
            String out = r.output().strip();
            Optional<DuplicityVersion> v = r.exitCode() == 0 ? DuplicityVersion.parse(out) : Optional.empty();
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
