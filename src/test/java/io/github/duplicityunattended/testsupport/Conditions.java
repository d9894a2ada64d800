package io.github.duplicityunattended.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Waits for a condition the test can observe, instead of sleeping a fixed time: the condition is checked every
 * few milliseconds and the wait ends as soon as it holds. The deadline only ends a wait for something that is not
 * going to happen, so it is generous: a loaded machine is slow, not wrong.
 */
public final class Conditions {

    /** Long enough for a loaded CI machine; a test that needs it has failed anyway. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Conditions() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} when it never does. */
    public static void await(Callable<Boolean> condition, String what) throws Exception {
        await(condition, what, DEADLINE);
    }

    /** The same with a deadline of its own, for what takes minutes (a backup, a JVM's start and stop). */
    public static void await(Callable<Boolean> condition, String what, Duration deadline) throws Exception {
        await(condition, what, deadline, () -> "");
    }

    /** The same, the failure also telling what {@code meanwhile} gives (a process's output, say). */
    public static void await(Callable<Boolean> condition, String what, Duration deadline, Supplier<String> meanwhile)
            throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() - end > 0) {
                String more = meanwhile.get();
                throw new AssertionError("waited " + deadline.toSeconds() + " s in vain: " + what
                        + (more.isEmpty() ? "" : "; meanwhile:\n" + more));
            }
            Thread.sleep(20);
        }
    }
}
