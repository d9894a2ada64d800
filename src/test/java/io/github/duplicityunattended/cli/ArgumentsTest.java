package io.github.duplicityunattended.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.duplicityunattended.cli.Arguments.Action;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentsTest {

    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(List.of(args));
    }

    private static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    private static Arguments run(String config, boolean once, boolean dryRun, boolean skipPurge) {
        return new Arguments(Path.of(config), once, dryRun, skipPurge, Optional.empty(), Action.RUN);
    }

    @Test
    void withoutArgumentsItRunsAsADaemonOnConfigYamlInTheWorkingDir() throws Exception {
        assertEquals(run("config.yaml", false, false, false), parse());
    }

    @Test
    void theOriginalsOptionsKeepTheirMeaning() throws Exception {
        assertEquals(run("/etc/duplicity-unattended/config.yaml", true, true, true),
                parse("--config", "/etc/duplicity-unattended/config.yaml", "--dry-run", "--skip-purge"));
    }

    @Test
    void dryRunImpliesOnce() throws Exception {
        assertEquals(run("config.yaml", true, true, false), parse("--dry-run"));
    }

    @Test
    void onceAndSkipPurgeStandAlone() throws Exception {
        assertEquals(run("config.yaml", true, false, false), parse("--once"));
        assertEquals(run("config.yaml", false, false, true), parse("--skip-purge"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-c", "--config"})
    void theConfigIsGivenAsNextArgument(String option) throws Exception {
        assertEquals(Path.of("other.yaml"), parse(option, "other.yaml").config());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-c", "--config"})
    void theConfigIsGivenAfterAnEqualsSign(String option) throws Exception {
        assertEquals(Path.of("a=b.yaml"), parse(option + "=a=b.yaml").config());
    }

    @Test
    void theRoutesDirIsGivenEitherWay() throws Exception {
        assertEquals(Optional.of(Path.of("/srv/routes")), parse("--routes", "/srv/routes").routes());
        assertEquals(Optional.of(Path.of("/srv/routes")), parse("--routes=/srv/routes").routes());
    }

    @Test
    void theLastConfigGivenWins() throws Exception {
        assertEquals(Path.of("b.yaml"), parse("-c", "a.yaml", "--config=b.yaml").config());
    }

    @ParameterizedTest
    @CsvSource({"--config, --config", "-c, -c", "--routes, --routes", "'--config=', --config",
        "'--routes=', --routes"})
    void anOptionWithoutValueIsAUsageError(String arg, String option) {
        assertEquals(option + " needs a value", usageError(arg));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--dry-run", "-h", "--once"})
    void anOptionIsNoValue(String next) {
        assertEquals("--config needs a value", usageError("--config", next));
    }

    @ParameterizedTest
    @CsvSource({"--validate, VALIDATE", "--check, CHECK", "--test-email, TEST_EMAIL"})
    void eachActionIsParsedAndMayBeRepeated(String option, Action action) throws Exception {
        Arguments args = parse("-c", "x.yaml", option, option);
        assertEquals(new Arguments(Path.of("x.yaml"), false, false, false, Optional.empty(), action), args);
    }

    @Test
    void actionsExcludeEachOther() {
        assertEquals("--check cannot be combined with --validate", usageError("--validate", "--check"));
        assertEquals("--validate cannot be combined with --test-email", usageError("--test-email", "--validate"));
    }

    @ParameterizedTest
    @CsvSource({"--validate, --once", "--check, --dry-run", "--skip-purge, --test-email"})
    void actionsExcludeTheBackupOptions(String first, String second) {
        String action = first.startsWith("--skip") ? second : first;
        assertEquals("--once, --dry-run and --skip-purge go with a backup run, not with " + action,
                usageError(first, second));
    }

    @ParameterizedTest
    @CsvSource({"-h, HELP", "--help, HELP", "-V, VERSION", "--version, VERSION"})
    void helpAndVersionWinOverWhatFollows(String option, Action action) throws Exception {
        assertEquals(action, parse("--validate", option, "--bogus").action());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--once=yes", "--dry-run=1", "--skip-purge=true", "--validate=x", "--help=me",
        "--version=2"})
    void aFlagTakesNoValue(String arg) {
        assertEquals(arg.substring(0, arg.indexOf('=')) + " takes no value", usageError(arg));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "-x", "--config-file", "--dryrun"})
    void anUnknownOptionIsAUsageError(String arg) {
        assertEquals("unknown option " + arg, usageError(arg));
    }

    @Test
    void aStrayArgumentIsAUsageError() {
        assertEquals("unexpected argument 'config.yaml'", usageError("config.yaml"));
        assertEquals("unexpected argument 'a=b'", usageError("--once", "a=b"));
    }

    private static Arguments.ActionOptions options(String... args) throws UsageException {
        return parse(args).options();
    }

    @Test
    void statusIsAnActionAndPrintsJsonWhenAsked() throws Exception {
        assertEquals(Action.STATUS, parse("--status").action());
        assertEquals(false, options("--status").json());
        assertEquals(true, options("--json", "--status").json());
    }

    @Test
    void restoreTakesTheDirAndNeedsATarget() throws Exception {
        Arguments args = parse("--restore", "/home/user docs", "--to", "/tmp/restored");
        assertEquals(Action.RESTORE, args.action());
        assertEquals(new Arguments.ActionOptions(Optional.of("/home/user docs"), Optional.empty(), Optional.empty(),
                Optional.of(Path.of("/tmp/restored")), false, false), args.options());
    }

    @Test
    void restoreTakesAPathATimeAndForceEitherWay() throws Exception {
        assertEquals(new Arguments.ActionOptions(Optional.of("/etc"), Optional.of("ssh/sshd_config"),
                Optional.of("2026-11-01T02:00:00Z"), Optional.of(Path.of("/etc/ssh/sshd_config")), true, false),
                options("--restore=/etc", "--path=ssh/sshd_config", "--time", "2026-11-01T02:00:00Z", "--force",
                        "--to", "/etc/ssh/sshd_config"));
    }

    @Test
    void restoreWithoutATargetIsAUsageError() {
        assertEquals("--restore needs --to TARGET: where to restore", usageError("--restore", "/etc"));
        assertEquals("--restore needs a value", usageError("--restore", "--to", "/tmp/x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--path=hosts", "--time=3D", "--to=/tmp/x", "--force"})
    void theRestoreOptionsGoWithRestoreOnly(String option) {
        assertEquals("--path, --time, --to and --force go with --restore DIR", usageError("--verify", option));
        assertEquals("--path, --time, --to and --force go with --restore DIR", usageError(option));
    }

    @Test
    void jsonGoesWithStatusOnly() {
        assertEquals("--json goes with --status", usageError("--check", "--json"));
        assertEquals("--json goes with --status", usageError("--json"));
    }

    @Test
    void verifyTakesEveryDirOrTheOneThatFollows() throws Exception {
        assertEquals(Optional.empty(), options("--verify").dir());
        assertEquals(Optional.empty(), options("--verify", "--config", "x.yaml").dir());
        assertEquals(Optional.of("/srv/data"), options("--verify", "/srv/data", "-c", "x.yaml").dir());
        assertEquals(Optional.of("/srv/data"), options("--verify=/srv/data").dir());
        assertEquals(Action.VERIFY, parse("-c", "x.yaml", "--verify").action());
    }

    @Test
    void theNewActionsExcludeEachOtherAndTheBackupOptions() {
        assertEquals("--verify cannot be combined with --restore", usageError("--restore", "/etc", "--verify"));
        assertEquals("--status cannot be combined with --check", usageError("--check", "--status"));
        assertEquals("--once, --dry-run and --skip-purge go with a backup run, not with --verify",
                usageError("--verify", "--once"));
    }
}
