package io.github.duplicityunattended.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizesTest {

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1572864, 1.5 MiB", "209715200, 200.0 MiB",
        "1073741824, 1.0 GiB"})
    void aSizeIsSaidInTheLargestUnitBelowIt(long bytes, String text) {
        assertEquals(text, ByteSizes.human(bytes));
    }
}
