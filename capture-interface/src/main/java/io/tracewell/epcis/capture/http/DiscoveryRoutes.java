package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.capture.CaptureLimits;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The discovery part of the EPCIS 2.0 REST binding (§12): {@code OPTIONS} on the capture and event resources,
 * which tells a client the versions, formats and capture limits before it sends anything, and {@code GET /},
 * the list of top-level resources. Mounting it also puts {@link VersionNegotiation} in front of every route of
 * the router, so a client whose version range the server cannot meet is refused everywhere in the same way.
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

    private static final String READ_ONLY = "OPTIONS, GET";
    private static final String READ_AND_WRITE = "OPTIONS, GET, POST";

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
        router.options("/").handler(context -> options(context, READ_ONLY));
        router.options("/capture").handler(this::optionsCapture);
        router.options("/capture/:captureID").handler(context -> options(context, READ_ONLY));
        router.options(EventsRoutes.PATH).handler(context -> options(context, READ_AND_WRITE));
        router.options(EventsRoutes.PATH + "/:eventID").handler(context -> options(context, READ_ONLY));
        router.get("/").handler(this::topLevelResources);
    }

    private void options(RoutingContext context, String allow) {
        context.response().setStatusCode(204).putHeader("Allow", allow);
        Gs1Headers.addDiscoveryTo(context.response(), vendorVersion, null);
        context.response().end();
    }

    private void optionsCapture(RoutingContext context) {
        context.response()
                .putHeader(Gs1Headers.CAPTURE_LIMIT, Long.toString(limits.maxEvents()))
                .putHeader(Gs1Headers.CAPTURE_FILE_SIZE_LIMIT, Long.toString(limits.maxBytes()))
                .putHeader(Gs1Headers.CAPTURE_ERROR_BEHAVIOUR, Gs1Headers.CAPTURE_ERROR_BEHAVIOURS_SUPPORTED);
        options(context, READ_AND_WRITE);
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
