package io.github.duplicityunattended.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition the test can observe, up to a generous deadline, instead of sleeping a fixed time. */
public final class Conditions {

    /** Long enough for a loaded CI machine; a test that needs it has failed anyway. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Conditions() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} when it never does. */
    public static void await(Callable<Boolean> condition, String what) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + DEADLINE.toSeconds() + " s in vain: " + what);
            }
            Thread.sleep(20);
        }
    }
}
