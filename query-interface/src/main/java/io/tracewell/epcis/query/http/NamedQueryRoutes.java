package io.tracewell.epcis.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.capture.http.AcceptHeader;
import io.tracewell.epcis.capture.http.Gs1Headers;
import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.http.RequiredCaller;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.query.QueryParameterException;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named queries of the REST binding (EPCIS 2.0 §12): {@code POST /queries} stores a SimpleEventQuery under a
 * name, {@code GET /queries} lists the definitions, {@code GET} and {@code DELETE /queries/{name}} read and remove
 * one, and {@code GET /queries/{name}/events} runs it, paged like {@code GET /events}. A definition is checked by
 * the same parser that runs it, when it is created, so a stored query always runs; a parameter it does not accept
 * is a {@code QueryValidationException} naming the parameter and its JSON pointer.
 *
 * <p>Every route needs the request's caller (401 without one). A definition belongs to the caller's organisation:
 * other organisations' callers do not see it (404, as if it did not exist; regulators see all), and running it
 * shows the caller only the events it may read, whoever defined the query.
 */
public final class NamedQueryRoutes {

    public static final String PATH = "/queries";

    private static final Logger LOG = LoggerFactory.getLogger(NamedQueryRoutes.class);
    private static final List<String> OFFERED = List.of("application/json", "application/ld+json");
    private static final long BODY_LIMIT = 1024 * 1024;
    private static final String QUERY_POINTER = "/query";

    private final QueryRoutes events;
    private final QueryParser parser;
    private final NamedQueries store;
    private final int maxPerPage;
    private final String vendorVersion;

    /**
     * @param events        runs a named query as {@code GET /events} runs its parameters
     * @param maxPerPage    the most definitions one page of {@code GET /queries} holds
     * @param vendorVersion the server's version, announced by {@code OPTIONS}
     */
    public NamedQueryRoutes(QueryRoutes events, QueryParser parser, DataSource dataSource, int maxPerPage,
                            String vendorVersion) {
        this.events = Objects.requireNonNull(events, "events");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.store = new NamedQueries(dataSource);
        if (maxPerPage < 1) {
            throw new IllegalArgumentException("maxPerPage must be at least 1");
        }
        this.maxPerPage = maxPerPage;
        this.vendorVersion = Objects.requireNonNull(vendorVersion, "vendorVersion");
    }

    public void mount(Router router) {
        router.post(PATH).handler(this::requireJson);
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .blockingHandler(this::create, false).failureHandler(this::failure);
        router.get(PATH).blockingHandler(this::list, false).failureHandler(this::failure);
        router.get(PATH + "/:queryName").blockingHandler(this::get, false).failureHandler(this::failure);
        router.delete(PATH + "/:queryName").blockingHandler(this::delete, false).failureHandler(this::failure);
        router.get(PATH + "/:queryName/events").blockingHandler(this::run, false).failureHandler(this::failure);
        router.options(PATH).handler(c -> options(c, "OPTIONS, GET, POST"));
        router.options(PATH + "/:queryName").handler(c -> options(c, "OPTIONS, GET, DELETE"));
    }

    private void options(RoutingContext context, String allow) {
        context.response().setStatusCode(204).putHeader("Allow", allow);
        Gs1Headers.addDiscoveryTo(context.response(), vendorVersion, null);
        context.response().end();
    }

    private void requireJson(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.equals("application/ld+json")) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.UNSUPPORTED_MEDIA_TYPE,
                    (contentType == null ? "the request has no Content-Type" : "Content-Type " + contentType
                            + " is not supported") + "; POST /queries takes application/json or application/ld+json",
                    context.request().path()));
            return;
        }
        context.next();
    }

    private void create(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        String instance = context.request().path();
        byte[] bytes = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
        QueryDefinition.Body body;
        QueryDefinition definition;
        try {
            body = QueryDefinition.readBody(bytes);
            definition = QueryDefinition.of(body.query(), QUERY_POINTER);
        } catch (QueryDefinition.InvalidDefinition e) {
            sendInvalid(context, e.getMessage(), e.location(), e.expected());
            return;
        }
        try {
            parser.parse(definition.parameters(), definition.context());
        } catch (QueryParameterException e) {
            sendInvalid(context, e.getMessage(), SourceLocation.of(0, 0,
                    QueryDefinition.pointerOf(QUERY_POINTER, e.parameter())), e.expected());
            return;
        }
        String json;
        try {
            json = QueryDefinition.JSON.writeValueAsString(body.query());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a parsed JSON tree failed", e);
        }
        if (!store.create(body.name(), caller.get().organisation(), json)) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.RESOURCE_ALREADY_EXISTS,
                    "a query named " + body.name() + " exists already", instance));
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(201)
                .putHeader("Location", PATH + "/" + PathSegments.encode(body.name()));
        Gs1Headers.addTo(response);
        response.end();
    }

    private void sendInvalid(RoutingContext context, String message, SourceLocation location, String expected) {
        ProblemResponses.send(context, new Problem(EpcisExceptionType.QUERY_VALIDATION,
                "the query definition is not valid: " + message + " (at " + location + ")",
                context.request().path(), List.of(new ProblemError(location, message, expected))));
    }

    private void list(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> mediaType = jsonMediaType(context);
        if (mediaType.isEmpty()) {
            return;
        }
        CollectionPages pages;
        try {
            pages = CollectionPages.read(context.request().query(), maxPerPage);
        } catch (QueryParameterException e) {
            ResourceRoutes.sendQueryParameterProblem(context, e);
            return;
        }
        List<NamedQueries.Stored> stored = store.page(caller.get(), pages.after(), pages.perPage() + 1);
        boolean more = stored.size() > pages.perPage();
        List<NamedQueries.Stored> page = more ? stored.subList(0, pages.perPage()) : stored;
        ArrayNode list = QueryDefinition.JSON.createArrayNode();
        for (NamedQueries.Stored s : page) {
            list.add(definition(s.name(), s.queryJson()));
        }
        HttpServerResponse response = context.response().setStatusCode(200)
                .putHeader("Content-Type", mediaType.get());
        Gs1Headers.addTo(response);
        if (more) {
            pages.linkNext(response, context.request().path(), page.get(page.size() - 1).name());
        }
        response.end(Buffer.buffer(write(list)));
    }

    private void get(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> mediaType = jsonMediaType(context);
        if (mediaType.isEmpty()) {
            return;
        }
        Optional<String> name = name(context);
        Optional<String> json = name.flatMap(n -> store.find(n, caller.get()));
        if (json.isEmpty()) {
            noSuchQuery(context, name);
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(200)
                .putHeader("Content-Type", mediaType.get());
        Gs1Headers.addTo(response);
        response.end(Buffer.buffer(write(definition(name.get(), json.get()))));
    }

    private void delete(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> name = name(context);
        if (name.isEmpty() || !store.delete(name.get(), caller.get().organisation())) {
            noSuchQuery(context, name);
            return;
        }
        context.response().setStatusCode(204);
        Gs1Headers.addTo(context.response());
        context.response().end();
    }

    private void run(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> name = name(context);
        Optional<String> json = name.flatMap(n -> store.find(n, caller.get()));
        if (json.isEmpty()) {
            noSuchQuery(context, name);
            return;
        }
        QueryDefinition definition = QueryDefinition.of((ObjectNode) read(json.get()), QUERY_POINTER);
        events.respondWithEvents(context, definition.parameters(), definition.context());
    }

    /** The query name of the raw path ({@code /queries/{name}[/events]}), decoded once; empty if not a name. */
    private static Optional<String> name(RoutingContext context) {
        String[] segments = context.request().path().split("/", -1);
        try {
            String name = PathSegments.decode(segments.length > 2 ? segments[2] : "");
            return QueryDefinition.NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void noSuchQuery(RoutingContext context, Optional<String> name) {
        ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                name.map(n -> "there is no query named " + n)
                        .orElse("the path names no query; names are " + QueryDefinition.NAME_EXPECTED),
                context.request().path()));
    }

    private static ObjectNode definition(String name, String queryJson) {
        ObjectNode definition = QueryDefinition.JSON.createObjectNode();
        definition.put("name", name);
        definition.set("query", read(queryJson));
        return definition;
    }

    private static JsonNode read(String json) {
        try {
            return QueryDefinition.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored named query is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return QueryDefinition.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    private static Optional<String> jsonMediaType(RoutingContext context) {
        Optional<String> mediaType = AcceptHeader.parse(context.request().getHeader("Accept")).choose(OFFERED);
        if (mediaType.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                    "named queries are available as " + String.join(" or ", OFFERED), context.request().path()));
        }
        return mediaType;
    }

    private void failure(RoutingContext context) {
        if (!context.response().headWritten() && context.statusCode() == 413) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.CAPTURE_LIMIT_EXCEEDED,
                    "the query definition is larger than " + BODY_LIMIT + " bytes", context.request().path()));
            return;
        }
        ProblemResponses.failure(context, LOG);
    }
}
