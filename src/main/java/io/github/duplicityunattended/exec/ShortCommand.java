package io.github.duplicityunattended.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command to its end (a version query, a key listing) and collects its output: the given
 * environment only, stdin closed, and a time limit that holds even when the command stops talking.
 */
public final class ShortCommand {

    /**
     * @param finished false when the command was ended at the time limit
     * @param exitCode its exit value (-1 when it did not finish)
     * @param output   standard output, with standard error when asked for
     */
    public record Result(boolean finished, int exitCode, String output) {
    }

    private ShortCommand() {
    }

    public static Result run(List<String> argv, Map<String, String> environment, Duration limit, boolean withStderr)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.environment().putAll(environment);
        if (withStderr) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                output.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.completeExceptionally(new UncheckedIOException(e));
            }
        }, "output " + argv.get(0));
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            ProcessTree.terminate(p, Duration.ofSeconds(1));
            return new Result(false, -1, "");
        }
        reader.join(limit.toMillis());
        return new Result(true, p.exitValue(), output.getNow(""));
    }
}
