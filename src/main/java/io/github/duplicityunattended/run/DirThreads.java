package io.github.duplicityunattended.run;

import io.github.duplicityunattended.support.IdleEndingThreads;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * The threads the backup flow's splits work on dirs with: at most {@code parallel} at once, the rest waiting in
 * config order. A thread that has been idle for a while ends (never while a command it started runs: it waits
 * for it, and duplicity gets its death signal when the thread that started it ends), and none keeps the
 * program from exiting.
 */
final class DirThreads {

    private static final Duration IDLE = Duration.ofSeconds(30);

    private DirThreads() {
    }

    static ExecutorService of(int parallel) {
        return IdleEndingThreads.pool(parallel, IDLE, "backup-dir-", true);
    }
}
