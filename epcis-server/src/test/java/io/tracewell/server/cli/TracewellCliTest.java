package io.tracewell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.TracewellVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

class TracewellCliTest {

    /** Every registered command, so a newly added one is checked without touching this test. */
    static Iterable<String> registeredCommands() {
        return TracewellCli.create().getSubcommands().keySet();
    }

    @ParameterizedTest
    @MethodSource("registeredCommands")
    void everyCommandAnswersHelpWithItsUsage(String command) {
        Run run = run(TracewellCli.create(), command, "--help");

        assertThat(run.exitCode).isEqualTo(ExitCodes.OK);
        assertThat(run.out).contains("Usage: tracewell " + command + " ");
        assertThat(run.err).isEmpty();
    }

    @Test
    void serveIsRegisteredAndDescribesItsOptions() {
        Run run = run(TracewellCli.create(), "serve", "--help");

        assertThat(run.out).contains("--port=PORT", "--data-dir=DIR", "--db-url=JDBC_URL", "EPCIS_DB_PASSWORD");
    }

    @Test
    void theTopLevelHelpListsTheCommands() {
        Run run = run(TracewellCli.create(), "--help");

        assertThat(run.exitCode).isEqualTo(ExitCodes.OK);
        assertThat(run.out).startsWith("Usage: tracewell").contains("serve", "help");
    }

    @Test
    void versionNamesTheBuildAndTheJavaRuntime() {
        Run run = run(TracewellCli.create(), "--version");

        assertThat(run.exitCode).isEqualTo(ExitCodes.OK);
        assertThat(run.out).startsWith("tracewell " + TracewellVersion.get()).contains("Java " + Runtime.version());
        assertThat(TracewellVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run run = run(TracewellCli.create(), "frobnicate");

        assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void aCommandFailureEndsWithItsMessageAndExitCode() {
        Run run = run(withProbe(), "probe", "--fail-with", "1");

        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err).isEqualTo("tracewell probe: events.json: /epcisBody: expected an object" + System.lineSeparator());
    }

    @Test
    void anUnreadableInputIsAnIoErrorNamingTheFile() {
        Run run = run(withProbe(), "probe", "no-such-file.json");

        assertThat(run.exitCode).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.err).isEqualTo("tracewell probe: no-such-file.json: no such file" + System.lineSeparator());
    }

    @Test
    void anUnexpectedErrorIsAFailureWithItsStackTrace() {
        Run run = run(withProbe(), "probe", "--crash");

        assertThat(run.exitCode).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err).startsWith("tracewell probe: unexpected error: java.lang.IllegalStateException: bug")
                .contains("at io.tracewell.server.cli.TracewellCliTest$Probe.call");
    }

    @Test
    void inputSourceArgumentsAreConvertedForEveryCommand() {
        Run run = run(withProbe(), "probe", "-");

        assertThat(run.exitCode).isEqualTo(ExitCodes.OK);
        assertThat(run.out).isEqualTo("<stdin>" + System.lineSeparator());
    }

    /** A command registered the way real ones are, to exercise the shared converters and error handling. */
    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {

        @Parameters(arity = "0..1")
        InputSource input;

        @Option(names = "--fail-with")
        Integer failWith;

        @Option(names = "--crash")
        boolean crash;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (crash) {
                throw new IllegalStateException("bug");
            }
            if (failWith != null) {
                throw new CommandFailure(failWith, "events.json: /epcisBody: expected an object");
            }
            if (input instanceof InputSource.FileInput) {
                try (InputStream in = input.open()) {
                    in.read();
                }
            }
            spec.commandLine().getOut().println(input.name());
            return ExitCodes.OK;
        }
    }

    private static CommandLine withProbe() {
        CommandLine commandLine = new CommandLine(new TracewellCommand());
        commandLine.addSubcommand(new Probe());
        return TracewellCli.configure(commandLine);
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
