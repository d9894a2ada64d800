package io.github.duplicityunattended.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command a test needs (gpg, duplicity, a linter) to its end: stdin closed, stdout and stderr together.
 * The output is read in a thread of its own, so the time limit holds even when the command keeps its output
 * open; past the limit the command and what it started are killed and the test fails with what it said so far.
 */
public final class Command {

    /** What a finished command said. */
    public record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    private Command() {
    }

    /**
     * @param environment added to this JVM's environment
     * @param dir         the working dir; null for this JVM's
     */
    public static Result run(List<String> argv, Map<String, String> environment, Path dir, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "output of " + argv.get(0));
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(argv + " did not finish within " + limit.toSeconds() + " s; it said:\n"
                    + text(output));
        }
        reader.join(limit.toMillis()); // a process it left behind may hold the output open
        return new Result(process.exitValue(), text(output));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static String text(ByteArrayOutputStream output) {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }
}
