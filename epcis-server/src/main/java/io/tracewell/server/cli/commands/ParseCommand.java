package io.tracewell.server.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.id.AiValue;
import io.tracewell.epcis.id.ElementString;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.server.cli.CommandFailure;
import io.tracewell.server.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tracewell parse CODE}: the fields of a GS1 element string (as a scanner delivers it, with parentheses or
 * raw with GS separators) or of a GS1 Digital Link URI, as JSON.
 */
@Command(
        name = "parse",
        description = {
            "Print the fields of a GS1 element string or GS1 Digital Link URI as JSON.",
            "Element strings may be bracketed, (01)09506000134352(21)123456, or raw with GS (ASCII 29) separators."
        })
public final class ParseCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "CODE", description = "GS1 element string or Digital Link URI")
    String code;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ElementString elements;
        try {
            elements = code.startsWith("http://") || code.startsWith("https://")
                    ? ElementString.fromDigitalLink(code)
                    : ElementString.parse(code);
        } catch (IdentifierException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, e.getMessage(), e);
        }
        ObjectNode result = JSON.createObjectNode();
        ArrayNode fields = result.putArray("elements");
        for (AiValue v : elements.values()) {
            ObjectNode field = fields.addObject();
            field.put("ai", v.ai());
            field.put("name", v.definition().name());
            field.put("value", v.value());
        }
        elements.gtin().ifPresent(g -> result.put("gtin", g.toString()));
        elements.serial().ifPresent(s -> result.put("serial", s));
        elements.lot().ifPresent(l -> result.put("lot", l));
        elements.expiry().ifPresent(d -> result.put("expiry", d.toString()));
        result.put("elementString", elements.toBracketed());
        result.put("digitalLink", elements.toDigitalLink());
        spec.commandLine().getOut().println(JSON.writeValueAsString(result));
        return ExitCodes.OK;
    }
}
