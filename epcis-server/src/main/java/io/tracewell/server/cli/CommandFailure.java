package io.tracewell.server.cli;

/**
 * Ends a command with a one-line message on standard error and the given exit code, without a stack
 * trace. Throw it for failures the user can act on, e.g.
 * {@code throw new CommandFailure(ExitCodes.INVALID_INPUT, "events.json: /epcisBody/eventList/0/eventTime: expected a date-time")}.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
