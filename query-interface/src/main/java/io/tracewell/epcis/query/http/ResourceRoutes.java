package io.tracewell.epcis.query.http;

import io.tracewell.epcis.capture.http.AcceptHeader;
import io.tracewell.epcis.capture.http.EpcFormat;
import io.tracewell.epcis.capture.http.EpcFormatting;
import io.tracewell.epcis.capture.http.Gs1Headers;
import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.http.RequiredCaller;
import io.tracewell.epcis.capture.http.ResponseFormats;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.query.QueryContext;
import io.tracewell.epcis.query.QueryParameterException;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.query.SimpleEventQuery;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources of the REST binding that group events by one value (EPCIS 2.0 §12): {@code /eventTypes},
 * {@code /epcs}, {@code /bizSteps}, {@code /bizLocations}, {@code /readPoints} and {@code /dispositions}. Each
 * is a triple: the collection of the values the stored events use (paged by value), an item
 * {@code /{value}} whose only sub-resource is {@code events}, and {@code /{value}/events}, which is
 * {@code GET /events} with the matching parameter fixed to the value.
 *
 * <p>The value in the path is a percent-encoded URI (a Digital Link, a URN) or, for CBV values, a bare word. It is
 * taken from the raw path and decoded here exactly once, then read by the same parameter that {@code GET /events}
 * has, so that {@code /epcs/urn%3Aepc%3Aid%3Asgtin%3A...} and the Digital Link of the same key are one resource.
 * A value no stored event has is 404, a value that is not one of its kind is 400. {@code OPTIONS} on these
 * resources is answered by {@code DiscoveryRoutes}.
 *
 * <p>The collections of identifiers ({@code /epcs}, {@code /bizLocations}, {@code /readPoints}) honour
 * {@code GS1-EPC-Format} as the answers with events do: each listed value, the canonical form the store indexes
 * (docs/store.md §2), goes through the same {@link EpcFormatting}, so the default {@code Always_GS1_Digital_Link}
 * gives canonical Digital Links, {@code Always_EPC_URN} EPC URIs where the company prefix length is known (as for
 * events, no table is configured, so Digital Links stay), {@code Never_Translates} and {@code No_Preference} the
 * values as stored. A value the binding does not define is {@code 406 NotAcceptableException}. Paging is on the
 * stored values, whatever form they are shown in.
 *
 * <p>Every resource needs the request's caller (401 without one) and lists or finds only values of the events it
 * may read (docs/security.md, "Visibility").
 */
public final class ResourceRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceRoutes.class);
    private static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final List<String> OFFERED = List.of("application/json", "application/ld+json");

    /** The identifier roles of {@code MATCH_anyEPC}: an EPC listed by {@code /epcs} has events there. */
    private static final List<String> INSTANCE_ROLES = List.of("EPC_LIST", "CHILD", "PARENT", "INPUT", "OUTPUT");

    /**
     * One resource triple.
     *
     * @param name        the top-level path segment, e.g. {@code bizSteps}
     * @param parameter   the query parameter the item's value fixes
     * @param what        what a value is, for messages
     * @param source      where the collection's values are stored
     * @param display     the stored value as the collection lists it
     * @param identifiers whether the values are identifiers, listed in the form {@code GS1-EPC-Format} asks for
     */
    private record Kind(String name, String parameter, String what, KnownValues.Source source,
                        UnaryOperator<String> display, boolean identifiers) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("eventTypes", "eventType", "event type",
                    new KnownValues.Source("epcis_event", "event_type", "TRUE", List.of()), v -> v, false),
            new Kind("epcs", "MATCH_anyEPC", "EPC",
                    new KnownValues.Source("epcis_event_epc", "canonical_id",
                            "role IN (?, ?, ?, ?, ?)", INSTANCE_ROLES), v -> v, true),
            new Kind("bizSteps", "EQ_bizStep", "business step",
                    KnownValues.Source.eventColumn("biz_step"), v -> BizStep.of(v).toBareWord(), false),
            new Kind("bizLocations", "EQ_bizLocation", "business location",
                    KnownValues.Source.eventColumn("biz_location"), v -> v, true),
            new Kind("readPoints", "EQ_readPoint", "read point",
                    KnownValues.Source.eventColumn("read_point"), v -> v, true),
            new Kind("dispositions", "EQ_disposition", "disposition",
                    KnownValues.Source.eventColumn("disposition"), v -> Disposition.of(v).toBareWord(), false));

    private final QueryRoutes events;
    private final QueryParser parser;
    private final KnownValues known;
    private final int maxPerPage;

    /**
     * @param events        answers the {@code /{value}/events} resources
     * @param maxPerPage    the most values one page of a collection holds
     * @param vendorVersion not used any more: {@code OPTIONS} on these resources, which announced it, is answered
     *                      by {@code DiscoveryRoutes}
     */
    public ResourceRoutes(QueryRoutes events, QueryParser parser, DataSource dataSource, int maxPerPage,
                          String vendorVersion) {
        this.events = Objects.requireNonNull(events, "events");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.known = new KnownValues(dataSource);
        if (maxPerPage < 1) {
            throw new IllegalArgumentException("maxPerPage must be at least 1");
        }
        this.maxPerPage = maxPerPage;
        Objects.requireNonNull(vendorVersion, "vendorVersion");
    }

    public void mount(Router router) {
        for (Kind kind : KINDS) {
            String collection = "/" + kind.name();
            router.get(collection).blockingHandler(c -> collection(c, kind), false).failureHandler(this::failure);
            router.get(collection + "/:value").blockingHandler(c -> item(c, kind), false)
                    .failureHandler(this::failure);
            router.get(collection + "/:value/events").blockingHandler(c -> itemEvents(c, kind), false)
                    .failureHandler(this::failure);
        }
    }

    private void collection(RoutingContext context, Kind kind) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> mediaType = jsonMediaType(context);
        if (mediaType.isEmpty()) {
            return;
        }
        UnaryOperator<String> display = kind.display();
        if (kind.identifiers()) {
            Optional<EpcFormatting> form = epcFormat(context);
            if (form.isEmpty()) {
                return;
            }
            display = form.get()::id;
        }
        CollectionPages pages;
        try {
            pages = CollectionPages.read(context.request().query(), maxPerPage);
        } catch (QueryParameterException e) {
            sendQueryParameterProblem(context, e);
            return;
        }
        List<String> values = known.page(kind.source(), caller.get(), pages.after(), pages.perPage() + 1);
        boolean more = values.size() > pages.perPage();
        List<String> page = more ? values.subList(0, pages.perPage()) : values;
        JsonArray member = new JsonArray();
        for (String value : page) {
            member.add(display.apply(value));
        }
        HttpServerResponse response = context.response().setStatusCode(200)
                .putHeader("Content-Type", mediaType.get());
        Gs1Headers.addTo(response);
        if (more) {
            pages.linkNext(response, context.request().path(), page.get(page.size() - 1));
        }
        response.end(collectionOf(member).toBuffer());
    }

    private void item(RoutingContext context, Kind kind) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> mediaType = jsonMediaType(context);
        if (mediaType.isEmpty() || !exists(context, kind, caller.get())) {
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(200)
                .putHeader("Content-Type", mediaType.get());
        Gs1Headers.addTo(response);
        response.end(collectionOf(new JsonArray().add("events")).toBuffer());
    }

    private void itemEvents(RoutingContext context, Kind kind) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> value = value(context, kind);
        if (value.isEmpty() || !exists(context, kind, caller.get())) {
            return;
        }
        events.respondWithEvents(context, Map.of(kind.parameter(), List.of(value.get())), QueryContext.empty());
    }

    /**
     * Whether a stored event that {@code caller} may read has the path's value; otherwise answers 400 (not a value
     * of its kind) or 404 and returns false. A value only events hidden from the caller have is 404 like an unknown
     * one, so another organisation's identifiers are not revealed.
     */
    private boolean exists(RoutingContext context, Kind kind, Caller caller) {
        Optional<String> value = value(context, kind);
        if (value.isEmpty()) {
            return false;
        }
        String instance = context.request().path();
        String v = value.get();
        SimpleEventQuery query;
        try {
            query = parser.parse(Map.of(kind.parameter(), List.of(v)), QueryContext.empty());
        } catch (QueryParameterException e) {
            String detail = "the " + kind.what() + " in the path, \"" + v + "\", is not valid: " + e.getMessage();
            ProblemResponses.send(context, new Problem(EpcisExceptionType.QUERY_PARAMETER, detail, instance,
                    List.of(new ProblemError(SourceLocation.NONE, detail, e.expected()))));
            return false;
        }
        // An EPC pattern selects EPCs, it is not one: /epcs lists identifiers only.
        boolean pattern = kind.parameter().equals("MATCH_anyEPC") && v.regionMatches(true, 0, "urn:epc:idpat:", 0, 14);
        if (pattern || !known.anyMatch(query, caller)) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                    "no stored event has the " + kind.what() + " " + v, instance));
            return false;
        }
        return true;
    }

    /** The value segment of the raw path ({@code /kind/{value}[/events]}), decoded once; or a 400 sent. */
    private static Optional<String> value(RoutingContext context, Kind kind) {
        String[] segments = context.request().path().split("/", -1);
        String raw = segments.length > 2 ? segments[2] : "";
        try {
            String value = PathSegments.decode(raw);
            if (!value.isBlank()) {
                return Optional.of(value);
            }
        } catch (IllegalArgumentException e) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.VALIDATION, "the " + kind.what()
                    + " in the path is not a valid percent-encoded URI: " + e.getMessage(), context.request().path()));
            return Optional.empty();
        }
        ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                "the path names no " + kind.what(), context.request().path()));
        return Optional.empty();
    }

    /**
     * The identifier form {@code GS1-EPC-Format} asks for, read as for events ({@link ResponseFormats}); or, for a
     * value the binding does not define, the 406 sent. {@code GS1-CBV-XML-Format} is not read: a list of
     * identifiers holds no CBV value.
     */
    private Optional<EpcFormatting> epcFormat(RoutingContext context) {
        try {
            return Optional.of(ResponseFormats.fromHeaders(
                    name -> name.equals(EpcFormat.HEADER) ? context.request().getHeader(name) : null,
                    events.companyPrefixLengths()).epcs());
        } catch (ResponseFormats.UnsupportedHeaderValue e) {
            String expected = e.header() + ": one of " + String.join(", ", e.accepted());
            ProblemResponses.send(context, new Problem(EpcisExceptionType.NOT_ACCEPTABLE, "the request header "
                    + e.getMessage() + "; the identifiers cannot be listed in that form", context.request().path(),
                    List.of(new ProblemError(SourceLocation.NONE, "request header " + e.getMessage(), expected))));
            return Optional.empty();
        }
    }

    private static Optional<String> jsonMediaType(RoutingContext context) {
        Optional<String> mediaType = AcceptHeader.parse(context.request().getHeader("Accept")).choose(OFFERED);
        if (mediaType.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                    "this resource is available as " + String.join(" or ", OFFERED), context.request().path()));
        }
        return mediaType;
    }

    private static JsonObject collectionOf(JsonArray member) {
        return new JsonObject().put("@context", CONTEXT).put("type", "Collection").put("member", member);
    }

    static void sendQueryParameterProblem(RoutingContext context, QueryParameterException e) {
        ProblemResponses.send(context, new Problem(EpcisExceptionType.QUERY_PARAMETER, e.getMessage(),
                context.request().path(), List.of(new ProblemError(SourceLocation.NONE, e.getMessage(), e.expected()))));
    }

    private void failure(RoutingContext context) {
        ProblemResponses.failure(context, LOG);
    }
}
