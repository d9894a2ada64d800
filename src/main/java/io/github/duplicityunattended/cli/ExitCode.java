package io.github.duplicityunattended.cli;

/** The process's exit codes, as documented in --help and the README. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int INCOMPLETE = 3;
    public static final int STOPPED = 143;

    private ExitCode() {
    }
}
