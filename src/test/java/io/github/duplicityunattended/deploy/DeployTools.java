package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.duplicityunattended.testsupport.Command;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The project's files and the external checkers the deployment-kit tests run. A missing checker
 * fails the test with the command that installs it: these checks are never skipped quietly.
 */
final class DeployTools {

    static final String INSTALL_HINT = "run .ci/install-deploy-tools";

    private DeployTools() {
    }

    /** The project root (Maven's basedir). */
    static Path root() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /** A file of the project, which must exist. */
    static Path file(String relative) {
        Path path = root().resolve(relative);
        if (!Files.isRegularFile(path)) {
            fail(relative + " is missing from the project");
        }
        return path;
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command on PATH, or a failed test naming the install script. */
    static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(command + " is not installed: " + INSTALL_HINT);
    }

    /** cfn-lint where .ci/install-deploy-tools puts it. */
    static String cfnLint() {
        Path lint = root().resolve(".tools/deploy/node_modules/.bin/cfn-lint");
        if (!Files.isExecutable(lint)) {
            fail("cfn-lint is not installed in .tools/deploy/: " + INSTALL_HINT);
        }
        return lint.toString();
    }

    /** What a finished command said (stdout and stderr together, colour codes removed). */
    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    static Result run(List<String> command) {
        return run(command, Map.of(), root());
    }

    /** Runs a checker to its end; one that is still running after 2 minutes is killed and fails the test. */
    static Result run(List<String> command, Map<String, String> environment, Path workingDir) {
        try {
            Command.Result r = Command.run(command, environment, workingDir, Duration.ofMinutes(2));
            return new Result(r.exitCode(), r.output().replaceAll("\u001B\\[[0-9;]*m", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
