package io.tracewell.trace.recall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.id.Gtin;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /recalls}: {@code {"gtin": ..., "lot": ...}} recalls a lot, {@code {"epcs": [...]}} single packs;
 * answered {@code 201} with the recall event's {@code eventID} (and {@code Location: /events/{eventID}}).
 */
public final class RecallRoutes {

    public static final String PATH = "/recalls";
    private static final Logger LOG = LoggerFactory.getLogger(RecallRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecallService recalls;

    public RecallRoutes(RecallService recalls) {
        this.recalls = Objects.requireNonNull(recalls, "recalls");
    }

    public void mount(Router router) {
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(1024 * 1024))
                .blockingHandler(this::recall, false).failureHandler(c -> ProblemResponses.failure(c, LOG));
    }

    private void recall(RoutingContext context) {
        String instance = context.request().path();
        JsonNode body;
        try {
            body = JSON.readTree(context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes());
        } catch (java.io.IOException e) {
            invalid(context, "", "the body is not JSON", "{\"gtin\": ..., \"lot\": ...} or {\"epcs\": [...]}");
            return;
        }
        if (body == null || !body.isObject()) {
            invalid(context, "", "the body is not a JSON object", "{\"gtin\": ..., \"lot\": ...} or {\"epcs\": [...]}");
            return;
        }
        String eventId;
        try {
            if (body.has("epcs")) {
                JsonNode epcs = body.get("epcs");
                if (!epcs.isArray() || epcs.isEmpty()) {
                    invalid(context, "/epcs", "epcs is not a non-empty array", "the packs' SGTINs");
                    return;
                }
                List<String> list = new ArrayList<>();
                epcs.forEach(e -> list.add(e.asText()));
                eventId = recalls.recallPacks(list);
            } else {
                String gtin = body.path("gtin").asText("");
                String lot = body.path("lot").asText("");
                try {
                    gtin = Gtin.parse(gtin).value();
                } catch (RuntimeException e) {
                    invalid(context, "/gtin", "\"" + gtin + "\" is not a GTIN: " + e.getMessage(),
                            "a GTIN of 8, 12, 13 or 14 digits with a valid check digit");
                    return;
                }
                if (lot.isEmpty() || lot.length() > 20) {
                    invalid(context, "/lot", "the lot is missing or longer than 20 characters",
                            "the lot (AI 10) to recall, 1 to 20 characters");
                    return;
                }
                eventId = recalls.recallLot(gtin, lot);
            }
        } catch (IllegalArgumentException e) {
            invalid(context, "", e.getMessage(), "packs and lots that make a valid EPCIS event");
            return;
        }
        LOG.info("recall recorded as event {}", eventId);
        context.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                .putHeader("Location", "/events/" + java.net.URLEncoder.encode(eventId,
                        java.nio.charset.StandardCharsets.UTF_8))
                .end(Buffer.buffer(JSON.createObjectNode().put("eventID", eventId).toString()));
    }

    private static void invalid(RoutingContext context, String pointer, String message, String expected) {
        ProblemResponses.send(context, new Problem(EpcisExceptionType.VALIDATION, "the recall is refused: " + message,
                context.request().path(), List.of(new ProblemError(SourceLocation.of(0, 0, pointer), message,
                expected))));
    }
}
