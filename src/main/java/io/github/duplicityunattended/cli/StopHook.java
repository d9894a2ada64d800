package io.github.duplicityunattended.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What SIGTERM does to a command that runs duplicity: the JVM's shutdown hook stops the running commands, then
 * waits for the command to finish its work (its summary, its notice) before the JVM exits. Without the wait
 * the JVM would end as soon as the hooks return, with the summary of an interrupted run not yet written.
 */
final class StopHook implements AutoCloseable {

    /** Longest the JVM waits, after the commands have ended, for the summary: with their grace period, within the 45 s the units give a stop. */
    static final Duration SUMMARY_WAIT = Duration.ofSeconds(20);

    private final CountDownLatch ended = new CountDownLatch(1);

    private StopHook() {
    }

    /** Registers the hook: on shutdown, {@code stop} runs, then the hook waits for {@link #close()}. */
    static StopHook install(Runnable stop) {
        StopHook hook = new StopHook();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            hook.awaitEnd();
        }, "stop-duplicity"));
        return hook;
    }

    private void awaitEnd() {
        try {
            ended.await(SUMMARY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is done: a shutdown from now on has nothing to wait for. */
    @Override
    public void close() {
        ended.countDown();
    }
}
