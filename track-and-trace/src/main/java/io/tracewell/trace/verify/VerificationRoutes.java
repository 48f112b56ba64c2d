package io.tracewell.trace.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.capture.http.AcceptHeader;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.Sgln;
import io.tracewell.epcis.model.EpcisTime;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pack verification over HTTP (docs/verification.md):
 * <ul>
 *   <li>{@code GET /verify?code=...&location=...}: {@code code} is an element string (raw with GS separators or
 *       bracketed) or a GS1 Digital Link;</li>
 *   <li>{@code GET /01/{gtin}/21/{serial}} and {@code GET /01/{gtin}/10/{lot}/21/{serial}} (with optional Digital
 *       Link data attributes such as {@code ?17=280630}, and {@code location}): the Digital Link path itself, what a
 *       phone opens when the pack's QR code points at this server.</li>
 * </ul>
 * JSON for machines, HTML when the client prefers {@code text/html} (a browser). Every scan is recorded as an
 * EPCIS event; a code that is not a verifiable GS1 code is a {@code 400} problem naming what is wrong.
 */
public final class VerificationRoutes {

    public static final String PATH = "/verify";
    public static final String DIGITAL_LINK_PATH = "/01/*";

    private static final Logger LOG = LoggerFactory.getLogger(VerificationRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String HTML_TYPE = "text/html";
    private static final String LOCATION = "location";
    private static final String EXPECTED_LOCATION = "an SGLN, as EPC URI (urn:epc:id:sgln:...) or GS1 Digital Link"
            + " (https://id.gs1.org/414/...)";

    private final VerificationService service;

    public VerificationRoutes(VerificationService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    public void mount(Router router) {
        router.get(PATH).blockingHandler(this::query, false).failureHandler(this::failure);
        router.get(DIGITAL_LINK_PATH).blockingHandler(this::digitalLink, false).failureHandler(this::failure);
    }

    private void query(RoutingContext context) {
        Optional<String> type = mediaType(context);
        if (type.isEmpty()) {
            return;
        }
        for (String name : context.queryParams().names()) {
            if (!name.equals("code") && !name.equals(LOCATION)) {
                problem(context, EpcisExceptionType.QUERY_PARAMETER, name, "\"" + name
                        + "\" is not a parameter of " + PATH, "code and, optionally, location");
                return;
            }
        }
        List<String> codes = context.queryParams().getAll("code");
        if (codes.size() != 1) {
            problem(context, EpcisExceptionType.QUERY_PARAMETER, "code", codes.isEmpty()
                    ? "the code to verify is missing" : "give one code, not " + codes.size(), ScannedCode.EXPECTED);
            return;
        }
        ScannedCode code;
        try {
            code = ScannedCode.parse(codes.get(0));
        } catch (BadCodeException e) {
            problem(context, EpcisExceptionType.QUERY_PARAMETER, "code", e.getMessage(), e.expected());
            return;
        }
        answer(context, type.get(), code);
    }

    private void digitalLink(RoutingContext context) {
        Optional<String> type = mediaType(context);
        if (type.isEmpty()) {
            return;
        }
        // the raw path and query: values stay percent-encoded for the Digital Link parser
        String query = context.request().query();
        List<String> attributes = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.equals(LOCATION) && !pair.startsWith(LOCATION + "=")) {
                    attributes.add(pair);
                }
            }
        }
        String uri = "https://id.gs1.org" + context.request().path()
                + (attributes.isEmpty() ? "" : "?" + String.join("&", attributes));
        ScannedCode code;
        try {
            code = ScannedCode.parse(uri);
        } catch (BadCodeException e) {
            problem(context, EpcisExceptionType.VALIDATION, "path", e.getMessage(), e.expected());
            return;
        }
        answer(context, type.get(), code);
    }

    private void answer(RoutingContext context, String type, ScannedCode code) {
        List<String> locations = context.queryParams().getAll(LOCATION);
        Optional<String> location = Optional.empty();
        if (!locations.isEmpty()) {
            String given = locations.get(0);
            if (locations.size() != 1 || !isSgln(given)) {
                problem(context, EpcisExceptionType.QUERY_PARAMETER, LOCATION, "location \""
                        + String.join("|", locations) + "\" is not one SGLN", EXPECTED_LOCATION);
                return;
            }
            location = Optional.of(given);
        }
        Verification verification = service.verify(code, location);
        if (type.equals(HTML_TYPE)) {
            context.response().setStatusCode(200).putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .end(Buffer.buffer(VerificationPage.render(verification).getBytes(StandardCharsets.UTF_8)));
            return;
        }
        context.response().setStatusCode(200).putHeader("Content-Type", JSON_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(write(json(verification))));
    }

    /** The JSON answer (docs/verification.md). */
    static ObjectNode json(Verification v) {
        ObjectNode json = JSON.createObjectNode();
        ObjectNode code = json.putObject("code");
        code.put("gtin", v.code().sgtin().gtin().value());
        code.put("serial", v.code().sgtin().serial());
        v.code().lot().ifPresent(l -> code.put("lot", l));
        v.code().expiry().ifPresent(e -> code.put("expiry", e.toString()));
        code.put("epc", v.code().epc());
        json.put("known", v.known());
        json.put("lot", v.lot().word());
        json.put("expiry", v.expiry().word());
        json.put("status", v.status().word());
        json.put("firstScan", v.first());
        json.put("scans", v.scans());
        v.firstScan().ifPresent(first -> {
            ObjectNode node = json.putObject("firstScanned");
            node.put("time", EpcisTime.of(first.time()).toString());
            first.readPoint().ifPresent(r -> node.put("readPoint", r));
        });
        json.put("eventID", v.eventID());
        return json;
    }

    private static boolean isSgln(String value) {
        try {
            return Epc.parse(value) instanceof Sgln;
        } catch (IdentifierException e) {
            return false;
        }
    }

    /** JSON or HTML, as the client prefers (JSON when it does not say); empty after a 406 was sent. */
    private static Optional<String> mediaType(RoutingContext context) {
        Optional<String> type = AcceptHeader.parse(context.request().getHeader("Accept"))
                .choose(List.of(JSON_TYPE, HTML_TYPE));
        if (type.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                    "verification answers are available as " + JSON_TYPE + " and " + HTML_TYPE,
                    context.request().path()));
        }
        return type;
    }

    private static void problem(RoutingContext context, EpcisExceptionType type, String what, String message,
                                String expected) {
        ProblemResponses.send(context, new Problem(type, what + ": " + message, context.request().path(),
                List.of(new ProblemError(SourceLocation.NONE, message, expected))));
    }

    private static byte[] write(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    private void failure(RoutingContext context) {
        ProblemResponses.failure(context, LOG);
    }
}
