package io.github.duplicityunattended.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void theReasonOfAFailureIsTheFirstLineOfItsInnermostCause() {
        RuntimeException failure = new CamelExecutionException("Exception occurred during execution on the exchange",
                null, new IllegalStateException("wrapped", new java.io.IOException("Connection refused\nat line 2")));

        assertEquals(Optional.of("Connection refused"), new Reply(Optional.empty(), Optional.of(failure)).reason());
    }

    @Test
    void aReplyWithABodyHasNoReason() {
        assertEquals(Optional.empty(), new Reply(Optional.of("report"), Optional.empty()).reason());
    }
}
