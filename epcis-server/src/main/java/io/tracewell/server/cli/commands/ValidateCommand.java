package io.tracewell.server.cli.commands;

import io.tracewell.epcis.validation.DocumentValidator;
import io.tracewell.epcis.validation.Violation;
import io.tracewell.server.cli.ExitCodes;
import io.tracewell.server.cli.InputSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tracewell validate FILE...}: checks EPCIS 2.0 documents (XML or JSON-LD, told apart by content) against
 * the schemas and the standard's rules. Every violation goes to standard error as
 * {@code FILE: LOCATION: MESSAGE (expected: ...)}; the exit code is 0 only when every file is valid.
 */
@Command(
        name = "validate",
        description = {
            "Validate EPCIS 2.0 documents (XML or JSON-LD, detected from the content).",
            "Prints every violation with its file, location and what was expected; exit code 0 when all are valid,"
                    + " 1 when any is not."
        })
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "EPCIS documents; - reads standard input")
    List<InputSource> inputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DocumentValidator validator = DocumentValidator.create();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (InputSource input : inputs) {
            List<Violation> violations;
            try (InputStream in = input.open()) {
                violations = validator.validate(in);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (violations.isEmpty()) {
                out.println(input.name() + ": valid");
            } else {
                invalid++;
                for (Violation v : violations) {
                    err.println(input.name() + ": " + v);
                }
                err.println(input.name() + ": invalid, " + violations.size()
                        + (violations.size() == 1 ? " violation" : " violations"));
            }
        }
        out.flush();
        err.flush();
        return invalid == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }
}
