package io.tracewell.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's view of the regulatory connectors' deliveries (docs/deliveries.md): {@code GET /admin/deliveries}
 * (filtered by {@code connector} and {@code state}, paged), {@code GET /admin/deliveries/{id}} with its attempts,
 * {@code GET /admin/deliveries/{id}/payload} (the exact bytes sent), and {@code POST /admin/deliveries/{id}/replay}
 * to send a dead or failed delivery again, with the same message id and bytes.
 */
public final class DeliveryRoutes {

    public static final String PATH = "/admin/deliveries";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_PER_PAGE = 30;

    private final Deliveries deliveries;
    private final int maxPerPage;
    private final Clock clock;

    public DeliveryRoutes(Deliveries deliveries, int maxPerPage, Clock clock) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        if (maxPerPage < 1) {
            throw new IllegalArgumentException("maxPerPage must be at least 1");
        }
        this.maxPerPage = maxPerPage;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void mount(Router router) {
        router.get(PATH).blockingHandler(this::list, false).failureHandler(this::failure);
        router.get(PATH + "/:id").blockingHandler(this::one, false).failureHandler(this::failure);
        router.get(PATH + "/:id/payload").blockingHandler(this::payload, false).failureHandler(this::failure);
        router.post(PATH + "/:id/replay").blockingHandler(this::replay, false).failureHandler(this::failure);
    }

    private void list(RoutingContext context) {
        String connector = context.queryParams().get("connector");
        Deliveries.State state = null;
        String stateText = context.queryParams().get("state");
        long after = 0;
        int perPage = DEFAULT_PER_PAGE;
        try {
            if (stateText != null) {
                state = Deliveries.State.valueOf(stateText.trim().toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            badParameter(context, "state", "\"" + stateText + "\" is not a delivery state",
                    "one of pending, sent, acknowledged, failed, dead");
            return;
        }
        try {
            String token = context.queryParams().get("nextPageToken");
            after = token == null ? 0 : Long.parseLong(token);
            String per = context.queryParams().get("perPage");
            perPage = per == null ? DEFAULT_PER_PAGE : Math.min(maxPerPage, Integer.parseInt(per));
            if (after < 0 || perPage < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            badParameter(context, "perPage/nextPageToken", "is not a whole number of at least 1 (perPage) or a"
                    + " token from a Link header (nextPageToken)", "perPage from 1 to " + maxPerPage);
            return;
        }
        List<Deliveries.Delivery> found = deliveries.page(connector, state, after, perPage + 1);
        boolean more = found.size() > perPage;
        List<Deliveries.Delivery> page = more ? found.subList(0, perPage) : found;
        ArrayNode list = JSON.createArrayNode();
        page.forEach(d -> list.add(json(d)));
        HttpServerResponse response = context.response().setStatusCode(200)
                .putHeader("Content-Type", "application/json");
        if (more) {
            StringBuilder next = new StringBuilder(PATH + "?perPage=" + perPage + "&nextPageToken="
                    + page.get(page.size() - 1).id());
            if (connector != null) {
                next.append("&connector=").append(java.net.URLEncoder.encode(connector,
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            if (state != null) {
                next.append("&state=").append(state.name().toLowerCase(Locale.ROOT));
            }
            response.putHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        response.end(Buffer.buffer(write(list)));
    }

    private void one(RoutingContext context) {
        Optional<Deliveries.Delivery> d = delivery(context);
        if (d.isEmpty()) {
            return;
        }
        ObjectNode o = json(d.get());
        ArrayNode attempts = o.putArray("attemptLog");
        for (Deliveries.Attempt a : deliveries.attempts(d.get().id())) {
            ObjectNode n = attempts.addObject();
            n.put("attempt", a.attempt());
            n.put("startedAt", a.startedAt().toString());
            n.put("finishedAt", a.finishedAt().toString());
            n.put("outcome", a.outcome());
            if (a.detail() != null) {
                n.put("detail", a.detail());
            }
        }
        context.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(write(o)));
    }

    private void payload(RoutingContext context) {
        Optional<Deliveries.Delivery> d = delivery(context);
        if (d.isEmpty()) {
            return;
        }
        if (d.get().payload() == null) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE, "delivery "
                    + d.get().id() + " has not been built yet: it has no payload", context.request().path()));
            return;
        }
        context.response().setStatusCode(200)
                .putHeader("Content-Type", Objects.requireNonNullElse(d.get().contentType(), "application/octet-stream"))
                .end(Buffer.buffer(d.get().payload()));
    }

    private void replay(RoutingContext context) {
        Optional<Deliveries.Delivery> d = delivery(context);
        if (d.isEmpty()) {
            return;
        }
        if (!deliveries.replay(d.get().id(), clock.instant())) {
            ProblemResponses.send(context, new Problem(EpcisExceptionType.VALIDATION, "delivery " + d.get().id()
                    + " is " + d.get().state().name().toLowerCase(Locale.ROOT) + "; only dead or failed deliveries"
                    + " are replayed", context.request().path(), List.of(new ProblemError(SourceLocation.NONE,
                    "the delivery is " + d.get().state().name().toLowerCase(Locale.ROOT), "a dead or failed delivery"))));
            return;
        }
        LOG.info("delivery {} ({} to {}) replayed by an operator", d.get().id(), d.get().connector(),
                d.get().partner());
        context.response().setStatusCode(202).putHeader("Location", PATH + "/" + d.get().id()).end();
    }

    private Optional<Deliveries.Delivery> delivery(RoutingContext context) {
        String id = context.pathParam("id");
        Optional<Deliveries.Delivery> d = Optional.empty();
        try {
            d = deliveries.find(Long.parseLong(id));
        } catch (NumberFormatException e) {
            // below
        }
        if (d.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                    "there is no delivery " + id, context.request().path()));
        }
        return d;
    }

    static ObjectNode json(Deliveries.Delivery d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id());
        o.put("connector", d.connector());
        o.put("partner", d.partner());
        o.put("subject", d.subject());
        o.put("state", d.state().name().toLowerCase(Locale.ROOT));
        o.put("attempts", d.attempts());
        put(o, "messageId", d.messageId());
        put(o, "payloadSha256", d.payloadSha256());
        put(o, "contentType", d.contentType());
        put(o, "mic", d.mic());
        put(o, "nextAttemptAt", d.nextAttemptAt());
        put(o, "lastError", d.lastError());
        put(o, "receipt", d.receiptInfo());
        put(o, "createdAt", d.createdAt());
        put(o, "sentAt", d.sentAt());
        put(o, "acknowledgedAt", d.acknowledgedAt());
        return o;
    }

    private static void put(ObjectNode o, String name, Object value) {
        if (value instanceof Instant t) {
            o.put(name, t.toString());
        } else if (value != null) {
            o.put(name, value.toString());
        }
    }

    private static void badParameter(RoutingContext context, String parameter, String message, String expected) {
        ProblemResponses.send(context, new Problem(EpcisExceptionType.QUERY_PARAMETER, parameter + ": " + message,
                context.request().path(), List.of(new ProblemError(SourceLocation.NONE, parameter + ": " + message,
                expected))));
    }

    private static byte[] write(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void failure(RoutingContext context) {
        ProblemResponses.failure(context, LOG);
    }
}
