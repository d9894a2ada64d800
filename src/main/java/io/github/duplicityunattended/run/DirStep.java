package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import java.time.Instant;
import java.util.List;

/**
 * One duplicity command for one dir, as it starts.
 *
 * @param dir     the dir it concerns
 * @param action  what it does
 * @param argv    duplicity's arguments (everything after the executable)
 * @param started when it started
 */
public record DirStep(BackupDir dir, Action action, List<String> argv, Instant started) {

    /** What a step does to a dir. */
    public enum Action {
        BACKUP, PURGE;

        /** "backup" or "purge", as the log and the summary say it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public DirStep {
        argv = List.copyOf(argv);
    }
}
