package io.github.duplicityunattended.app;

import io.github.duplicityunattended.duplicity.DuplicityProbe;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Waits, after the routes are loaded and before anything starts, for the answer of
 * {@code duplicity --version} that was asked in parallel; stops the start-up when there is none.
 */
final class DuplicityCheck extends MainListenerSupport {

    private final CompletableFuture<DuplicityProbe.Result> duplicity;

    DuplicityCheck(CompletableFuture<DuplicityProbe.Result> duplicity) {
        this.duplicity = duplicity;
    }

    @Override
    public void beforeStart(BaseMainSupport main) {
        DuplicityProbe.Result result = duplicity.join();
        if (result.version().isEmpty()) {
            throw new DuplicityUnavailable(result.problem());
        }
    }
}
