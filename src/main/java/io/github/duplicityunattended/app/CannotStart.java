package io.github.duplicityunattended.app;

/**
 * The program cannot start as asked (duplicity missing, a route a flow needs is not loaded): a bad environment
 * or usage, exit code 2. The message is for the user; no stack trace.
 */
public final class CannotStart extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CannotStart(String message) {
        super(message, null, false, false);
    }
}
