package io.github.duplicityunattended.app;

import static io.github.duplicityunattended.testsupport.Conditions.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerConfigException;
import org.quartz.impl.StdSchedulerFactory;

class QuartzThreadsTest {

    private final CountDownLatch jobsMayEnd = new CountDownLatch(1);
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private QuartzThreads pool;

    private QuartzThreads pool(int threads, Duration idle) throws SchedulerConfigException {
        pool = new QuartzThreads(idle);
        pool.setInstanceName("Schedules");
        pool.setThreadCount(threads);
        pool.initialize();
        return pool;
    }

    @AfterEach
    void endJobs() {
        jobsMayEnd.countDown();
        if (pool != null) {
            pool.shutdown(false);
        }
    }

    private Runnable job(String name) {
        return () -> {
            ran.add(name + " on " + Thread.currentThread().getName());
            try {
                jobsMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static long workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("Schedules_Worker-")).count();
    }

    private static boolean blocked(Thread thread) {
        return thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING;
    }

    @Test
    void noThreadIsMadeUntilAScheduleFiresAndTheJobRunsOnANamedWorker() throws Exception {
        pool(10, QuartzThreads.IDLE);
        assertEquals(0, workers());
        assertEquals(10, pool.blockForAvailableThreads());

        assertTrue(pool.runInThread(job("backup")));

        await(() -> ran.size() == 1, "the job runs");
        assertEquals(List.of("backup on Schedules_Worker-1"), ran);
        assertEquals(9, pool.blockForAvailableThreads());
    }

    @Test
    void asManyJobsRunAtOnceAsTheThreadCountAndTheNextWaitsForOneToEnd() throws Exception {
        pool(2, QuartzThreads.IDLE);
        pool.runInThread(job("backup"));
        pool.runInThread(job("check"));
        await(() -> ran.size() == 2, "two jobs run");

        Thread scheduler = new Thread(() -> pool.runInThread(job("drill")));
        scheduler.start();
        await(() -> blocked(scheduler), "the third job waits for a thread");
        assertEquals(2, ran.size(), "the third has not started");

        jobsMayEnd.countDown();
        await(() -> ran.size() == 3, "the third runs once one has ended");
        scheduler.join();
    }

    @Test
    void anInterruptDoesNotEndTheSchedulersWaitForAThread() throws Exception {
        pool(1, QuartzThreads.IDLE);
        pool.runInThread(job("backup"));
        await(() -> ran.size() == 1, "the job runs");
        int[] available = {-1};
        Thread scheduler = new Thread(() -> available[0] = pool.blockForAvailableThreads());
        scheduler.start();
        await(() -> blocked(scheduler), "the scheduler waits for a thread");

        scheduler.interrupt();
        await(() -> !scheduler.isAlive() || !scheduler.isInterrupted() && blocked(scheduler),
                "the interrupt is taken");
        assertTrue(scheduler.isAlive(), "it still waits");

        jobsMayEnd.countDown();
        scheduler.join();
        assertEquals(1, available[0]);
    }

    @Test
    void threadsEndOnceIdle() throws Exception {
        pool(10, Duration.ofMillis(50));
        jobsMayEnd.countDown();
        pool.runInThread(job("backup"));
        await(() -> ran.size() == 1, "the job runs");

        await(() -> workers() == 0, "the idle thread ends");
        assertEquals(10, pool.blockForAvailableThreads());
    }

    @Test
    void aShutdownThatWaitsForJobsReturnsWhenTheRunningJobHasEnded() throws Exception {
        pool(10, QuartzThreads.IDLE);
        pool.runInThread(job("backup"));
        await(() -> ran.size() == 1, "the job runs");

        Thread stopping = new Thread(() -> pool.shutdown(true));
        stopping.start();
        await(() -> blocked(stopping), "the shutdown waits");
        assertTrue(stopping.isAlive());

        jobsMayEnd.countDown();
        stopping.join();
        assertEquals(0, pool.blockForAvailableThreads(), "a pool shut down has none");
        assertFalse(pool.runInThread(job("late")), "nor takes jobs");
    }

    @Test
    void aThreadCountBelowOneIsRefusedWithTheProperty() {
        pool = new QuartzThreads();
        pool.setThreadCount(0);
        SchedulerConfigException e = assertThrows(SchedulerConfigException.class, pool::initialize);
        assertTrue(e.getMessage().contains("org.quartz.threadPool.threadCount"), e.getMessage());
        pool = null;
    }

    @Test
    void quartzMakesItsSchedulerWithTheseThreadsFromTheProgramsProperties() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/duplicity-unattended-quartz.properties")) {
            properties.load(in);
        }
        properties.setProperty("org.quartz.scheduler.instanceName", "QuartzThreadsTest");
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        try {
            assertEquals(QuartzThreads.class, scheduler.getMetaData().getThreadPoolClass());
            assertEquals(10, scheduler.getMetaData().getThreadPoolSize());
        } finally {
            scheduler.shutdown();
        }
    }
}
