package io.github.duplicityunattended.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the backup flow's splits work on dirs with: at most {@code parallel} at once, the rest waiting in
 * config order. A thread that has been idle for a while ends (never while a command it started runs: it waits
 * for it, and duplicity gets its death signal when the thread that started it ends), and none keeps the
 * program from exiting.
 */
final class DirThreads {

    private static final long IDLE_SECONDS = 30;

    private DirThreads() {
    }

    static ExecutorService of(int parallel) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(parallel, parallel, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "backup-dir-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
