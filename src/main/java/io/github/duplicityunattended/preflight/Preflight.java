package io.github.duplicityunattended.preflight;

import io.github.duplicityunattended.app.RouteWiring;
import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What --validate checks beyond the config file itself: duplicity runs, the GnuPG key and its secret
 * part are in the keyring, every source dir is a readable dir, the cache dir is writable, the target can be
 * listed (or made) and, for a local one, outlives a systemd service, and a --routes dir loads.
 */
public final class Preflight {

    private final Config config;
    private final Map<String, String> environment;
    private final List<String> passed = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private final Optional<Path> routes;

    /**
     * @param routes the --routes dir the program will run with, if any
     */
    public Preflight(Config config, Map<String, String> environment, Optional<Path> routes) {
        this.config = config;
        this.environment = environment;
        this.routes = routes;
    }

    public List<String> passed() {
        return passed;
    }

    public List<String> problems() {
        return problems;
    }

    public Preflight run() {
        DuplicityProbe.Result duplicity = DuplicityProbe.probe(config.duplicityPath(), environment);
        duplicity.version().ifPresentOrElse(v -> passed.add("duplicity " + v + " runs"),
                () -> problems.add(duplicity.problem()));
        checkKey();
        for (int i = 0; i < config.backupDirs().size(); i++) {
            BackupDir dir = config.backupDirs().get(i);
            Path source = Path.of(dir.source());
            if (!Files.isDirectory(source)) {
                problems.add("backup_dirs[" + i + "].source: " + source + " does not exist or is not a directory");
            } else if (!Files.isReadable(source) || !Files.isExecutable(source)) {
                problems.add("backup_dirs[" + i + "].source: " + source + " is not readable by this user");
            } else {
                passed.add("source " + source + " is readable");
            }
        }
        checkCache(config.archiveDir());
        LocalTargetCheck.problem(config.bucketUrl(), environment, Path.of("").toAbsolutePath()).ifPresent(problems::add);
        TargetAccess.Finding target = TargetAccess.check(config);
        target.passed().ifPresent(passed::add);
        target.problem().ifPresent(problems::add);
        routes.ifPresent(dir -> {
            List<String> wrong = RouteWiring.problemsIn(dir);
            problems.addAll(wrong);
            if (wrong.isEmpty()) {
                passed.add("the routes in " + dir + " load and reach every route they send to");
            }
        });
        config.awsCredentials().ifPresent(c -> passed.add("credentials file " + c.path() + " is private ("
                + c.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " format)"));
        return this;
    }

    private void checkKey() {
        SecretKey.problem(config, environment).ifPresentOrElse(problems::add,
                () -> passed.add("GnuPG secret key " + config.gpgKeyId() + " is in the keyring and signs"));
    }

    private void checkCache(Path dir) {
        CacheDir.problem(dir).ifPresentOrElse(problems::add, () -> passed.add("cache dir " + dir + " is writable"));
    }
}
