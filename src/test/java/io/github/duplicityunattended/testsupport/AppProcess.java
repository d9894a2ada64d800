package io.github.duplicityunattended.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The built jar run as users run it: {@code java -jar target/duplicity-unattended.jar ARGS}, with this JVM's
 * java or the one the system property {@code app.java} names (a failsafe execution runs the jar on Java 25).
 */
public final class AppProcess {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private AppProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    public static Path jar() {
        return Path.of(System.getProperty("app.jar", "target/duplicity-unattended.jar")).toAbsolutePath();
    }

    /** The java that runs the jar: the system property {@code app.java}, else the one running the tests. */
    public static String java() {
        String chosen = System.getProperty("app.java", "");
        return chosen.isBlank() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : chosen;
    }

    /** Starts the jar in {@code dir}, with this JVM's environment (less systemd's service variables) plus {@code env}. */
    public static AppProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(List.of(), dir, env, args);
    }

    /**
     * Starts the jar through a command that changes how it runs, such as {@code setpriv} dropping capabilities:
     * {@code PREFIX... java -jar JAR ARGS}.
     */
    public static AppProcess start(List<String> prefix, Path dir, Map<String, String> env, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        // the jar runs as if from a shell, even where the tests run in a systemd service: a test sets these itself
        pb.environment().keySet().removeAll(List.of("INVOCATION_ID", "JOURNAL_STREAM"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        return new AppProcess(p);
    }

    /** Runs the jar to the end (at most 5 minutes) and returns its exit code and output. */
    public static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        AppProcess app = start(dir, env, args);
        return app.await(Duration.ofMinutes(5));
    }

    /** Waits for the jar to end and for the last of its output; kills it and what it started after {@code limit}. */
    public Result await(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the jar did not end within " + limit.toSeconds() + " s; output:\n" + text());
        }
        reader.join(limit.toMillis()); // a process it left behind may hold the output open
        return new Result(process.exitValue(), List.copyOf(output));
    }

    public Process process() {
        return process;
    }

    /**
     * Sends the jar SIGTERM, as systemd and a container runtime stop it. Not {@link Process#destroy()}: that also
     * closes this side of the jar's output, and every line it writes while it stops would be lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    private String text() {
        return String.join("\n", output);
    }

    /** Exit code and every line the process printed. */
    public record Result(int exitCode, List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + text();
        }
    }
}
