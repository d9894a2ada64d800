package io.github.duplicityunattended.run;

/**
 * A run that did not start: another run held the lock.
 *
 * @param reason what the user is told
 */
public record RunRefusal(String reason) implements RunResult {

    @Override
    public int exitCode() {
        return 1;
    }
}
