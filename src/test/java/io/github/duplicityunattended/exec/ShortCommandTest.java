package io.github.duplicityunattended.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortCommandTest {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "MARK", "x");

    @Test
    void collectsStdoutAndTheExitCodeInTheGivenEnvironment() throws Exception {
        ShortCommand.Result r = ShortCommand.run(List.of("sh", "-c", "echo $MARK; echo note >&2; exit 3"), ENV,
                Duration.ofSeconds(10), false);
        assertEquals(new ShortCommand.Result(true, 3, "x\n"), r);
    }

    @Test
    void stderrIsCollectedWhenAskedFor() throws Exception {
        ShortCommand.Result r = ShortCommand.run(List.of("sh", "-c", "echo problem >&2; exit 1"), ENV,
                Duration.ofSeconds(10), true);
        assertEquals(new ShortCommand.Result(true, 1, "problem\n"), r);
    }

    @Test
    void theTimeLimitHoldsWhenTheCommandKeepsItsOutputOpen() throws Exception {
        long start = System.nanoTime();
        ShortCommand.Result r = ShortCommand.run(List.of("sh", "-c", "echo started; sleep 300"), ENV,
                Duration.ofSeconds(1), true);
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertFalse(r.finished());
        assertTrue(seconds < 10, "took " + seconds + " s");
    }
}
