package io.github.duplicityunattended.restore;

import java.time.Instant;
import java.util.List;

/**
 * A restore as it starts: the request and duplicity's arguments.
 *
 * @param request what is restored where
 * @param argv    duplicity's arguments (everything after the executable)
 * @param started when it started
 */
public record RestoreStep(RestoreRequest request, List<String> argv, Instant started) {

    public RestoreStep {
        argv = List.copyOf(argv);
    }
}
