package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.capture.CaptureLimits;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The discovery part of the EPCIS 2.0 REST binding (§12): {@code OPTIONS} on the resources, which tells a client
 * the versions, formats and capture limits before it sends anything, and {@code GET /}, the list of top-level
 * resources. Mounting it also puts {@link VersionNegotiation} in front of every route of the router, so a client
 * whose version range the server cannot meet is refused everywhere in the same way.
 *
 * <p>{@code OPTIONS} is answered here from one table ({@link #RESOURCES}) for the capture resources, the events,
 * the six resources that group events by a value and a named query's events, whichever module serves their other
 * methods: a row gives the path, the methods ({@code Allow}) and which format request headers the resource's
 * answers honour ({@link Formats}), and the response announces the values the server takes for exactly those
 * headers. The routes run at {@link #OPTIONS_ORDER}, before routes mounted with the default order, so a module that
 * answers {@code OPTIONS} on one of these paths itself is not reached.
 */
public final class DiscoveryRoutes {

    /** The JSON-LD context of EPCIS 2.0, as the standard publishes it. */
    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /** The top-level resources of the binding (OpenAPI {@code TopLevelResources}). */
    static final List<String> TOP_LEVEL_RESOURCES = List.of("events", "eventTypes", "epcs", "bizSteps",
            "bizLocations", "readPoints", "dispositions", "capture", "queries");

    /** {@code GET /} answers JSON only; JSON-LD is the same document. */
    private static final List<String> OFFERED = List.of("application/json", "application/ld+json");

    /** Runs before any route, whatever order the routes were mounted in. */
    static final int NEGOTIATION_ORDER = -100;

    /** The {@code OPTIONS} routes: after version negotiation, before every route mounted with the default order. */
    static final int OPTIONS_ORDER = NEGOTIATION_ORDER + 1;

    private static final String READ_ONLY = "OPTIONS, GET";
    private static final String READ_AND_WRITE = "OPTIONS, GET, POST";

    /**
     * The format request headers a resource honours, and so announces on {@code OPTIONS}.
     */
    enum Formats {
        /**
         * Answers with events: {@code GS1-EPC-Format} for their identifiers and {@code GS1-CBV-XML-Format} for their
         * CBV values in XML.
         */
        EVENTS(true, true),
        /** Answers with identifiers (the known EPCs and locations): {@code GS1-EPC-Format} only. */
        IDENTIFIERS(true, false),
        /**
         * Answers with neither (the root, capture, lists of CBV values and event types, the items): announces
         * every format the server supports, as the binding's default discovery response does.
         */
        SERVER(true, true);

        private final boolean epcFormat;
        private final boolean cbvXmlFormat;

        Formats(boolean epcFormat, boolean cbvXmlFormat) {
            this.epcFormat = epcFormat;
            this.cbvXmlFormat = cbvXmlFormat;
        }
    }

    /** One row of the {@code OPTIONS} table: a route path, its {@code Allow} value and the formats it honours. */
    record Resource(String path, String allow, Formats formats) {}

    /** The resources grouping events by a value, served by the query interface: collection, item, item's events. */
    private static final List<String> VALUE_RESOURCES = List.of("eventTypes", "epcs", "bizSteps", "bizLocations",
            "readPoints", "dispositions");

    /** Of {@link #VALUE_RESOURCES}, those whose collection lists identifiers. */
    private static final List<String> IDENTIFIER_COLLECTIONS = List.of("epcs", "bizLocations", "readPoints");

    /** Every resource whose {@code OPTIONS} is answered here. */
    static final List<Resource> RESOURCES = resources();

    private static List<Resource> resources() {
        List<Resource> rows = new ArrayList<>(List.of(
                new Resource("/", READ_ONLY, Formats.SERVER),
                new Resource(CaptureRoutes.PATH, READ_AND_WRITE, Formats.SERVER),
                new Resource(CaptureRoutes.PATH + "/:captureID", READ_ONLY, Formats.SERVER),
                new Resource(EventsRoutes.PATH, READ_AND_WRITE, Formats.EVENTS),
                new Resource(EventsRoutes.PATH + "/:eventID", READ_ONLY, Formats.EVENTS)));
        for (String name : VALUE_RESOURCES) {
            rows.add(new Resource("/" + name, READ_ONLY,
                    IDENTIFIER_COLLECTIONS.contains(name) ? Formats.IDENTIFIERS : Formats.SERVER));
            rows.add(new Resource("/" + name + "/:value", READ_ONLY, Formats.SERVER));
            rows.add(new Resource("/" + name + "/:value/events", READ_ONLY, Formats.EVENTS));
        }
        rows.add(new Resource("/queries/:queryName/events", READ_ONLY, Formats.EVENTS));
        return List.copyOf(rows);
    }

    private final CaptureLimits limits;
    private final String vendorVersion;

    /**
     * @param limits        the limits of {@code POST /capture}, announced by {@code OPTIONS /capture}
     * @param vendorVersion the server's version, announced as {@code GS1-Vendor-Version}
     */
    public DiscoveryRoutes(CaptureLimits limits, String vendorVersion) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.vendorVersion = Objects.requireNonNull(vendorVersion, "vendorVersion");
    }

    public void mount(Router router) {
        router.route().order(NEGOTIATION_ORDER).handler(new VersionNegotiation());
        for (Resource resource : RESOURCES) {
            router.options(resource.path()).order(OPTIONS_ORDER).handler(context -> options(context, resource));
        }
        router.get("/").handler(this::topLevelResources);
    }

    private void options(RoutingContext context, Resource resource) {
        HttpServerResponse response = context.response().setStatusCode(204).putHeader("Allow", resource.allow());
        Gs1Headers.addTo(response);
        Gs1Headers.addVersionRangesTo(response);
        response.putHeader(Gs1Headers.VENDOR_VERSION, vendorVersion);
        if (resource.formats().epcFormat) {
            response.putHeader(EpcFormat.HEADER, String.join(", ", EpcFormat.headerValues()));
        }
        if (resource.formats().cbvXmlFormat) {
            response.putHeader(ResponseFormats.CBV_XML_FORMAT, String.join(", ", Gs1Headers.CBV_XML_FORMATS));
        }
        if (resource.path().equals(CaptureRoutes.PATH)) {
            response.putHeader(Gs1Headers.CAPTURE_LIMIT, Long.toString(limits.maxEvents()))
                    .putHeader(Gs1Headers.CAPTURE_FILE_SIZE_LIMIT, Long.toString(limits.maxBytes()))
                    .putHeader(Gs1Headers.CAPTURE_ERROR_BEHAVIOUR, Gs1Headers.CAPTURE_ERROR_BEHAVIOURS_SUPPORTED);
        }
        response.end();
    }

    private void topLevelResources(RoutingContext context) {
        Optional<String> mediaType = AcceptHeader.parse(context.request().getHeader("Accept")).choose(OFFERED);
        if (mediaType.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                    "the list of top-level resources is available as " + String.join(" or ", OFFERED)
                            + ", which the Accept header " + context.request().getHeader("Accept") + " excludes",
                    context.request().path()));
            return;
        }
        JsonObject body = new JsonObject()
                .put("@context", CONTEXT)
                .put("type", "Collection")
                .put("member", new JsonArray(TOP_LEVEL_RESOURCES));
        context.response().setStatusCode(200).putHeader("Content-Type", mediaType.get());
        Gs1Headers.addTo(context.response());
        context.response().end(body.toBuffer());
    }
}
