package io.github.duplicityunattended.cli;

import io.github.duplicityunattended.config.LogLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line. {@code --dry-run} implies {@code --once}; the actions {@code --validate},
 * {@code --check}, {@code --test-email} and {@code --start-only} exclude each other and the backup options.
 */
public record Arguments(
        Path config,
        boolean once,
        boolean dryRun,
        boolean skipPurge,
        Optional<Path> routes,
        Action action,
        Optional<LogLevel> logLevel) {

    /** What the process does. */
    public enum Action { RUN, VALIDATE, CHECK, TEST_EMAIL, START_ONLY, HELP, VERSION }

    /** Without --verbose or --quiet. */
    public Arguments(Path config, boolean once, boolean dryRun, boolean skipPurge, Optional<Path> routes,
                     Action action) {
        this(config, once, dryRun, skipPurge, routes, action, Optional.empty());
    }

    private static final Set<String> WITH_VALUE = Set.of("--config", "-c", "--routes");
    private static final Map<String, Action> ACTIONS = Map.of(
            "--validate", Action.VALIDATE, "--check", Action.CHECK, "--test-email", Action.TEST_EMAIL,
            "--start-only", Action.START_ONLY);

    public static Arguments parse(List<String> args) throws UsageException {
        Path config = Path.of("config.yaml");
        boolean once = false;
        boolean dryRun = false;
        boolean skipPurge = false;
        Optional<Path> routes = Optional.empty();
        Action action = Action.RUN;
        String actionOption = "";
        Optional<LogLevel> logLevel = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.startsWith("-") ? arg.indexOf('=') : -1;
            String name = eq < 0 ? arg : arg.substring(0, eq);
            Optional<String> inline = eq < 0 ? Optional.empty() : Optional.of(arg.substring(eq + 1));
            if (WITH_VALUE.contains(name)) {
                String value = value(args, i, name, inline);
                if (name.equals("--routes")) {
                    routes = Optional.of(Path.of(value));
                } else {
                    config = Path.of(value);
                }
                i += inline.isEmpty() ? 1 : 0;
                continue;
            }
            if (inline.isPresent()) {
                throw new UsageException(name + " takes no value");
            }
            switch (name) {
                case "--once" -> once = true;
                case "--dry-run" -> dryRun = true;
                case "--skip-purge" -> skipPurge = true;
                case "--verbose", "-v", "--quiet", "-q" -> {
                    LogLevel level = name.startsWith("--v") || name.equals("-v") ? LogLevel.VERBOSE : LogLevel.QUIET;
                    if (logLevel.filter(l -> l != level).isPresent()) {
                        throw new UsageException("--verbose cannot be combined with --quiet");
                    }
                    logLevel = Optional.of(level);
                }
                case "--help", "-h" -> {
                    return new Arguments(config, once, dryRun, skipPurge, routes, Action.HELP);
                }
                case "--version", "-V" -> {
                    return new Arguments(config, once, dryRun, skipPurge, routes, Action.VERSION);
                }
                default -> {
                    Action next = ACTIONS.get(name);
                    if (next == null) {
                        throw new UsageException(arg.startsWith("-") ? "unknown option " + arg
                                : "unexpected argument '" + arg + "'");
                    }
                    if (action != Action.RUN && action != next) {
                        throw new UsageException(name + " cannot be combined with " + actionOption);
                    }
                    action = next;
                    actionOption = name;
                }
            }
        }
        if (action != Action.RUN && (once || dryRun || skipPurge)) {
            throw new UsageException("--once, --dry-run and --skip-purge go with a backup run, not with "
                    + actionOption);
        }
        return new Arguments(config, once || dryRun, dryRun, skipPurge, routes, action, logLevel);
    }

    private static String value(List<String> args, int i, String name, Optional<String> inline)
            throws UsageException {
        String value = inline.orElse(i + 1 < args.size() ? args.get(i + 1) : "");
        if (value.isEmpty() || inline.isEmpty() && value.startsWith("-")) {
            throw new UsageException(name + " needs a value");
        }
        return value;
    }
}
