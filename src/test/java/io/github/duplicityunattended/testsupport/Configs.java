package io.github.duplicityunattended.testsupport;

import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads a config written in a test, the way the program loads a user's. */
public final class Configs {

    private Configs() {
    }

    public static Config load(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of("HOME", "/home/backup")).load(file);
    }

    /** The original's sample config: boto2 bucket URL, one dir with includes and excludes. */
    public static String original() {
        return """
                cloud: aws
                gpg_key_id: 0123ABCD
                bucket_url: s3+http://my-host-backup
                full_if_older_than: 1M
                remove_all_but_n_full: 2
                backup_dirs:
                  - source: /etc
                  - source: /home/user docs
                    includes:
                      - /home/user docs/important
                      - /home/user docs/photos
                    excludes:
                      - "**"
                """;
    }
}
