package io.github.duplicityunattended.app;

/** duplicity cannot be run (not installed, or it does not say its version): a bad environment, exit code 2. */
public final class DuplicityUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicityUnavailable(String message) {
        super(message, null, false, false);
    }
}
