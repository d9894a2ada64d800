package io.github.duplicityunattended.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The parsed command line. {@code --dry-run} implies {@code --once}; the actions {@code --validate},
 * {@code --check} and {@code --test-email} exclude each other and the backup options.
 */
public record Arguments(
        Path config,
        boolean once,
        boolean dryRun,
        boolean skipPurge,
        Optional<Path> routes,
        Action action) {

    /** What the process does. */
    public enum Action { RUN, VALIDATE, CHECK, TEST_EMAIL, HELP, VERSION }

    public static Arguments parse(List<String> args) throws UsageException {
        Path config = Path.of("config.yaml");
        boolean once = false;
        boolean dryRun = false;
        boolean skipPurge = false;
        Optional<Path> routes = Optional.empty();
        Action action = Action.RUN;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            Optional<String> inline = arg.contains("=") ? Optional.of(arg.substring(arg.indexOf('=') + 1))
                    : Optional.empty();
            switch (name) {
                case "--config", "-c" -> config = Path.of(value(args, i, name, inline));
                case "--routes" -> routes = Optional.of(Path.of(value(args, i, name, inline)));
                case "--once" -> once = true;
                case "--dry-run" -> dryRun = true;
                case "--skip-purge" -> skipPurge = true;
                case "--validate" -> action = action(action, Action.VALIDATE, arg);
                case "--check" -> action = action(action, Action.CHECK, arg);
                case "--test-email" -> action = action(action, Action.TEST_EMAIL, arg);
                case "--help", "-h" -> {
                    return new Arguments(config, once, dryRun, skipPurge, routes, Action.HELP);
                }
                case "--version", "-V" -> {
                    return new Arguments(config, once, dryRun, skipPurge, routes, Action.VERSION);
                }
                default -> throw new UsageException(arg.startsWith("-") ? "unknown option " + arg
                        : "unexpected argument '" + arg + "'");
            }
            if (inline.isEmpty() && (name.equals("--config") || name.equals("-c") || name.equals("--routes"))) {
                i++;
            }
            if (inline.isPresent() && !(name.equals("--config") || name.equals("-c") || name.equals("--routes"))) {
                throw new UsageException(name + " takes no value");
            }
        }
        if (action != Action.RUN && (once || dryRun || skipPurge)) {
            throw new UsageException("--once, --dry-run and --skip-purge go with a backup run, not with "
                    + switch (action) {
                        case VALIDATE -> "--validate";
                        case CHECK -> "--check";
                        default -> "--test-email";
                    });
        }
        return new Arguments(config, once || dryRun, dryRun, skipPurge, routes, action);
    }

    private static String value(List<String> args, int i, String name, Optional<String> inline)
            throws UsageException {
        if (inline.isPresent()) {
            if (inline.get().isEmpty()) {
                throw new UsageException(name + " needs a value");
            }
            return inline.get();
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        return args.get(i + 1);
    }

    private static Action action(Action current, Action next, String arg) throws UsageException {
        if (current != Action.RUN && current != next) {
            throw new UsageException(arg + " cannot be combined with another action");
        }
        return next;
    }
}
