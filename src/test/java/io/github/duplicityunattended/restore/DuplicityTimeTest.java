package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The times duplicity takes for --time, and some it refuses; DuplicityTimeAgreesWithDuplicityTest asks duplicity. */
class DuplicityTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"now", "3D", "1h30m", "2W", "1Y2M", "90s", "1795711288", "2026-11-01", "2026/11/1",
        "11/01/2026", "1-2-2026", "20261101Z", "2026-11-01T02:00:00Z", "2026-11-01T02:00:00+01:00",
        "2026-11-01T02:00:00", "20261101T020000Z", "2026-02-31"})
    void duplicityTakes(String time) {
        assertEquals(true, DuplicityTime.parses(time), time);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "yesterday", "3d", "D", "3 days", "2026-13-01", "1899-01-01",
        "2026-11-01 02:00", "2026-11-01T25:00:00Z", "2026-11-01T02:00:00+1", "11/01/26", "-3D", "now "})
    void duplicityRefuses(String time) {
        assertEquals(false, DuplicityTime.parses(time), time);
    }
}
