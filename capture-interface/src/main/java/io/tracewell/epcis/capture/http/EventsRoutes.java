package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.capture.CaptureOutcome;
import io.tracewell.epcis.capture.SingleEventCapture;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.read.StoredEvents;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /events} (synchronous capture of one event) and {@code GET /events/{eventID}} of the EPCIS 2.0
 * REST binding (§12), on a Vert.x Web router. Both run on worker threads: validation and the database block.
 *
 * <p>Both need the request's caller ({@link RequiredCaller}, 401 without one): a captured event belongs to the
 * caller's organisation, and {@code GET} shows only an event the caller may read (404 otherwise).
 */
public final class EventsRoutes {

    public static final String PATH = "/events";

    /** JSON first: a client that accepts anything gets JSON-LD, the binding's default. */
    private static final List<String> OFFERED = List.of(
            "application/json", "application/ld+json", "application/xml", "text/xml");

    private static final Logger LOG = LoggerFactory.getLogger(EventsRoutes.class);

    private final SingleEventCapture capture;
    private final StoredEvents storedEvents;
    private final Clock clock;
    private final long bodyLimit;
    private final CompanyPrefixLengths lengths;

    /** @param bodyLimit the largest request body accepted, in bytes; larger ones get 413 */
    public EventsRoutes(SingleEventCapture capture, StoredEvents storedEvents, Clock clock, long bodyLimit) {
        this(capture, storedEvents, clock, bodyLimit, CompanyPrefixLengths.none());
    }

    /** @param lengths the company prefix lengths known, for {@code GS1-EPC-Format: Always_EPC_URN} */
    public EventsRoutes(SingleEventCapture capture, StoredEvents storedEvents, Clock clock, long bodyLimit,
                        CompanyPrefixLengths lengths) {
        this.lengths = Objects.requireNonNull(lengths, "lengths");
        this.capture = Objects.requireNonNull(capture, "capture");
        this.storedEvents = Objects.requireNonNull(storedEvents, "storedEvents");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bodyLimit = bodyLimit;
    }

    public void mount(Router router) {
        // A route of its own: Vert.x wants the body handler first on a route, and an unsupported body
        // should be refused before it is read.
        router.post(PATH).handler(this::requireSupportedContentType);
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
                .blockingHandler(this::post, false)
                .failureHandler(this::failure);
        router.get(PATH + "/:eventID")
                .blockingHandler(this::get, false)
                .failureHandler(this::failure);
    }

    /** The request's body format from its Content-Type; parameters such as {@code charset} do not matter. */
    static Optional<Format> bodyFormat(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "application/json", "application/ld+json" -> Optional.of(Format.JSON_LD);
            case "application/xml", "text/xml" -> Optional.of(Format.XML);
            default -> Optional.empty();
        };
    }

    private void requireSupportedContentType(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        if (bodyFormat(contentType).isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.UNSUPPORTED_MEDIA_TYPE,
                    (contentType == null ? "the request has no Content-Type" : "Content-Type " + contentType
                            + " is not supported")
                            + "; POST /events takes application/json, application/ld+json, application/xml"
                            + " or text/xml",
                    context.request().path()));
            return;
        }
        context.next();
    }

    private void post(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        Format format = bodyFormat(context.request().getHeader("Content-Type")).orElseThrow();
        byte[] body = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
        CaptureOutcome outcome = capture.capture(body, format, caller.get().organisation());
        String instance = context.request().path();
        // Java 17: no pattern matching in switch yet, so the sealed outcomes are told apart with instanceof.
        if (outcome instanceof CaptureOutcome.Captured captured) {
            context.response()
                    .setStatusCode(201)
                    .putHeader("Location", PATH + "/" + PathSegments.encode(captured.eventID()))
                    .putHeader(Gs1Headers.EPCIS_VERSION, Gs1Headers.EPCIS_VERSION_VALUE)
                    .putHeader(Gs1Headers.CBV_VERSION, Gs1Headers.CBV_VERSION_VALUE)
                    .end();
        } else if (outcome instanceof CaptureOutcome.Invalid invalid) {
            ProblemResponses.send(context, Problem.validation(
                    "the event is not valid EPCIS 2.0: " + invalid.errors().size() + " error(s)", instance,
                    invalid.errors()));
        } else if (outcome instanceof CaptureOutcome.Duplicate duplicate) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.RESOURCE_ALREADY_EXISTS,
                    "the event is stored already (event hash ID " + duplicate.hashId() + ")", instance));
        }
    }

    private void get(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        String instance = context.request().path();
        Optional<String> mediaType = AcceptHeader.parse(context.request().getHeader("Accept")).choose(OFFERED);
        if (mediaType.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                    "events are available as " + String.join(", ", OFFERED), instance));
            return;
        }
        Optional<ResponseFormats> forms = ResponseFormats.negotiate(context, lengths);
        if (forms.isEmpty()) {
            return;
        }
        // The raw path, not Vert.x's decoded parameter: the segment is decoded here exactly once.
        String raw = instance.substring(instance.lastIndexOf('/') + 1);
        String eventID;
        try {
            eventID = PathSegments.decode(raw);
        } catch (IllegalArgumentException e) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.VALIDATION,
                    "the eventID in the path is not a valid percent-encoded URI: " + e.getMessage(), instance));
            return;
        }
        // An event the caller may not read is answered like one that is not stored: its existence is not revealed.
        List<EpcisEvent> events = storedEvents.findByEventId(eventID, caller.get());
        if (events.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                    "no event with eventID " + eventID + " is stored", instance));
            return;
        }
        Format format = bodyFormat(mediaType.get()).orElseThrow();
        context.response()
                .setStatusCode(200)
                .putHeader("Content-Type", mediaType.get())
                .putHeader(Gs1Headers.EPCIS_VERSION, Gs1Headers.EPCIS_VERSION_VALUE)
                .putHeader(Gs1Headers.CBV_VERSION, Gs1Headers.CBV_VERSION_VALUE)
                .end(Buffer.buffer(forms.get().queryDocument(events, format, clock.instant())));
    }

    /** Body too large (BodyHandler's 413) or anything unforeseen: a problem, never Vert.x's plain text. */
    private void failure(RoutingContext context) {
        if (!context.response().headWritten() && context.statusCode() == 413) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.CAPTURE_LIMIT_EXCEEDED,
                    "the request body is larger than " + bodyLimit + " bytes", context.request().path()));
            return;
        }
        ProblemResponses.failure(context, LOG);
    }
}
