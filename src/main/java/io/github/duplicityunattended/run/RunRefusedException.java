package io.github.duplicityunattended.run;

/** A run that could not start (another run holds the lock). Its message is for the user; no stack trace. */
public final class RunRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public RunRefusedException(String message) {
        super(message, null, false, false);
    }
}
