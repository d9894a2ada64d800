package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;

/**
 * The Containerfile cannot be built here (no container engine, no base images), so this reads it:
 * a Maven build stage, a Debian runtime with what duplicity needs, a non-root user, and the same
 * layout (jar, config, GnuPG home, cache) as the systemd units and the entrypoint.
 */
@UsesInstalledTools
class ContainerImageMatchesTheUnitsTest {

    /** One instruction, continuation lines joined: e.g. {@code ["RUN", "apt-get ..."]}. */
    record Instruction(String keyword, String arguments) {
    }

    final List<Instruction> instructions = parse(DeployTools.read(DeployTools.file("Containerfile")));
    final UnitFile daemon = UnitFile.read("systemd/duplicity-unattended.service");

    @Test
    void buildsWithMavenAndJava17ThenRunsOnDebianSlim() {
        List<String> stages = all("FROM");
        assertEquals(2, stages.size(), "multi-stage: " + stages);
        assertTrue(stages.get(0).matches(".*maven:3-[a-z-]*17 AS build"), stages.get(0));
        assertEquals("docker.io/library/debian:bookworm-slim", stages.get(1));
        assertTrue(all("RUN").stream().anyMatch(r -> r.contains("mvn ") && r.contains("package")));
    }

    @Test
    void theRuntimeHasAJreDuplicityGnupgAndBoto3() {
        String install = all("RUN").stream().filter(r -> r.contains("apt-get install")).findFirst().orElseThrow();
        List<String> words = List.of(install.split("\\s+"));
        for (String pkg : List.of("openjdk-17-jre-headless", "duplicity", "gnupg", "python3-boto3")) {
            assertTrue(words.contains(pkg), pkg + " is not installed: " + install);
        }
        assertTrue(words.contains("--no-install-recommends"), "keep the image small");
    }

    @Test
    void runsAsANonRootUser() {
        String user = last("USER");
        assertFalse(Set.of("root", "0", "0:0").contains(user), "USER " + user);
    }

    @Test
    void configGnupgHomeAndCacheAreVolumesLaidOutLikeTheUnits() {
        String env = last("ENV");
        String gnupg = daemon.environment("GNUPGHOME").orElseThrow();
        String cache = daemon.environment("XDG_CACHE_HOME").orElseThrow();
        assertTrue(env.contains("GNUPGHOME=" + gnupg), env);
        assertTrue(env.contains("XDG_CACHE_HOME=" + cache), env);
        String volumes = last("VOLUME");
        for (String dir : List.of("/etc/duplicity-unattended", cache, gnupg.substring(0, gnupg.lastIndexOf('/')))) {
            assertTrue(volumes.contains("\"" + dir + "\""), dir + " is not a volume: " + volumes);
        }
    }

    @Test
    void theJarAndEntrypointAreWhereTheUnitsAndTheScriptExpectThem() {
        String jar = ContainerEntrypointStartsTheProgramTest.JAR;
        assertTrue(daemon.get("ExecStart").contains("-jar " + jar), daemon.get("ExecStart"));
        assertTrue(all("COPY").contains("--from=build /src/target/duplicity-unattended.jar " + jar), all("COPY").toString());
        assertTrue(daemon.get("ExecStart").contains("--config " + ContainerEntrypointStartsTheProgramTest.CONFIG));

        String script = all("COPY").stream().filter(c -> c.startsWith("container/")).findFirst().orElseThrow();
        String[] fromTo = script.split(" ");
        DeployTools.file(fromTo[0]);
        assertTrue(last("ENTRYPOINT").contains("\"" + fromTo[1] + "\""), last("ENTRYPOINT"));
        assertTrue(last("ENTRYPOINT").startsWith("[\"/usr/bin/tini\""), "an init reaps gpg-agent: " + last("ENTRYPOINT"));
    }

    private List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private String last(String keyword) {
        List<String> found = all(keyword);
        assertFalse(found.isEmpty(), "no " + keyword + " in the Containerfile");
        return found.get(found.size() - 1);
    }

    private static List<Instruction> parse(String text) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            String[] parts = current.toString().strip().split("\\s+", 2);
            result.add(new Instruction(parts[0].toUpperCase(), parts.length > 1
                    ? String.join(" ", Arrays.asList(parts[1].split("\\s+"))) : ""));
            current.setLength(0);
        }
        return result;
    }
}
