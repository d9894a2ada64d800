package io.github.duplicityunattended.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --validate's look at a --routes dir: the shipped flows, and copies of them with something missing. */
class RouteWiringTest {

    @TempDir
    Path dir;

    private void copy(String flow) throws Exception {
        Files.copy(Path.of("routes", flow), dir.resolve(flow));
    }

    @Test
    void theShippedRoutesLoadAndReachEveryRouteTheySendTo() {
        assertEquals(List.of(), RouteWiring.problemsIn(Path.of("routes")));
    }

    @Test
    void aFlowThatOthersSendToBeingMissingIsNamed() throws Exception {
        copy("backup.camel.yaml");
        List<String> problems = RouteWiring.problemsIn(dir);
        assertTrue(problems.contains("--routes " + dir + ": route backup-failed sends to direct:failure-notice, but no"
                + " loaded route starts there (is a routes file missing?)"), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.startsWith("--routes " + dir + ": route ")
                && p.endsWith(", but no loaded route starts there (is a routes file missing?)")), problems::toString);
    }

    @Test
    void aFileThatDoesNotParseIsNamed() throws Exception {
        copy("monitor.camel.yaml");
        Files.writeString(dir.resolve("backup.camel.yaml"), "- route:\n    id: x\n    from: [\n");
        List<String> problems = RouteWiring.problemsIn(dir);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("--routes " + dir.resolve("backup.camel.yaml") + ": does not load: "),
                problems::toString);
    }

    @Test
    void aDirWithoutRoutesIsNamed() {
        assertEquals(List.of("--routes " + dir + ": holds no *.camel.yaml file"), RouteWiring.problemsIn(dir));
    }
}
