package io.github.duplicityunattended.cli;

import io.github.duplicityunattended.config.LogLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line. {@code --dry-run} implies {@code --once}; the actions {@code --validate},
 * {@code --check}, {@code --test-email}, {@code --status}, {@code --restore} and {@code --verify} exclude each other
 * and the backup options; {@code --json} goes with {@code --status}, {@code --path}, {@code --time}, {@code --to}
 * and {@code --force} with {@code --restore}, which needs {@code --to}. {@code --verbose} and {@code --quiet}
 * set how much is logged, over the config's {@code log_level}.
 */
public record Arguments(
        Path config,
        boolean once,
        boolean dryRun,
        boolean skipPurge,
        Optional<Path> routes,
        Action action,
        ActionOptions options,
        Optional<LogLevel> logLevel) {

    /** What the process does. */
    public enum Action { RUN, VALIDATE, CHECK, TEST_EMAIL, STATUS, RESTORE, VERIFY, HELP, VERSION }

    /**
     * What {@code --status}, {@code --restore} and {@code --verify} act on and how.
     *
     * @param dir   the configured dir (its source) to restore or verify; empty for every dir
     * @param path  a file or subdir of the dir to restore, relative to it
     * @param time  a duplicity time to restore as of
     * @param to    where to restore
     * @param force restore into a non-empty target
     * @param json  print the status as JSON
     */
    public record ActionOptions(Optional<String> dir, Optional<String> path, Optional<String> time,
                                Optional<Path> to, boolean force, boolean json) {

        public static final ActionOptions NONE = new ActionOptions(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, false);
    }

    /** Without action options, as the backup and monitor actions are, and without --verbose or --quiet. */
    public Arguments(Path config, boolean once, boolean dryRun, boolean skipPurge, Optional<Path> routes,
                     Action action) {
        this(config, once, dryRun, skipPurge, routes, action, ActionOptions.NONE, Optional.empty());
    }

    private static final Set<String> WITH_VALUE = Set.of("--config", "-c", "--routes", "--restore", "--path",
            "--time", "--to");
    private static final Map<String, Action> ACTIONS = Map.of(
            "--validate", Action.VALIDATE, "--check", Action.CHECK, "--test-email", Action.TEST_EMAIL,
            "--status", Action.STATUS, "--restore", Action.RESTORE, "--verify", Action.VERIFY);

    public static Arguments parse(List<String> args) throws UsageException {
        Parsed p = new Parsed();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.startsWith("-") ? arg.indexOf('=') : -1;
            String name = eq < 0 ? arg : arg.substring(0, eq);
            Optional<String> inline = eq < 0 ? Optional.empty() : Optional.of(arg.substring(eq + 1));
            if (WITH_VALUE.contains(name)) {
                p.value(name, value(args, i, name, inline));
                i += inline.isEmpty() ? 1 : 0;
                continue;
            }
            if (name.equals("--verify")) {
                // the dir is optional: the next argument, unless it is an option
                Optional<String> dir = inline.isPresent() ? inline
                        : i + 1 < args.size() && !args.get(i + 1).startsWith("-") ? Optional.of(args.get(++i))
                        : Optional.empty();
                p.action(name);
                p.dir = dir.isPresent() ? dir : p.dir;
                continue;
            }
            if (inline.isPresent()) {
                throw new UsageException(name + " takes no value");
            }
            switch (name) {
                case "--once" -> p.once = true;
                case "--dry-run" -> p.dryRun = true;
                case "--skip-purge" -> p.skipPurge = true;
                case "--json" -> p.json = true;
                case "--force" -> p.force = true;
                case "--verbose", "-v", "--quiet", "-q" -> p.logLevel(name);
                case "--help", "-h" -> {
                    return p.arguments(Action.HELP);
                }
                case "--version", "-V" -> {
                    return p.arguments(Action.VERSION);
                }
                default -> {
                    if (!ACTIONS.containsKey(name)) {
                        throw new UsageException(arg.startsWith("-") ? "unknown option " + arg
                                : "unexpected argument '" + arg + "'");
                    }
                    p.action(name);
                }
            }
        }
        return p.checked();
    }

    private static String value(List<String> args, int i, String name, Optional<String> inline)
            throws UsageException {
        String value = inline.orElse(i + 1 < args.size() ? args.get(i + 1) : "");
        if (value.isEmpty() || inline.isEmpty() && value.startsWith("-")) {
            throw new UsageException(name + " needs a value");
        }
        return value;
    }

    /** What the command line said so far. */
    private static final class Parsed {
        Path config = Path.of("config.yaml");
        boolean once;
        boolean dryRun;
        boolean skipPurge;
        boolean json;
        boolean force;
        Optional<Path> routes = Optional.empty();
        Optional<String> dir = Optional.empty();
        Optional<String> path = Optional.empty();
        Optional<String> time = Optional.empty();
        Optional<Path> to = Optional.empty();
        Action action = Action.RUN;
        String actionOption = "";
        Optional<LogLevel> logLevel = Optional.empty();

        void logLevel(String option) throws UsageException {
            LogLevel level = option.equals("--verbose") || option.equals("-v") ? LogLevel.VERBOSE : LogLevel.QUIET;
            if (logLevel.filter(l -> l != level).isPresent()) {
                throw new UsageException("--verbose cannot be combined with --quiet");
            }
            logLevel = Optional.of(level);
        }

        void value(String name, String value) throws UsageException {
            switch (name) {
                case "--routes" -> routes = Optional.of(Path.of(value));
                case "--restore" -> {
                    action(name);
                    dir = Optional.of(value);
                }
                case "--path" -> path = Optional.of(value);
                case "--time" -> time = Optional.of(value);
                case "--to" -> to = Optional.of(Path.of(value));
                default -> config = Path.of(value);
            }
        }

        void action(String option) throws UsageException {
            Action next = ACTIONS.get(option);
            if (action != Action.RUN && action != next) {
                throw new UsageException(option + " cannot be combined with " + actionOption);
            }
            action = next;
            actionOption = option;
        }

        Arguments arguments(Action chosen) {
            return new Arguments(config, once || dryRun, dryRun, skipPurge, routes, chosen,
                    new ActionOptions(dir, path, time, to, force, json), logLevel);
        }

        Arguments checked() throws UsageException {
            if (action != Action.RUN && (once || dryRun || skipPurge)) {
                throw new UsageException("--once, --dry-run and --skip-purge go with a backup run, not with "
                        + actionOption);
            }
            if (json && action != Action.STATUS) {
                throw new UsageException("--json goes with --status");
            }
            if (action != Action.RESTORE && (path.isPresent() || time.isPresent() || to.isPresent() || force)) {
                throw new UsageException("--path, --time, --to and --force go with --restore DIR");
            }
            if (action == Action.RESTORE && to.isEmpty()) {
                throw new UsageException("--restore needs --to TARGET: where to restore");
            }
            return arguments(action);
        }
    }
}
