package io.github.duplicityunattended.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void theReasonOfAFailureIsTheFirstLineOfTheExceptionCamelWrapped() {
        RuntimeException failure = new CamelExecutionException("Exception occurred during execution on the exchange",
                null, new IllegalStateException("Unable to send: refused\nat line 2", new java.io.IOException("refused")));

        assertEquals(Optional.of("Unable to send: refused"), new Reply(Optional.empty(), Optional.of(failure)).reason());
    }

    @Test
    void aReplyWithABodyHasNoReason() {
        assertEquals(Optional.empty(), new Reply(Optional.of("report"), Optional.empty()).reason());
    }
}
