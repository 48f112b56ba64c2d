package io.tracewell.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level {@code tracewell} command. Its subcommands are listed below; {@code scope = INHERIT}
 * gives each of them {@code --help} and {@code --version}.
 */
@Command(
        name = "tracewell",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = {
            "EPCIS 2.0 repository and regulatory gateway for serialised products.",
            "Without a command, runs 'serve'."
        },
        subcommands = {
            // Register a command by adding its class on a line of its own, with a trailing comma.
            // Commands other than serve live in io.tracewell.server.cli.commands.
            ServeCommand.class,
            KeysCommand.class,
            io.tracewell.server.cli.commands.ValidateCommand.class,
            io.tracewell.server.cli.commands.ConvertCommand.class,
            io.tracewell.server.cli.commands.HashCommand.class,
            io.tracewell.server.cli.commands.TranslateCommand.class,
            io.tracewell.server.cli.commands.ParseCommand.class,
            HelpCommand.class,
        })
public final class TracewellCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Reached only when a caller passes options but no command; {@code Main} maps "no arguments" to serve. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
