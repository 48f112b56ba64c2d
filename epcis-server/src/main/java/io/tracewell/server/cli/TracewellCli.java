package io.tracewell.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Builds the {@code tracewell} command line: the commands of {@link TracewellCommand}, the argument types
 * every command may use ({@link InputSource}, {@link OutputTarget}), and one place that turns exceptions
 * into a message on standard error and an exit code from {@link ExitCodes}.
 */
public final class TracewellCli {

    private TracewellCli() {}

    public static CommandLine create() {
        return configure(new CommandLine(new TracewellCommand()));
    }

    /** Applies the shared settings to a command line whose subcommands are all added already. */
    static CommandLine configure(CommandLine commandLine) {
        // Converters reach only the subcommands that exist when they are registered.
        commandLine.registerConverter(InputSource.class, InputSource::of);
        commandLine.registerConverter(OutputTarget.class, OutputTarget::of);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(TracewellCli::handle);
        return commandLine;
    }

    /** Runs one command line and returns its exit code. */
    public static int execute(String... args) {
        return create().execute(args);
    }

    private static int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String prefix = commandLine.getCommandSpec().qualifiedName() + ": ";
        if (e instanceof CommandFailure failure) {
            err.println(prefix + failure.getMessage());
            return failure.exitCode();
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println(prefix + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        err.println(prefix + "unexpected error: " + e);
        e.printStackTrace(err);
        return ExitCodes.FAILURE;
    }
}
