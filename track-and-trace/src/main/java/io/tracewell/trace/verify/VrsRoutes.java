package io.tracewell.trace.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.id.AiValue;
import io.tracewell.epcis.id.ElementString;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.model.EpcisTime;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saleable-returns verification in the manner of the DSCSA Verification Router Service (docs/verification.md,
 * "DSCSA saleable returns"): {@code GET /verify/dscsa?gtin=&serial=&lot=&expiry=&corrUUID=}, answered
 * {@code 200} with {@code responderGLN}, {@code corrUUID}, {@code verificationTimestamp} and
 * {@code data: {verified, verificationFailureReason, additionalInfo}}. The check is the pack verification's, and
 * the request is recorded as a verification scan like any other.
 */
public final class VrsRoutes {

    public static final String PATH = "/verify/dscsa";

    private static final Logger LOG = LoggerFactory.getLogger(VrsRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PARAMETERS = Set.of("gtin", "serial", "lot", "expiry", "corrUUID", "reqGLN");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd");

    private final VerificationService service;
    private final Optional<String> responderGln;
    private final Clock clock;

    /** @param responderGln this responder's GLN, answered as {@code responderGLN}; empty: left out */
    public VrsRoutes(VerificationService service, Optional<String> responderGln, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.responderGln = Objects.requireNonNull(responderGln, "responderGln");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void mount(Router router) {
        router.get(PATH).blockingHandler(this::verify, false)
                .failureHandler(context -> ProblemResponses.failure(context, LOG));
    }

    private void verify(RoutingContext context) {
        for (String name : context.queryParams().names()) {
            if (!PARAMETERS.contains(name)) {
                problem(context, name, "\"" + name + "\" is not a parameter of " + PATH,
                        "gtin, serial, lot, expiry and optionally corrUUID and reqGLN");
                return;
            }
            if (context.queryParams().getAll(name).size() > 1) {
                problem(context, name, name + " is given more than once", "one value");
                return;
            }
        }
        Optional<String> gtin = required(context, "gtin", "a GTIN-14 with its check digit, e.g. 09506000134352");
        Optional<String> serial = gtin.isEmpty() ? gtin : required(context, "serial", "the pack's serial (AI 21)");
        Optional<String> lot = serial.isEmpty() ? serial : required(context, "lot", "the pack's lot (AI 10)");
        Optional<String> expiry = lot.isEmpty() ? lot : required(context, "expiry",
                "the expiry date as YYMMDD (AI 17, day 00 the month's end) or YYYY-MM-DD");
        if (expiry.isEmpty()) {
            return;
        }
        String corrUuid = context.queryParams().get("corrUUID");
        if (corrUuid != null) {
            try {
                UUID.fromString(corrUuid);
            } catch (IllegalArgumentException e) {
                problem(context, "corrUUID", "corrUUID \"" + corrUuid + "\" is not a UUID", "a UUID such as"
                        + " 3fa85f64-5717-4562-b3fc-2c963f66afa6");
                return;
            }
        }
        String exp = expiry.get();
        if (exp.length() == 10) { // YYYY-MM-DD
            try {
                exp = LocalDate.parse(exp).format(YYMMDD);
            } catch (DateTimeException e) {
                problem(context, "expiry", "expiry \"" + exp + "\" is not a date", "YYMMDD or YYYY-MM-DD");
                return;
            }
        }
        ScannedCode code;
        try {
            new Gtin(gtin.get());
            ElementString elements = ElementString.of(new AiValue("01", gtin.get()), new AiValue("17", exp),
                    new AiValue("10", lot.get()), new AiValue("21", serial.get()));
            elements.expiry(); // a bad date fails here
            code = ScannedCode.of(elements);
        } catch (IdentifierException | DateTimeException e) {
            problem(context, "identifier", "the product identifier is not valid: " + e.getMessage(),
                    "gtin, serial, lot and expiry as GS1 AIs 01, 21, 10 and 17 take them");
            return;
        } catch (BadCodeException e) {
            problem(context, "gtin", e.getMessage(), e.expected());
            return;
        }
        VrsAnswer answer = VrsAnswer.of(service.verify(code, Optional.empty()));
        ObjectNode json = JSON.createObjectNode();
        responderGln.ifPresent(gln -> json.put("responderGLN", gln));
        if (corrUuid != null) {
            json.put("corrUUID", corrUuid);
        }
        json.put("verificationTimestamp", EpcisTime.of(clock.instant()).toString());
        ObjectNode data = json.putObject("data");
        data.put("verified", answer.verified());
        answer.failureReason().ifPresent(r -> data.put("verificationFailureReason", r));
        answer.additionalInfo().ifPresent(i -> data.put("additionalInfo", i));
        try {
            context.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(Buffer.buffer(JSON.writeValueAsBytes(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    private static Optional<String> required(RoutingContext context, String name, String expected) {
        String value = context.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            problem(context, name, name + " is missing", expected);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static void problem(RoutingContext context, String what, String message, String expected) {
        ProblemResponses.send(context, new Problem(EpcisExceptionType.QUERY_PARAMETER, what + ": " + message,
                context.request().path(), List.of(new ProblemError(SourceLocation.NONE, message, expected))));
    }
}
