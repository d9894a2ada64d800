package io.github.duplicityunattended.app;

import io.github.duplicityunattended.support.IdleEndingThreads;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.quartz.SchedulerConfigException;
import org.quartz.spi.ThreadPool;

/**
 * The threads the schedules' jobs run on, made when a schedule fires and ended once idle. Quartz's own pool
 * starts all of its threads with the scheduler and keeps them, each with its stack, through the days a daemon
 * waits between runs; this one holds none then. As many jobs run at once as Quartz's pool would run
 * ({@code org.quartz.threadPool.threadCount}); a job that fires while all of them run waits for one to end.
 */
public final class QuartzThreads implements ThreadPool {

    /** How long an idle thread is kept. */
    static final Duration IDLE = Duration.ofSeconds(30);
    private final Duration idle;
    private int threadCount = 10;
    private String instanceName = "Quartz";
    private Semaphore free;
    private ThreadPoolExecutor threads;

    /** Made by Quartz, from {@code org.quartz.threadPool.class}. */
    public QuartzThreads() {
        this(IDLE);
    }

    QuartzThreads(Duration idle) {
        this.idle = idle;
    }

    /** Set by Quartz from {@code org.quartz.threadPool.threadCount}. */
    public void setThreadCount(int threadCount) {
        this.threadCount = threadCount;
    }

    public int getThreadCount() {
        return threadCount;
    }

    @Override
    public void setInstanceId(String instanceId) {
        // one scheduler per process: its name is enough for the threads'
    }

    @Override
    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    @Override
    public void initialize() throws SchedulerConfigException {
        if (threadCount <= 0) {
            throw new SchedulerConfigException("org.quartz.threadPool.threadCount must be above 0: " + threadCount);
        }
        free = new Semaphore(threadCount);
        // not daemon threads, as Quartz's own: a job that runs keeps the JVM until it ends
        threads = IdleEndingThreads.pool(threadCount, idle, instanceName + "_Worker-", false);
    }

    @Override
    public int getPoolSize() {
        return threadCount;
    }

    /** Runs {@code job} on a thread of its own, once one of the {@code threadCount} is free. */
    @Override
    public boolean runInThread(Runnable job) {
        if (job == null || !takeThread()) {
            return false;
        }
        try {
            threads.execute(() -> {
                try {
                    job.run();
                } finally {
                    free.release();
                }
            });
            return true;
        } catch (RejectedExecutionException shutDown) {
            free.release();
            return false;
        }
    }

    /** Waits until a thread is free and says how many are; 0 once the pool is shut down. */
    @Override
    public int blockForAvailableThreads() {
        if (!takeThread()) {
            return 0;
        }
        int available = free.availablePermits() + 1;
        free.release();
        return available;
    }

    /** Waits for a free thread and takes it; false once the pool is shut down. */
    private boolean takeThread() {
        while (!threads.isShutdown()) {
            try {
                if (free.tryAcquire(500, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                // waits on, as Quartz's own pool does: its scheduler stops by shutdown(), not by an interrupt
            }
        }
        return false;
    }

    /** Takes no more jobs; with {@code waitForJobsToComplete}, returns when the running ones have ended. */
    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        threads.shutdown();
        if (!waitForJobsToComplete) {
            return;
        }
        try {
            while (!threads.awaitTermination(1, TimeUnit.SECONDS)) {
                // a job still runs: Quartz asked to wait for it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
