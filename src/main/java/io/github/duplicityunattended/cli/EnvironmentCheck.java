package io.github.duplicityunattended.cli;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.duplicity.DuplicityProbe;
import io.github.duplicityunattended.exec.ShortCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.HashMap;

/**
 * What --validate checks beyond the config file itself: duplicity runs, the GnuPG key and its secret
 * part are in the keyring, every source dir is a readable dir, the cache dir is writable, and a local
 * target outlives a systemd service.
 */
final class EnvironmentCheck {

    private final Config config;
    private final Map<String, String> environment;
    private final List<String> passed = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    EnvironmentCheck(Config config, Map<String, String> environment) {
        this.config = config;
        this.environment = environment;
    }

    List<String> passed() {
        return passed;
    }

    List<String> problems() {
        return problems;
    }

    EnvironmentCheck run() {
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
        config.awsCredentials().ifPresent(c -> passed.add("credentials file " + c.path() + " is private ("
                + c.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " format)"));
        return this;
    }

    private void checkKey() {
        List<String> cmd = List.of("gpg", "--batch", "--with-colons", "--list-secret-keys", config.gpgKeyId());
        Map<String, String> env = new HashMap<>(environment);
        config.gpgHome().ifPresent(h -> env.put("GNUPGHOME", h.toString()));
        try {
            // stderr is left out: gpg's notes there ("checking the trustdb") are not part of the listing
            ShortCommand.Result r = ShortCommand.run(cmd, env, Duration.ofSeconds(30), false);
            if (r.finished() && r.exitCode() == 0) {
                SigningKeyCheck.problem(config.gpgKeyId(), r.output().lines().toList()).ifPresentOrElse(problems::add,
                        () -> passed.add("GnuPG secret key " + config.gpgKeyId() + " is in the keyring and signs"));
            } else {
                problems.add("gpg_key_id: no secret key " + config.gpgKeyId() + " in the keyring"
                        + config.gpgHome().map(h -> " at " + h).orElse(" of this user")
                        + " (import it with gpg --import, or set gpg_home)");
            }
        } catch (IOException e) {
            problems.add("gpg not found: install GnuPG (apt-get install gnupg)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkCache(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isDirectory(existing) && Files.isWritable(existing)) {
            passed.add("cache dir " + dir + " is writable");
        } else {
            problems.add("archive_dir: " + dir + " is not writable by this user");
        }
    }
}
