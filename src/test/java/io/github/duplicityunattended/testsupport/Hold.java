package io.github.duplicityunattended.testsupport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A fault point of {@link FaultProxy}: the {@code nth} request that matches, and every later one that matches
 * (a client's retries), waits in the proxy, not yet sent on, until the test releases or drops it. Requests
 * that do not match pass.
 */
public final class Hold {

    private final Predicate<RequestHead> matches;
    private final int nth;
    private int seen;
    private final CompletableFuture<RequestHead> held = new CompletableFuture<>();
    /** true: send the held requests on; false: reset their connections. */
    private final CompletableFuture<Boolean> decision = new CompletableFuture<>();

    Hold(Predicate<RequestHead> matches, int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth counts from 1: " + nth);
        }
        this.matches = matches;
        this.nth = nth;
    }

    /**
     * Called by the proxy with each request head before it is sent on: returns at once for a request this hold
     * does not apply to, else when the test decides; true to send the request on, false to reset it.
     */
    boolean pass(RequestHead head) throws InterruptedException {
        synchronized (this) {
            if (decision.isDone() || !matches.test(head) || ++seen < nth) {
                return true;
            }
        }
        held.complete(head);
        try {
            return decision.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the request is held (at most {@code limit}) and returns its head. */
    public RequestHead awaitHeld(Duration limit) throws InterruptedException {
        if (!heldWithin(limit)) {
            throw new AssertionError("no request was held within " + limit + " (" + seen + " of " + nth
                    + " matching requests seen)");
        }
        return held.join();
    }

    /** Waits until the request is held, at most {@code limit}: false when none was. */
    public boolean heldWithin(Duration limit) throws InterruptedException {
        try {
            held.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isHeld() {
        return held.isDone() && !decision.isDone();
    }

    /** Sends the held requests on; later requests that match pass too. */
    public void release() {
        decision.complete(true);
    }

    /** Resets the connections of the held requests, as a network that lost them; later requests pass. */
    public void drop() {
        decision.complete(false);
    }
}
