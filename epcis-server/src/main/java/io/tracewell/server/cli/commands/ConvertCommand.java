package io.tracewell.server.cli.commands;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisEventWriter;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.server.cli.CommandFailure;
import io.tracewell.server.cli.ExitCodes;
import io.tracewell.server.cli.InputSource;
import io.tracewell.server.cli.OutputTarget;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracewell convert --to xml|json [--out FILE] FILE}: converts an EPCIS 2.0 document between XML and
 * JSON-LD, event by event, so a document of any size converts in bounded memory.
 */
@Command(
        name = "convert",
        description = {
            "Convert an EPCIS 2.0 document between XML and JSON-LD.",
            "The input format is detected from the content. Conversion streams event by event."
        })
public final class ConvertCommand implements Callable<Integer> {

    /** The target format as the user names it. */
    public enum Target {
        xml(Format.XML), json(Format.JSON_LD);

        final Format format;

        Target(Format format) {
            this.format = format;
        }
    }

    @Option(names = "--to", required = true, paramLabel = "xml|json", description = "Target format: xml or json")
    Target to;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "-",
            description = "Output file; - (the default) writes to standard output")
    OutputTarget out;

    @Parameters(index = "0", paramLabel = "FILE", description = "EPCIS document; - reads standard input")
    InputSource input;

    @Override
    public Integer call() throws IOException {
        try (InputStream in = input.open();
             OutputStream os = new BufferedOutputStream(out.open(), 1 << 16);
             EpcisEventReader reader = EpcisFormats.reader(in);
             EpcisEventWriter writer = EpcisFormats.writer(to.format, os)) {
            EpcisFormats.copy(reader, writer);
        } catch (EpcisFormatException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, input.name() + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }
}
