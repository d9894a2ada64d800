package io.github.duplicityunattended.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on a condition, never for a fixed time: the condition is checked every few milliseconds and the
 * wait ends as soon as it holds. The deadline only ends a wait for something that is not going to happen, so it
 * is generous: a loaded machine is slow, not wrong.
 */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} after {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        until(what, limit, condition, () -> "");
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, the failure also saying what {@code context} gives. */
    public static void until(String what, Duration limit, BooleanSupplier condition, Supplier<String> context)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                String more = context.get();
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what
                        + (more.isEmpty() ? "" : "; meanwhile:\n" + more));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
