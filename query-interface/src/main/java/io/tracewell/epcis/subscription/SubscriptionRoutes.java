package io.tracewell.epcis.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.capture.http.EpcFormat;
import io.tracewell.epcis.capture.http.Gs1Headers;
import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.http.RequiredCaller;
import io.tracewell.epcis.capture.http.ResponseFormats;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.query.QueryParameterException;
import io.tracewell.epcis.query.http.CollectionPages;
import io.tracewell.epcis.query.http.NamedQueries;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook subscriptions of the REST binding: {@code POST /queries/{name}/subscriptions} (201 with
 * {@code Location}), {@code GET} of the list (paged) and of one, {@code DELETE} of one, {@code OPTIONS} (with
 * {@code GS1-Query-Min-Record-Time} for one). The {@code signatureToken} is kept for signing and never returned.
 *
 * <p>Every route needs the request's caller (401 without one) and a named query it may see (404 otherwise). The
 * caller is stored with the subscription: its notifications hold only the events that caller may read.
 */
public final class SubscriptionRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BODY_LIMIT = 64 * 1024;
    private static final String BASE = "/queries/:queryName/subscriptions";

    private final Subscriptions store;
    private final NamedQueries queries;
    private final SubscriptionRunner runner;
    private final int batchSize;
    private final ZoneId scheduleZone;
    private final int maxPerPage;
    private final String vendorVersion;
    private final Clock clock;

    /**
     * @param batchSize    events per notification at most (a receiver's 413 halves it for its subscription)
     * @param scheduleZone the zone schedules are read in
     */
    public SubscriptionRoutes(Subscriptions store, NamedQueries queries, SubscriptionRunner runner, int batchSize,
                              ZoneId scheduleZone, int maxPerPage, String vendorVersion, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.runner = Objects.requireNonNull(runner, "runner");
        if (batchSize < 1 || maxPerPage < 1) {
            throw new IllegalArgumentException("batchSize and maxPerPage must be at least 1");
        }
        this.batchSize = batchSize;
        this.scheduleZone = Objects.requireNonNull(scheduleZone, "scheduleZone");
        this.maxPerPage = maxPerPage;
        this.vendorVersion = Objects.requireNonNull(vendorVersion, "vendorVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void mount(Router router) {
        router.post(BASE).handler(this::requireJson);
        router.post(BASE).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .blockingHandler(this::create, false).failureHandler(this::failure);
        router.get(BASE).blockingHandler(this::list, false).failureHandler(this::failure);
        router.get(BASE + "/:id").blockingHandler(this::get, false).failureHandler(this::failure);
        router.delete(BASE + "/:id").blockingHandler(this::delete, false).failureHandler(this::failure);
        router.options(BASE).handler(c -> options(c, "OPTIONS, GET, POST", null));
        router.options(BASE + "/:id").blockingHandler(this::optionsOfOne, false).failureHandler(this::failure);
    }

    private void create(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        String instance = context.request().path();
        Optional<String> name = queryName(context);
        if (name.isEmpty() || queries.definition(name.get(), caller.get()).isEmpty()) {
            noSuchQuery(context, name);
            return;
        }
        ResponseFormats formats;
        try {
            formats = ResponseFormats.fromHeaders(context.request()::getHeader, CompanyPrefixLengths.none());
        } catch (ResponseFormats.UnsupportedHeaderValue e) {
            ProblemResponses.send(context, e.problem(instance));
            return;
        }
        Objects.requireNonNull(formats);
        byte[] bytes = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
        SubscriptionRequest request;
        try {
            request = SubscriptionRequest.read(bytes);
        } catch (SubscriptionRequest.Invalid e) {
            EpcisExceptionType type = e.badUri() ? EpcisExceptionType.INVALID_URI
                    : EpcisExceptionType.SUBSCRIPTION_CONTROLS;
            SourceLocation at = SourceLocation.of(0, 0, e.pointer());
            ProblemResponses.send(context, new Problem(type, "the subscription is not valid: " + e.getMessage(),
                    instance, List.of(new ProblemError(at, e.getMessage(), e.expected()))));
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant initial = request.initialRecordTime() == null ? now
                : request.initialRecordTime().truncatedTo(ChronoUnit.MICROS);
        Instant nextRun = request.stream() ? null
                : request.schedule().next(now, scheduleZone).orElse(null);
        String epcFormat = context.request().getHeader(EpcFormat.HEADER);
        String cbvFormat = context.request().getHeader(ResponseFormats.CBV_XML_FORMAT);
        Subscription s = new Subscription(UUID.randomUUID().toString(), name.get(), request.dest(),
                request.signatureToken(), request.stream(), request.schedule(), request.reportIfEmpty(), initial,
                request.mediaType(), epcFormat == null ? null : epcFormat.trim(),
                cbvFormat == null ? null : cbvFormat.trim(), now, batchSize, FeedPosition.allOf(0), initial, null,
                nextRun, Subscription.State.ACTIVE, 0, null, null, caller.get());
        if (!store.create(s)) {
            noSuchQuery(context, name);
            return;
        }
        LOG.info("subscription {} to query {} created: {} to {}", s.id(), s.queryName(),
                s.stream() ? "streaming" : "scheduled " + s.schedule().fields(), s.dest());
        runner.wake();
        Subscription stored = store.find(name.get(), s.id()).orElse(s);
        HttpServerResponse response = context.response().setStatusCode(201)
                .putHeader("Location", instance.endsWith("/") ? instance + PathSegments.encode(s.id())
                        : instance + "/" + PathSegments.encode(s.id()))
                .putHeader("Content-Type", "application/json");
        Gs1Headers.addTo(response);
        response.end(Buffer.buffer(write(json(stored))));
    }

    private void list(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> name = queryName(context);
        if (name.isEmpty() || queries.definition(name.get(), caller.get()).isEmpty()) {
            noSuchQuery(context, name);
            return;
        }
        CollectionPages pages;
        try {
            pages = CollectionPages.read(context.request().query(), maxPerPage);
        } catch (QueryParameterException e) {
            ProblemResponses.send(context, new Problem(EpcisExceptionType.QUERY_PARAMETER, e.getMessage(),
                    context.request().path(), List.of(new ProblemError(SourceLocation.NONE, e.getMessage(),
                    e.expected()))));
            return;
        }
        List<Subscription> found = store.page(name.get(), pages.after(), pages.perPage() + 1);
        boolean more = found.size() > pages.perPage();
        List<Subscription> page = more ? found.subList(0, pages.perPage()) : found;
        ArrayNode list = JSON.createArrayNode();
        page.forEach(s -> list.add(json(s)));
        HttpServerResponse response = context.response().setStatusCode(200)
                .putHeader("Content-Type", "application/json");
        Gs1Headers.addTo(response);
        if (more) {
            pages.linkNext(response, context.request().path(), page.get(page.size() - 1).id());
        }
        response.end(Buffer.buffer(write(list)));
    }

    private void get(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<Subscription> s = subscription(context, caller.get());
        if (s.isEmpty()) {
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(200)
                .putHeader("Content-Type", "application/json");
        Gs1Headers.addTo(response);
        response.end(Buffer.buffer(write(json(s.get()))));
    }

    private void delete(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> name = queryName(context);
        String id = context.pathParam("id");
        // Only the subscriber's organisation deletes a subscription; to others it does not exist.
        boolean own = name.isPresent() && id != null && store.find(name.get(), id)
                .filter(s -> s.owner().organisation().equals(caller.get().organisation())).isPresent();
        if (!own || !store.delete(name.get(), id)) {
            noSuchSubscription(context, name, id);
            return;
        }
        LOG.info("subscription {} to query {} deleted", id, name.get());
        context.response().setStatusCode(204);
        Gs1Headers.addTo(context.response());
        context.response().end();
    }

    private void optionsOfOne(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        subscription(context, caller.get()).ifPresent(s -> options(context, "OPTIONS, GET, DELETE",
                EpcisTime.of(s.minRecordTime()).toString()));
    }

    private void options(RoutingContext context, String allow, String minRecordTime) {
        HttpServerResponse response = context.response().setStatusCode(204).putHeader("Allow", allow);
        Gs1Headers.addDiscoveryTo(response, vendorVersion, null);
        if (minRecordTime != null) {
            response.putHeader(Gs1Headers.QUERY_MIN_RECORD_TIME, minRecordTime);
        }
        response.end();
    }

    /** The path's subscription if {@code caller} may see its query; otherwise 404 sent. */
    private Optional<Subscription> subscription(RoutingContext context, Caller caller) {
        Optional<String> name = queryName(context);
        String id = context.pathParam("id");
        Optional<Subscription> s = name.isEmpty() || id == null || queries.definition(name.get(), caller).isEmpty()
                ? Optional.empty() : store.find(name.get(), id);
        if (s.isEmpty()) {
            noSuchSubscription(context, name, id);
        }
        return s;
    }

    /** The subscription as the REST binding shows it, with Tracewell's delivery state; never the token. */
    static ObjectNode json(Subscription s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("subscriptionID", s.id());
        o.put("dest", s.dest());
        o.put("createdAt", EpcisTime.of(s.createdAt()).toString());
        if (s.lastNotifiedAt() != null) {
            o.put("lastNotifiedAt", EpcisTime.of(s.lastNotifiedAt()).toString());
        }
        o.put("initialRecordTime", EpcisTime.of(s.initialRecordTime()).toString());
        o.put("minRecordTime", EpcisTime.of(s.minRecordTime()).toString());
        if (s.epcFormat() != null) {
            o.put("epcFormat", s.epcFormat());
        }
        if (s.stream()) {
            o.put("stream", true);
        } else {
            ObjectNode schedule = o.putObject("schedule");
            s.schedule().fields().forEach(schedule::put);
            o.put("reportIfEmpty", s.reportIfEmpty());
            if (s.nextRunAt() != null) {
                o.put("nextRunAt", EpcisTime.of(s.nextRunAt()).toString());
            }
        }
        o.put("signed", s.signatureToken() != null);
        o.put("mediaType", s.mediaType());
        o.put("batchSize", s.batchSize());
        o.put("state", s.state().name().toLowerCase(Locale.ROOT));
        o.put("failures", s.failures());
        if (s.retryAt() != null) {
            o.put("retryAt", EpcisTime.of(s.retryAt()).toString());
        }
        if (s.lastError() != null) {
            o.put("lastError", s.lastError());
        }
        return o;
    }

    private void requireJson(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.equals("application/ld+json")) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.UNSUPPORTED_MEDIA_TYPE,
                    (contentType == null ? "the request has no Content-Type" : "Content-Type " + contentType
                            + " is not supported") + "; a subscription is given as application/json",
                    context.request().path()));
            return;
        }
        context.next();
    }

    private static Optional<String> queryName(RoutingContext context) {
        String[] segments = context.request().path().split("/", -1);
        try {
            String name = PathSegments.decode(segments.length > 2 ? segments[2] : "");
            return NamedQueries.isName(name) ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void noSuchQuery(RoutingContext context, Optional<String> name) {
        ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                name.map(n -> "there is no query named " + n).orElse("the path names no query"),
                context.request().path()));
    }

    private static void noSuchSubscription(RoutingContext context, Optional<String> name, String id) {
        ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                name.map(n -> "the query " + n + " has no subscription " + id).orElse("the path names no query"),
                context.request().path()));
    }

    private static byte[] write(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    private void failure(RoutingContext context) {
        ProblemResponses.failure(context, LOG);
    }
}
