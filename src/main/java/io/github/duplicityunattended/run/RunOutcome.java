package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import java.util.List;
import java.util.Optional;

/** The result of the last run, read by the command line to choose its exit code. */
public final class RunOutcome {

    private volatile Optional<List<String>> failedDirs = Optional.empty();
    private volatile Optional<String> refusal = Optional.empty();
    private volatile boolean finished;

    void record(BackupRun run) {
        failedDirs = Optional.of(run.failedDirs().stream().map(BackupDir::source).toList());
        finished = true;
    }

    void refuse(String reason) {
        refusal = Optional.of(reason);
        finished = true;
    }

    public boolean finished() {
        return finished;
    }

    public Optional<String> refusal() {
        return refusal;
    }

    public List<String> failedDirs() {
        return failedDirs.orElse(List.of());
    }

    /** 0 when a run finished with every dir ok; 1 otherwise. */
    public int exitCode() {
        return finished && refusal.isEmpty() && failedDirs().isEmpty() ? 0 : 1;
    }
}
