package io.github.duplicityunattended.support;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of at most so many threads, made when work comes and ended once idle, so that a daemon holds none
 * between its runs; work beyond that many waits its turn in the order it came.
 */
public final class IdleEndingThreads {

    private IdleEndingThreads() {
    }

    /**
     * @param threads how many run at once
     * @param idle    how long a thread without work is kept
     * @param name    the threads' names, each followed by its number (1, 2, ...)
     * @param daemon  whether the threads leave the JVM free to exit while they run
     */
    public static ThreadPoolExecutor pool(int threads, Duration idle, String name, boolean daemon) {
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, idle.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, name + made.incrementAndGet());
                    thread.setDaemon(daemon);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
