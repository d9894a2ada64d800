package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VerifySectionTest {

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    private VerifyConfig load(String verify) throws ConfigException {
        return f.load(valid().set("verify", verify)).verify();
    }

    private List<String> problemsOf(String verify) {
        return f.problems(valid().set("verify", verify));
    }

    @Test
    void withoutTheSectionTheDrillTakesTwentyFilesWithinOneGibibyteAndIsNotScheduled() throws Exception {
        assertEquals(new VerifyConfig(20, 1L << 30, Optional.empty()), f.load(valid()).verify());
        assertEquals(new VerifyConfig(20, 1L << 30, Optional.empty()), load("{}"));
    }

    @Test
    void everyKeyOfTheSectionIsRead() throws Exception {
        assertEquals(new VerifyConfig(5, 200L << 20, Optional.of("0 0 5 ? * SUN")),
                load("sample_files: 5\nmax_download: 200MB\nschedule: 0 0 5 ? * SUN"));
    }

    @ParameterizedTest
    @CsvSource({"200MB, 209715200", "1GB, 1073741824", "512KiB, 524288", "4096, 4096", "2 mib, 2097152",
        "1TB, 1099511627776"})
    void theBudgetIsASizeCountedInUnitsOf1024(String text, long bytes) throws Exception {
        assertEquals(bytes, load("max_download: " + text).maxDownload());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "0", "1.5GB", "200 MBytes", "-1MB", "99999999999999999999"})
    void aBudgetThatIsNoPositiveSizeIsRefused(String text) {
        assertEquals(List.of(f.problem("verify.max_download: must be a size such as 200MB, 1GB or 512KiB (KB, MB,"
                + " GB, TB count in 1024s), not '" + text + "'")), problemsOf("max_download: '" + text + "'"));
    }

    @Test
    void aSampleOfNoFileIsRefused() {
        assertEquals(List.of(f.problem("verify.sample_files: must be a whole number of at least 1, not '0'")),
                problemsOf("sample_files: 0"));
    }

    @Test
    void theScheduleIsAQuartzCronExpression() {
        assertEquals(List.of(f.problem("verify.schedule: is not a quartz cron expression (Unexpected end of"
                + " expression.); it has six fields, seconds first: \"0 0 2 * * ?\" is daily at 02:00")),
                problemsOf("schedule: 0 5 * * *"));
    }

    @Test
    void anUnknownKeyOfTheSectionIsNamedWithItsSection() {
        assertEquals(List.of(f.problem("verify.sample_file: unknown key (did you mean sample_files?)")),
                problemsOf("sample_file: 3"));
    }
}
