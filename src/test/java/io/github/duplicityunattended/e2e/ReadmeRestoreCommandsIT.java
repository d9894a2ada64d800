package io.github.duplicityunattended.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's restore commands for a machine that has lost everything but the key and the credentials, run as
 * written (bash, duplicity 0.8, a fresh GnuPG home) against backups the program made on S3Proxy. Only the example
 * values are replaced by the test's, each of which the block must contain.
 */
class ReadmeRestoreCommandsIT extends RealBackupTest {

    private static final String START = "<!-- restore-commands:start -->";
    private static final String END = "<!-- restore-commands:end -->";

    static String block() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md has no block between " + START + " and " + END);
        String block = readme.substring(start + START.length(), end).strip();
        assertTrue(block.startsWith("```sh\n") && block.endsWith("\n```"), block);
        return block.substring("```sh\n".length(), block.length() - "\n```".length());
    }

    @Test
    void theReadmesRestoreCommandsRestoreWhatTheProgramBackedUp() throws Exception {
        Path work = workDir("readme-restore");
        Path source = Files.createDirectories(work.resolve("etc"));
        Files.writeString(source.resolve("hosts"), "127.0.0.1 localhost\n");
        Files.createDirectories(source.resolve("ssh"));
        Files.writeString(source.resolve("ssh/sshd_config"), "PermitRootLogin no\n");
        Files.write(source.resolve("ssh/moduli"), Trees.random(30_000, 5));
        Path config = configFor(work, "readme-restore", List.of(source), "");
        assertEquals(0, runOnce(work, config).exitCode());
        Map<String, String> sshAsFirstBackedUp = Trees.digest(source.resolve("ssh"));
        Instant between = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Conditions.await(() -> Instant.now().isAfter(between.plusSeconds(1)), "a second after the full backup");
        Files.writeString(source.resolve("ssh/sshd_config"), "PermitRootLogin prohibit-password\n");
        assertEquals(0, runOnce(work, config).exitCode());

        Path root = Files.createDirectories(work.resolve("root"));
        Files.writeString(root.resolve("backup-key.asc"), gpg("--armor", "--export-secret-keys",
                env.key.fingerprint()));
        Files.copy(env.botoCredentials, root.resolve("aws_credentials"));
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("/root/", root + "/");
        examples.put("my-host-backup/etc", "readme-restore/" + BackupEnvironment.folder(source));
        examples.put("duplicity ", "duplicity --s3-endpoint-url " + env.s3.endpoint() + " ");
        examples.put("--time 3D", "--time " + between);
        String script = block();
        for (Map.Entry<String, String> example : examples.entrySet()) {
            assertTrue(script.contains(example.getKey()), "the block no longer says " + example.getKey());
            script = script.replace(example.getKey(), example.getValue());
        }

        Result result = bash(work, script);
        gpgconf(root.resolve("restore-gnupg"));

        assertEquals(0, result.exit(), result.output());
        Map<String, String> expected = Trees.digest(source);
        expected.remove("cache.tmp");
        assertEquals(expected, Trees.digest(root.resolve("restored-etc")));
        assertEquals(Files.readString(source.resolve("hosts")), Files.readString(root.resolve("hosts")));
        assertEquals(sshAsFirstBackedUp, Trees.digest(root.resolve("ssh-3-days-ago")));
        assertTrue(result.output().contains("Full         "), "collection-status lists the chain: "
                + result.output());
    }

    record Result(int exit, String output) {
    }

    /** Runs the script with bash, stopping at the first failing command, with a clean environment. */
    private static Result bash(Path dir, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("BOTO_CONFIG")
                || k.equals("GNUPGHOME") || k.equals("PASSPHRASE"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the README's commands did not end in 5 minutes:\n" + out);
        }
        return new Result(p.exitValue(), out);
    }

    private String gpg(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("gpg", "--batch", "--homedir", env.key.home().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gpg " + List.of(args) + " failed");
        return out;
    }

    /** Stops the gpg-agent the script's GnuPG home started. */
    private static void gpgconf(Path home) throws Exception {
        Process p = new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
