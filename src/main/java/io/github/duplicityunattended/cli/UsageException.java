package io.github.duplicityunattended.cli;

/** A command-line mistake: reported in one line with a pointer to --help, exit code 2, no stack trace. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
