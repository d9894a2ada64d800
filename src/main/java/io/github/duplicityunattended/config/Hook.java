package io.github.duplicityunattended.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A command run around backups: when it runs, the program and its arguments (an argv, run without a shell), and
 * the longest it may run.
 *
 * @param when    the moment it runs
 * @param command the program and its arguments, exactly as written
 * @param timeout the longest it may run; then it is stopped and counts as failed
 */
public record Hook(When when, List<String> command, Duration timeout) {

    /** How long a hook may run when its config says nothing. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    /** The moments a hook runs: three around the whole run ({@code hooks}), two around a dir's backup. */
    public enum When {
        /** before the first dir; a failure leaves every dir un-backed-up */
        BEFORE_RUN(true),
        /** after the backups and purges, whatever happened */
        AFTER_RUN(true),
        /** after after_run, when the run failed */
        ON_FAILURE(true),
        /** before the dir's backup; a failure fails the dir */
        BEFORE(false),
        /** right after the dir's backup, whatever happened */
        AFTER(false);

        private final boolean ofRun;

        When(boolean ofRun) {
            this.ofRun = ofRun;
        }

        /** As the config writes it: {@code before_run}, {@code after}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True for the hooks of the whole run, false for those of a dir. */
        public boolean ofRun() {
            return ofRun;
        }

        /** True for the hooks that prepare: a failed one stops the hooks after it and what they prepare. */
        public boolean prepares() {
            return this == BEFORE_RUN || this == BEFORE;
        }

        public static Optional<When> of(String word) {
            return Arrays.stream(values()).filter(w -> w.word().equals(word)).findFirst();
        }
    }

    public Hook {
        command = List.copyOf(command);
    }

    /** The program's file name, as the log and the summary name the hook: {@code pg_dump}. */
    public String program() {
        Path name = Path.of(command.get(0)).getFileName();
        return name == null ? command.get(0) : name.toString();
    }
}
