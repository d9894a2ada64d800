package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import java.util.List;
import java.util.Optional;

/** The result of the last run, read by the command line to choose its exit code. */
public final class RunOutcome {

    private volatile Optional<List<String>> failedDirs = Optional.empty();
    private volatile Optional<String> refusal = Optional.empty();

    void record(BackupRun run) {
        failedDirs = Optional.of(run.failedDirs().stream().map(BackupDir::source).toList());
    }

    void refuse(String reason) {
        refusal = Optional.of(reason);
    }

    public Optional<String> refusal() {
        return refusal;
    }

    public List<String> failedDirs() {
        return failedDirs.orElse(List.of());
    }

    /** 0 when a run finished with every dir ok; 1 when it failed, was refused, or never finished. */
    public int exitCode() {
        return refusal.isEmpty() && failedDirs.map(List::isEmpty).orElse(false) ? 0 : 1;
    }
}
