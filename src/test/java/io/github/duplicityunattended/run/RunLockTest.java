package io.github.duplicityunattended.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.testsupport.Conditions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondRunIsRefusedAfterWaitingAndTheMessageNamesTheHolder() throws Exception {
        RunLock first = new RunLock(tmp.resolve("cache/duplicity-unattended.lock"));
        RunLock second = new RunLock(tmp.resolve("cache/duplicity-unattended.lock"));
        first.acquire(Duration.ZERO);
        long start = System.nanoTime();
        RunRefusedException e = assertThrows(RunRefusedException.class, () -> second.acquire(Duration.ofSeconds(1)));
        assertTrue(System.nanoTime() - start >= 900_000_000L, "did not wait");
        assertTrue(e.getMessage().contains("another backup run is in progress"), e.getMessage());
        assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        first.release();
        assertDoesNotThrow(() -> second.acquire(Duration.ZERO));
        second.release();
    }

    @Test
    void aWaitingRunGoesAheadWhenTheHolderFinishes() throws Exception {
        RunLock first = new RunLock(tmp.resolve("run.lock"));
        RunLock second = new RunLock(tmp.resolve("run.lock"));
        first.acquire(Duration.ZERO);
        CompletableFuture<Void> acquired = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                second.acquire(Duration.ofMinutes(10));
                acquired.complete(null);
            } catch (RunRefusedException e) {
                acquired.completeExceptionally(e);
            }
        });
        waiting.start();
        // between two tries it sleeps: then it has found the lock taken and is waiting for it
        Conditions.await(() -> waiting.getState() == Thread.State.TIMED_WAITING, "the second run waits");
        assertFalse(acquired.isDone());

        first.release();

        acquired.get(1, TimeUnit.MINUTES);
        second.release();
    }
}
