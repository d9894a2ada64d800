package io.github.duplicityunattended.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        // had the limit not held, the command would have finished (after 300 s) and said so
        ShortCommand.Result r = ShortCommand.run(List.of("sh", "-c", "echo started; sleep 300"), ENV,
                Duration.ofSeconds(1), true);
        assertEquals(new ShortCommand.Result(false, -1, ""), r);
    }
}
