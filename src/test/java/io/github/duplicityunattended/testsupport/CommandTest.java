package io.github.duplicityunattended.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTest {

    @Test
    void theOutputOfBothStreamsTheExitCodeTheEnvironmentAndTheDirAreTheCommands(@TempDir Path dir) throws Exception {
        Command.Result r = Command.run(List.of("sh", "-c", "echo \"$MARK in $(pwd)\"; echo note >&2; exit 3"),
                Map.of("MARK", "x"), dir, Duration.ofMinutes(1));
        assertEquals(new Command.Result(3, "x in " + dir.toRealPath() + "\nnote\n"), r);
    }

    @Test
    void theTimeLimitHoldsWhenTheCommandKeepsItsOutputOpenAndWhatItStartedIsKilled() throws Exception {
        AssertionError e = assertThrows(AssertionError.class, () -> Command.run(
                List.of("sh", "-c", "sleep 300 & echo child $!; wait"), Map.of(), null, Duration.ofSeconds(1)));

        assertTrue(e.getMessage().contains("did not finish within 1 s; it said:\nchild "), e.getMessage());
        long child = Long.parseLong(e.getMessage().replaceAll("(?s).*child (\\d+).*", "$1"));
        Conditions.await(() -> !Processes.running(child), "the child sleep ends");
    }
}
