package io.tracewell.server.cli.commands;

import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.UrnTranslation;
import io.tracewell.server.cli.CommandFailure;
import io.tracewell.server.cli.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tracewell translate ID}: prints the other form of an identifier, the GS1 Digital Link of an EPC URN or the
 * EPC URN of a Digital Link. A Digital Link becomes a URN only when the GS1 company prefix length is known: from
 * {@code --gcp-length}, or from a table given with {@code --prefix-lengths}; otherwise the command says so and exits
 * 1 rather than guess.
 */
@Command(
        name = "translate",
        description = {
            "Print the other form of an identifier: EPC URN -> GS1 Digital Link, or GS1 Digital Link -> EPC URN.",
            "A Digital Link needs the GS1 company prefix length to become a URN (--gcp-length or --prefix-lengths)."
        })
public final class TranslateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "EPC URN or GS1 Digital Link URI")
    String id;

    @Option(names = "--gcp-length", paramLabel = "N",
            description = "GS1 company prefix length (6 to 12 digits) to use for a Digital Link")
    Integer gcpLength;

    @Option(names = "--prefix-lengths", paramLabel = "FILE",
            description = "Table of company prefix lengths, one 'prefix=length' per line")
    Path prefixLengths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CompanyPrefixLengths lengths = CompanyPrefixLengths.fixedTable();
        if (prefixLengths != null) {
            lengths.load(prefixLengths);
        }
        Epc epc;
        try {
            epc = Epc.parse(id.strip(), lengths);
            if (gcpLength != null && epc instanceof io.tracewell.epcis.id.Gs1Key key) {
                epc = key.withGcpLength(gcpLength);
            }
        } catch (IdentifierException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, e.getMessage(), e);
        }
        boolean isUrn = id.strip().startsWith("urn:epc:");
        if (isUrn) {
            String dl = epc.digitalLink().orElseThrow(() -> new CommandFailure(ExitCodes.INVALID_INPUT,
                    id + ": this EPC URN has no GS1 Digital Link form"));
            spec.commandLine().getOut().println(dl);
            return ExitCodes.OK;
        }
        UrnTranslation t = epc.translateToUrn(lengths);
        if (t instanceof UrnTranslation.NotTranslated n) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, id + ": no EPC URN (" + n.reason() + "): " + n.detail());
        }
        spec.commandLine().getOut().println(t.uri());
        return ExitCodes.OK;
    }
}
