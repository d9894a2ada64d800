package io.github.duplicityunattended.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shaded jar (failsafe passes its path as {@code app.jar}) run as its own process, as a user runs it.
 * The JVM gets the checksum settings S3Proxy needs (the tests' S3 only; production keeps the SDK default).
 */
public final class AppJar {

    /** How a run ended. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private AppJar() {
    }

    /** Runs to the end (at most a minute) in {@code dir}. */
    public static Result run(Path dir, String... args) throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = builder(dir, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not end within 60 s: " + Files.readString(out));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts a long-running process (the daemon) whose output goes to {@code log}. */
    public static Process start(Path dir, Path log, String... args) throws IOException {
        return builder(dir, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until {@code log} holds a line containing {@code text}. */
    public static void awaitLine(Path log, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no line with '" + text + "' in: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static ProcessBuilder builder(Path dir, String... args) {
        String jar = System.getProperty("app.jar");
        if (jar == null) {
            throw new IllegalStateException("app.jar is not set: run the ITs with mvn verify");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Daws.requestChecksumCalculation=WHEN_REQUIRED",
                "-Daws.responseChecksumValidation=WHEN_REQUIRED",
                "-jar", Path.of(jar).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile());
    }
}
