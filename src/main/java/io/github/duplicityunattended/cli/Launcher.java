package io.github.duplicityunattended.cli;

import io.github.duplicityunattended.app.CannotStart;
import io.github.duplicityunattended.app.LogSetup;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.config.ConfigException;
import io.github.duplicityunattended.config.ConfigLoader;
import io.github.duplicityunattended.preflight.Preflight;
import io.github.duplicityunattended.monitor.MonitorTarget;
import io.github.duplicityunattended.support.Failures;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;

/**
 * The edge of the program: reads the command line, loads the config, and turns every outcome into an
 * exit code (0 ok, 1 a backup or check failed, 2 bad config, usage or environment). A user's mistake
 * gets a message, never a stack trace.
 */
public final class Launcher {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public Launcher(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        LogSetup.install();
        System.exit(new Launcher(System.out, System.err, System.getenv()).run(args));
    }

    public int run(String... argv) {
        Arguments args;
        try {
            args = Arguments.parse(Arrays.asList(argv));
        } catch (UsageException e) {
            err.println("duplicity-unattended: " + e.getMessage());
            err.println("Try --help for the options.");
            return ExitCode.USAGE;
        }
        if (args.action() == Arguments.Action.CHECK || args.action() == Arguments.Action.STATUS) {
            // the report is the output on stdout (Nagios style, or JSON); log lines go to stderr
            LogSetup.reportOnStandardOutput();
        }
        LogSetup.style(environment);
        if (args.action() == Arguments.Action.HELP) {
            out.print(Usage.TEXT);
            return ExitCode.OK;
        }
        if (args.action() == Arguments.Action.VERSION) {
            out.println("duplicity-unattended " + version());
            return ExitCode.OK;
        }
        Config config;
        try {
            config = new ConfigLoader(environment).load(args.config());
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() + " problem(s) in the config; nothing was done.");
            return ExitCode.USAGE;
        }
        LogSetup.level(args.logLevel().orElse(config.logLevel()));
        config.notices().forEach(LoggerFactory.getLogger("duplicity-unattended")::info);
        return switch (args.action()) {
            case VALIDATE -> validate(config, args);
            case RUN, START_ONLY -> runBackups(config, args);
            case CHECK, TEST_EMAIL -> monitor(config, args);
            case STATUS -> new StatusCommand(out, err, environment).run(config, args.options().json());
            case RESTORE -> started(() -> new RestoreCommand(err, environment).run(config, args));
            case VERIFY -> started(() -> new VerifyCommand(err, environment).run(config, args));
            default -> ExitCode.USAGE;
        };
    }

    private int monitor(Config config, Arguments args) {
        Optional<String> unlisted = MonitorTarget.of(config).whyNotListed();
        if (unlisted.isPresent()) {
            err.println("duplicity-unattended: " + unlisted.get());
            return ExitCode.USAGE;
        }
        MonitorCommand command = new MonitorCommand(out, err);
        try {
            return args.action() == Arguments.Action.CHECK ? command.check(config, args.routes())
                    : command.testEmail(config, args.routes());
        } catch (CannotStart e) {
            err.println("duplicity-unattended: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (Exception e) {
            return couldNotStart(e);
        }
    }

    private int validate(Config config, Arguments args) {
        Preflight check = new Preflight(config, environment, args.routes()).run();
        out.println(config.file() + ": config is valid");
        check.passed().forEach(p -> out.println("ok: " + p));
        check.problems().forEach(p -> err.println(config.file() + ": " + p));
        if (check.problems().isEmpty()) {
            out.println("Everything needed for a backup is in place.");
            return ExitCode.OK;
        }
        err.println(check.problems().size() + " problem(s) found; fix them before the next backup.");
        return ExitCode.USAGE;
    }

    private int runBackups(Config config, Arguments args) {
        return started(() -> new BackupCommand(environment).run(config, args));
    }

    /** Runs a command that starts Camel; a start that fails is exit code 2 with one message. */
    private int started(Callable<Integer> command) {
        try {
            return command.call();
        } catch (CannotStart e) {
            err.println("duplicity-unattended: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (Exception e) {
            return couldNotStart(e);
        }
    }

    /** Camel did not start (an edited --routes dir that does not parse, for example): exit code 2, one message. */
    private int couldNotStart(Exception e) {
        err.println("duplicity-unattended: could not start (check the routes): " + Failures.causes(e));
        return ExitCode.USAGE;
    }

    static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
