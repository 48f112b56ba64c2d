package io.tracewell.server.cli;

/**
 * Exit codes of every {@code tracewell} command, so that scripts can tell a rejected document from a
 * broken installation.
 */
public final class ExitCodes {

    /** The command did what was asked (for {@code validate}: the input is valid). */
    public static final int OK = 0;
    /** The input was read but rejected: invalid document, hash mismatch, unknown identifier. */
    public static final int INVALID_INPUT = 1;
    /** The command line itself is wrong: unknown option, missing parameter (picocli's own code). */
    public static final int USAGE = 2;
    /** An input could not be read or an output could not be written. */
    public static final int IO_ERROR = 3;
    /** Anything else: the server could not start, an unexpected error. */
    public static final int FAILURE = 4;

    private ExitCodes() {}
}
