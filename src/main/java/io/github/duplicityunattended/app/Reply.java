package io.github.duplicityunattended.app;

import java.util.Optional;
import org.apache.camel.RuntimeCamelException;

/**
 * What one exchange sent by {@link Application#request(String)} came back with: a body, or the failure.
 *
 * @param body    the reply body, when the route gave one
 * @param failure the exception the route ended with
 */
public record Reply(Optional<Object> body, Optional<RuntimeException> failure) {

    /** The failure in one line: the message of the first exception below Camel's wrappers. */
    public Optional<String> reason() {
        return failure.map(Reply::reason);
    }

    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause instanceof RuntimeCamelException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
