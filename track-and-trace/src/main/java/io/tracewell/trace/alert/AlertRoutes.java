package io.tracewell.trace.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.capture.http.Callers;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.http.RequiredCaller;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts API (docs/alerts.md):
 * <ul>
 *   <li>{@code GET /alerts?state=open|acknowledged&rule=&perPage=&nextPageToken=}: alerts newest first, paged by
 *       id with {@code Link: <...>; rel="next"};</li>
 *   <li>{@code GET /alerts/{id}}: one alert;</li>
 *   <li>{@code POST /alerts/{id}/acknowledge} with {@code {"acknowledgedBy": "..."}}: acknowledges it; an alert
 *       acknowledged already keeps its first acknowledgement.</li>
 * </ul>
 * Errors are RFC 7807 problems.
 */
public final class AlertRoutes {

    public static final String PATH = "/alerts";

    private static final Logger LOG = LoggerFactory.getLogger(AlertRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final int DEFAULT_PER_PAGE = 100;
    private static final int MAX_PER_PAGE = 1000;

    private final AlertStore alerts;

    public AlertRoutes(AlertStore alerts) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    public void mount(Router router) {
        router.get(PATH).blockingHandler(this::list, false).failureHandler(this::failure);
        router.get(PATH + "/:id").blockingHandler(this::get, false).failureHandler(this::failure);
        router.post(PATH + "/:id/acknowledge").handler(BodyHandler.create(false).setBodyLimit(16 * 1024))
                .blockingHandler(this::acknowledge, false).failureHandler(this::failure);
    }

    private void list(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        MultiMap params = context.queryParams();
        Optional<AlertState> state = Optional.empty();
        Optional<String> rule = Optional.empty();
        int perPage = DEFAULT_PER_PAGE;
        long before = 0;
        for (String name : params.names()) {
            List<String> values = params.getAll(name);
            String value = values.get(0);
            if (values.size() != 1) {
                parameterProblem(context, name, name + " is given " + values.size() + " times", "at most once");
                return;
            }
            switch (name) {
                case "state" -> {
                    state = AlertState.ofWord(value);
                    if (state.isEmpty()) {
                        parameterProblem(context, name, "state \"" + value + "\" is not known", "open or acknowledged");
                        return;
                    }
                }
                case "rule" -> rule = Optional.of(value);
                case "perPage" -> {
                    Long n = wholeNumber(value);
                    if (n == null || n < 1) {
                        parameterProblem(context, name, "perPage \"" + value + "\" is not a whole number of at"
                                + " least 1", "a whole number from 1; pages hold at most " + MAX_PER_PAGE);
                        return;
                    }
                    perPage = (int) Math.min(n, MAX_PER_PAGE);
                }
                case "nextPageToken" -> {
                    Long n = wholeNumber(value);
                    if (n == null || n < 1) {
                        parameterProblem(context, name, "nextPageToken \"" + value + "\" is not a token of this"
                                + " list", "the nextPageToken of the previous page's Link header, unchanged");
                        return;
                    }
                    before = n;
                }
                default -> {
                    parameterProblem(context, name, "\"" + name + "\" is not a parameter of this list",
                            "state, rule, perPage and nextPageToken only");
                    return;
                }
            }
        }
        List<Alert> page = alerts.list(caller.get(), state, rule, before, perPage + 1);
        boolean more = page.size() > perPage;
        List<Alert> shown = more ? page.subList(0, perPage) : page;
        ObjectNode json = JSON.createObjectNode();
        ArrayNode list = json.putArray("alerts");
        shown.forEach(a -> list.add(describe(a)));
        HttpServerResponse response = context.response().setStatusCode(200).putHeader("Content-Type", JSON_TYPE);
        if (more) {
            StringBuilder next = new StringBuilder(PATH).append("?perPage=").append(perPage);
            state.ifPresent(s -> next.append("&state=").append(s.word()));
            rule.ifPresent(r -> next.append("&rule=").append(URLEncoder.encode(r, StandardCharsets.UTF_8)));
            next.append("&nextPageToken=").append(shown.get(shown.size() - 1).id());
            response.putHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        response.end(Buffer.buffer(write(json)));
    }

    private void get(RoutingContext context) {
        alert(context).ifPresent(a -> context.response().setStatusCode(200).putHeader("Content-Type", JSON_TYPE)
                .end(Buffer.buffer(write(describe(a)))));
    }

    private void acknowledge(RoutingContext context) {
        Optional<Alert> alert = alert(context);
        if (alert.isEmpty()) {
            return;
        }
        String by = acknowledgedBy(context);
        if (by == null) {
            ProblemResponses.send(context, Problem.validation("the acknowledgement is refused: it names nobody",
                    context.request().path(), List.of(new ProblemError(SourceLocation.NONE,
                            "the body has no acknowledgedBy", "a JSON object {\"acknowledgedBy\": \"<who>\"}, the"
                                    + " name 1 to 255 characters long"))));
            return;
        }
        Alert result = alerts.acknowledge(alert.get().id(), by, Callers.find(context).orElseThrow()).orElseThrow();
        context.response().setStatusCode(200).putHeader("Content-Type", JSON_TYPE)
                .end(Buffer.buffer(write(describe(result))));
    }

    /** The acknowledgedBy member of the body, or null when the body is not an object with a usable one. */
    private static String acknowledgedBy(RoutingContext context) {
        Buffer body = context.body().buffer();
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(body.getBytes());
            JsonNode by = tree == null ? null : tree.get("acknowledgedBy");
            if (by == null || !by.isTextual() || by.asText().isBlank() || by.asText().length() > 255) {
                return null;
            }
            return by.asText().strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** The alert the path names; when there is none, a 404 problem has been sent. */
    private Optional<Alert> alert(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        String id = context.pathParam("id");
        Long n = id == null ? null : wholeNumber(id);
        Optional<Alert> alert = n == null || n < 1 ? Optional.empty() : alerts.find(n, caller.get());
        if (alert.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                    "there is no alert " + id, context.request().path()));
        }
        return alert;
    }

    /** An alert as the API and the webhook write it (docs/alerts.md). */
    static ObjectNode describe(Alert alert) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", alert.id());
        json.put("rule", alert.rule());
        json.put("epc", alert.epc());
        ArrayNode ids = json.putArray("eventIDs");
        alert.eventIds().forEach(ids::add);
        json.put("detail", alert.detail());
        json.put("raisedAt", EpcisTime.of(alert.raisedAt()).toString());
        json.put("state", alert.state().word());
        alert.acknowledgedAt().ifPresent(t -> json.put("acknowledgedAt", EpcisTime.of(t).toString()));
        alert.acknowledgedBy().ifPresent(b -> json.put("acknowledgedBy", b));
        return json;
    }

    private static Long wholeNumber(String text) {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void parameterProblem(RoutingContext context, String parameter, String message,
                                         String expected) {
        ProblemResponses.send(context, new Problem(EpcisExceptionType.QUERY_PARAMETER,
                "query parameter " + parameter + ": " + message, context.request().path(),
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
