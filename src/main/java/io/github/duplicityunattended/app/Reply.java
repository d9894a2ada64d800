package io.github.duplicityunattended.app;

import io.github.duplicityunattended.support.Failures;
import java.util.Optional;

/**
 * What one exchange sent by {@link Application#request(String)} came back with: a body, or the failure.
 *
 * @param body    the reply body, when the route gave one
 * @param failure the exception the route ended with
 */
public record Reply(Optional<Object> body, Optional<RuntimeException> failure) {

    /** The failure in one line: the message of the first exception below Camel's wrappers. */
    public Optional<String> reason() {
        return failure.map(Failures::reason);
    }
}
