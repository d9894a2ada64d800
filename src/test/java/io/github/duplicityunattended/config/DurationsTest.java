package io.github.duplicityunattended.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "45m, PT45M", "6h, PT6H", "1d, PT24H", "1h30m, PT1H30M", "2d12h, PT60H",
        "' 10m ', PT10M", "1H, PT1H", "1D, PT24H", "30S, PT30S", "0s, PT0S", "1m1m, PT2M"})
    void partsAddUp(String text, Duration expected) {
        assertEquals(Optional.of(expected), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "1M", "1w", "1.5h", "-1h", "1 h", "h", "1h 30m", "99999999999999999999d",
        "106751991168d"})
    void anythingElseIsNoDuration(String text) {
        assertEquals(Optional.empty(), Durations.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"PT2H3M, 2h 03m", "PT25H, 25h 00m", "PT3M5S, 3m 05s", "PT12.34S, 12.3s", "PT0S, 0.0s"})
    void aDurationIsShownShort(Duration d, String shown) {
        assertEquals(shown, Durations.human(d));
    }
}
