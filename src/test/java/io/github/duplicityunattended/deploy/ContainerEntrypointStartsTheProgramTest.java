package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;

/**
 * container/entrypoint.sh, run here outside any container (no container engine runs on these
 * machines): a stand-in {@code java} prints the user, the ambient capabilities and the arguments it
 * was started with. Run as root, as CI is, the script first becomes the service user; the test uses
 * {@code nobody} for that.
 */
@UsesInstalledTools
class ContainerEntrypointStartsTheProgramTest {

    static final String JAR = "/opt/duplicity-unattended/duplicity-unattended.jar";
    static final String CONFIG = "/etc/duplicity-unattended/config.yaml";
    static final List<String> JVM_OPTIONS = List.of("-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-Xms8m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:-ShrinkHeapInSteps",
            "-XX:TrimNativeHeapInterval=5000");
    static final String SERVICE_USER = "nobody";
    /** CAP_DAC_READ_SEARCH (bit 2) and nothing else, as /proc/PID/status shows a capability set. */
    static final String ONLY_DAC_READ_SEARCH = "0000000000000004";

    @TempDir
    Path dir;
    Path entrypoint;
    Path state;
    final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void lay() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        entrypoint = dir.resolve("entrypoint.sh");
        Files.copy(DeployTools.file("container/entrypoint.sh"), entrypoint);
        Path java = Files.writeString(dir.resolve("java"), """
                #!/bin/sh
                echo "uid=$(id -u) ambient=$(sed -n 's/^CapAmb:[[:space:]]*//p' /proc/self/status)"
                for arg in "$@"; do echo "arg=$arg"; done
                """);
        for (Path script : List.of(entrypoint, java)) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        state = Files.createDirectory(dir.resolve("state"));
        ownByServiceUser(state);
        environment.put("JAVA", java.toString());
        environment.put("GNUPGHOME", state.resolve("gnupg").toString());
        environment.put("XDG_CACHE_HOME", state.resolve("cache").toString());
        environment.put("DUPLICITY_UNATTENDED_USER", SERVICE_USER);
    }

    @Test
    void noArgumentsStartTheDaemonWithTheImagesConfig() {
        assertEquals(javaArgs(List.of()), args(run()));
    }

    @Test
    void optionsArePassedAfterTheDefaultConfig() {
        assertEquals(javaArgs(List.of("--once", "--dry-run")), args(run("--once", "--dry-run")));
    }

    @Test
    void aConfigGivenOnTheCommandLineReplacesTheDefault() {
        List<String> expected = jvmOptions();
        expected.addAll(List.of("-jar", JAR, "--check", "--config", "/elsewhere.yaml"));
        assertEquals(expected, args(run("--check", "--config", "/elsewhere.yaml")));
    }

    @Test
    void javaOptionsReachTheJvmBeforeTheJar() {
        environment.put("JAVA_OPTS", "-Xmx128m -Dfile.encoding=UTF-8");
        List<String> args = args(run("--validate"));
        assertEquals(List.of("-Xmx128m", "-Dfile.encoding=UTF-8", "-jar"), args.subList(jvmOptions().size(), jvmOptions().size() + 3), args.toString());
    }

    @Test
    void anotherCommandRunsAsGivenInTheSameEnvironment() {
        DeployTools.Result result = run("sh", "-c", "echo \"gpg home $GNUPGHOME\"");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("gpg home " + state.resolve("gnupg"), result.output().strip());
    }

    @Test
    void missingGnupgHomeAndCacheAreCreatedPrivate() throws IOException {
        assertEquals(0, run("--version").exitCode());
        for (String sub : List.of("gnupg", "cache")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(sub))),
                    "gpg refuses a home that others can read");
        }
    }

    @Test
    void anUnwritableGnupgHomeStopsWithExitTwoBeforeJavaStarts() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        environment.put("GNUPGHOME", readOnly.toString());
        DeployTools.Result result = run("--once");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.output().contains(readOnly + " is not writable"), result.toString());
        assertFalse(result.output().contains("arg="), "java must not start: " + result);
    }

    @Test
    void startedAsRootItBecomesTheServiceUserKeepingOnlyDacReadSearch() throws IOException {
        assumeTrue(isRoot(), "only root can start as root; CI runs as root");
        String serviceUid = DeployTools.run(List.of("id", "-u", SERVICE_USER)).output().strip();
        List<String> lines = run("--once").output().lines().toList();
        assertEquals("uid=" + serviceUid + " ambient=" + ONLY_DAC_READ_SEARCH, lines.get(0));

        Path secret = Files.writeString(dir.resolve("root-only"), "root's secret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        DeployTools.Result read = run("cat", secret.toString());
        assertEquals("root's secret", read.output().strip(), "reads every file to back up: " + read);
        DeployTools.Result access = run("python3", "-c", "import os, sys; print(os.access(sys.argv[1], os.R_OK))",
                secret.toString());
        assertEquals("True", access.output().strip(),
                "duplicity skips a file unless access(2) allows it; that needs the no_setuid_fixup bit: " + access);
        DeployTools.Result write = run("sh", "-c", "echo changed > \"$0\"", secret.toString());
        assertNotEquals(0, write.exitCode(), "must not change what it backs up: " + write);
        assertEquals("root's secret\n", Files.readString(secret));
    }

    @Test
    void startedAsRootWithTheCapabilitiesTheReadmeAddsItReadsFilesOnlyRootCanRead() throws IOException {
        assumeTrue(isRoot(), "only root can start as root; CI runs as root");
        Path secret = Files.writeString(dir.resolve("root-only"), "root's secret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        DeployTools.Result access = runWithOnly(readmeCapAdds(), "python3", "-c",
                "import os, sys; print(os.access(sys.argv[1], os.R_OK))", secret.toString());
        assertEquals("True", access.output().strip(), "with " + readmeCapAdds() + ": " + access);
    }

    @Test
    void startedAsRootWithoutSetpcapItStopsWithExitTwoBeforeJavaStarts() {
        assumeTrue(isRoot(), "only root can start as root; CI runs as root");
        List<String> caps = new ArrayList<>(readmeCapAdds());
        assertTrue(caps.remove("setpcap"), "README's podman command no longer adds SETPCAP: " + caps);
        DeployTools.Result result = runWithOnly(caps, "--once");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.output().contains("add --cap-add=SETPCAP"), result.toString());
        assertFalse(result.output().contains("arg="), "java must not start: " + result);
    }

    /** The capabilities README's root container command adds after --cap-drop=ALL, e.g. setuid. */
    private static List<String> readmeCapAdds() {
        String readme = DeployTools.read(DeployTools.file("README.md"));
        assertTrue(readme.contains("--user 0 --cap-drop=ALL"), "README no longer shows the root container command");
        return Pattern.compile("--cap-add=([A-Z_]+)").matcher(readme).results()
                .map(m -> m.group(1).toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** The entrypoint as root holding only {@code caps}, as a container engine's --cap-drop/--cap-add leave it. */
    private DeployTools.Result runWithOnly(List<String> caps, String... args) {
        String bounding = "--bounding-set=-all" + caps.stream().map(c -> ",+" + c).collect(Collectors.joining());
        return run(List.of("setpriv", bounding, "--", entrypoint.toString()), args);
    }

    private DeployTools.Result run(String... args) {
        return run(List.of(entrypoint.toString()), args);
    }

    private DeployTools.Result run(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        return DeployTools.run(command, environment, dir);
    }

    private static List<String> args(DeployTools.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        return result.output().lines().filter(l -> l.startsWith("arg=")).map(l -> l.substring(4)).toList();
    }

    private List<String> javaArgs(List<String> programArgs) {
        List<String> expected = jvmOptions();
        expected.addAll(List.of("-jar", JAR, "--config", CONFIG));
        expected.addAll(programArgs);
        return expected;
    }

    /** The options of the program's JVM, with the class archive in the cache volume. */
    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add("-XX:SharedArchiveFile=" + state.resolve("cache/duplicity-unattended.jsa"));
        return options;
    }

    private static boolean isRoot() {
        return "0".equals(DeployTools.run(List.of("id", "-u")).output().strip());
    }

    /** When the test runs as root the script runs as the service user, who must own its state. */
    private static void ownByServiceUser(Path path) throws IOException {
        if (isRoot()) {
            UserPrincipal user = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVICE_USER);
            Files.setOwner(path, user);
        }
    }
}
