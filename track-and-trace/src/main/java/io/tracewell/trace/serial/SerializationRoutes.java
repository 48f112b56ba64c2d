package io.tracewell.trace.serial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.capture.http.AcceptHeader;
import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.EpcisTime;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serialization API (docs/serialization.md):
 * <ul>
 *   <li>{@code POST /serialization/requests}: issues serials for a GTIN ({@link SerializationRequestReader} for
 *       the body), optionally captures their commissioning events; {@code 201} with {@code Location} and the
 *       request, holding the serials themselves when there are at most {@link SerializationSettings#inlineSerials()}
 *       of them;</li>
 *   <li>{@code GET /serialization/requests/{id}}: the request, its commissioning state and event IDs;</li>
 *   <li>{@code GET /serialization/requests/{id}/serials?perPage=&nextPageToken=}: its serials in issue order, paged
 *       with {@code Link: <...>; rel="next"};</li>
 *   <li>{@code GET /serialization/requests/{id}/codes/{serial}.png|.svg?type=datamatrix|qr}: one serial as GS1
 *       DataMatrix (element string) or QR code (GS1 Digital Link); the serial percent-encoded as one path segment;</li>
 *   <li>{@code POST /serialization/requests/{id}/commission}: captures the commissioning events again after a
 *       failure or a stop between issuing and capturing.</li>
 * </ul>
 * Errors are RFC 7807 problems: a body that breaks a rule is a {@code ValidationException} with one entry per
 * problem, at the member's JSON pointer and saying what was expected.
 */
public final class SerializationRoutes {

    public static final String PATH = "/serialization/requests";

    private static final Logger LOG = LoggerFactory.getLogger(SerializationRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BODY_LIMIT = 64 * 1024;
    private static final int DEFAULT_PER_PAGE = 1000;
    private static final Pattern REQUEST_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String JSON_TYPE = "application/json";

    private final SerialNumberService serials;
    private final SerialCommissioning commissioning;
    private final SerializationSettings settings;
    private final SerializationRequestReader reader;
    private final BarcodeRenderer renderer;

    /**
     * @param commissioning captures commissioning events; null to refuse requests that ask for them
     */
    public SerializationRoutes(SerialNumberService serials, SerialCommissioning commissioning,
                               SerializationSettings settings) {
        this.serials = Objects.requireNonNull(serials, "serials");
        this.commissioning = commissioning;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reader = new SerializationRequestReader(settings);
        this.renderer = new BarcodeRenderer(settings.resolverBase());
    }

    public void mount(Router router) {
        router.post(PATH).handler(this::requireJson);
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .blockingHandler(this::create, false).failureHandler(this::failure);
        router.get(PATH + "/:id").blockingHandler(this::get, false).failureHandler(this::failure);
        router.get(PATH + "/:id/serials").blockingHandler(this::page, false).failureHandler(this::failure);
        router.get(PATH + "/:id/codes/:code").blockingHandler(this::code, false).failureHandler(this::failure);
        router.post(PATH + "/:id/commission").blockingHandler(this::commission, false)
                .failureHandler(this::failure);
    }

    private void requireJson(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON_TYPE)) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.UNSUPPORTED_MEDIA_TYPE,
                    (contentType == null ? "the request has no Content-Type" : "Content-Type " + contentType
                            + " is not supported") + "; POST " + PATH + " takes " + JSON_TYPE,
                    context.request().path()));
            return;
        }
        context.next();
    }

    private void create(RoutingContext context) {
        if (!acceptsJson(context)) {
            return;
        }
        byte[] body = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
        SerializationRequest request;
        SerialNumberService.Issued issued;
        try {
            request = reader.read(body);
            if (request.commission().isPresent() && commissioning == null) {
                throw SerializationRequestException.at("/commission", "this server does not commission serials",
                        "no commission member");
            }
            issued = serials.issue(request, settings.inlineSerials());
        } catch (SerializationRequestException e) {
            ProblemResponses.send(context, Problem.validation("the serialization request is refused: "
                    + e.getMessage(), context.request().path(), e.errors()));
            return;
        }
        SerialRequestRecord record = issued.request();
        if (record.commission().isPresent()) {
            record = commissioning.commission(record);
        }
        ObjectNode json = describe(record);
        if (!issued.serials().isEmpty()) {
            ArrayNode list = json.putArray("serials");
            issued.serials().forEach(list::add);
        }
        HttpServerResponse response = context.response().setStatusCode(201)
                .putHeader("Location", PATH + "/" + record.id())
                .putHeader("Content-Type", JSON_TYPE);
        response.end(Buffer.buffer(write(json)));
    }

    /**
     * Captures the commissioning events of a request whose commissioning is {@code pending} (the node stopped
     * between issuing and capturing) or {@code failed}; a request already {@code captured} is answered as it is.
     * Slices captured before are recognised by their hash and not stored again.
     */
    private void commission(RoutingContext context) {
        if (!acceptsJson(context)) {
            return;
        }
        Optional<SerialRequestRecord> record = request(context);
        if (record.isEmpty()) {
            return;
        }
        if (record.get().commission().isEmpty() || commissioning == null) {
            ProblemResponses.send(context, Problem.validation("request " + record.get().id()
                    + " cannot be commissioned", context.request().path(), List.of(new ProblemError(
                            SourceLocation.NONE, record.get().commission().isEmpty()
                                    ? "the request asked for no commissioning"
                                    : "this server does not commission serials",
                            "a request created with a commission member"))));
            return;
        }
        SerialRequestRecord result = record.get();
        if (result.commissionState().orElse(null) != CommissionState.CAPTURED) {
            result = commissioning.commission(result);
        }
        context.response().setStatusCode(200).putHeader("Content-Type", JSON_TYPE)
                .end(Buffer.buffer(write(describe(result))));
    }

    private void get(RoutingContext context) {
        if (!acceptsJson(context)) {
            return;
        }
        Optional<SerialRequestRecord> record = request(context);
        if (record.isEmpty()) {
            return;
        }
        context.response().setStatusCode(200).putHeader("Content-Type", JSON_TYPE)
                .end(Buffer.buffer(write(describe(record.get()))));
    }

    private void page(RoutingContext context) {
        if (!acceptsJson(context)) {
            return;
        }
        Optional<SerialRequestRecord> record = request(context);
        if (record.isEmpty()) {
            return;
        }
        MultiMap params = context.queryParams();
        int perPage = DEFAULT_PER_PAGE;
        int after = -1;
        for (String name : params.names()) {
            List<String> values = params.getAll(name);
            String value = values.get(0);
            switch (name) {
                case "perPage" -> {
                    Integer n = wholeNumber(value);
                    if (values.size() != 1 || n == null || n < 1) {
                        parameterProblem(context, "perPage", "perPage \"" + String.join("|", values)
                                + "\" is not a whole number of at least 1", "a whole number from 1; pages hold at"
                                + " most " + settings.maxPerPage() + " serials");
                        return;
                    }
                    perPage = Math.min(n, settings.maxPerPage());
                }
                case "nextPageToken" -> {
                    Integer n = wholeNumber(value);
                    if (values.size() != 1 || n == null || n < 0 || n >= record.get().count()) {
                        parameterProblem(context, "nextPageToken", "nextPageToken \"" + value
                                + "\" is not a token of this list",
                                "the nextPageToken of the previous page's Link header, unchanged");
                        return;
                    }
                    after = n;
                }
                default -> {
                    parameterProblem(context, name, "\"" + name + "\" is not a parameter of this list",
                            "perPage and nextPageToken only");
                    return;
                }
            }
        }
        List<SerialNumberService.Entry> entries = serials.page(record.get().id(), after, perPage);
        ObjectNode json = JSON.createObjectNode();
        ArrayNode list = json.putArray("serials");
        entries.forEach(e -> list.add(e.serial()));
        HttpServerResponse response = context.response().setStatusCode(200).putHeader("Content-Type", JSON_TYPE);
        if (!entries.isEmpty()) {
            int last = entries.get(entries.size() - 1).ordinal();
            if (last < record.get().count() - 1) {
                response.putHeader("Link", "<" + PATH + "/" + record.get().id() + "/serials?perPage=" + perPage
                        + "&nextPageToken=" + last + ">; rel=\"next\"");
            }
        }
        response.end(Buffer.buffer(write(json)));
    }

    private void code(RoutingContext context) {
        Optional<SerialRequestRecord> record = request(context);
        if (record.isEmpty()) {
            return;
        }
        String[] segments = context.request().path().split("/", -1);
        String raw = segments[segments.length - 1];
        int dot = raw.lastIndexOf('.');
        Optional<ImageFormat> format = dot < 0 ? Optional.empty()
                : ImageFormat.ofExtension(raw.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (format.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE, "codes are at "
                    + PATH + "/{id}/codes/{serial}.png or .svg, the serial percent-encoded",
                    context.request().path()));
            return;
        }
        String serial;
        try {
            serial = PathSegments.decode(raw.substring(0, dot));
        } catch (IllegalArgumentException e) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                    "the serial of the path is not percent-encoded correctly: " + e.getMessage(),
                    context.request().path()));
            return;
        }
        List<String> types = context.queryParams().getAll("type");
        SymbolType type = SymbolType.DATAMATRIX;
        for (String name : context.queryParams().names()) {
            if (!name.equals("type")) {
                parameterProblem(context, name, "\"" + name + "\" is not a parameter of a code",
                        "type only (datamatrix or qr)");
                return;
            }
        }
        if (!types.isEmpty()) {
            Optional<SymbolType> chosen = types.size() == 1 ? SymbolType.ofWord(types.get(0)) : Optional.empty();
            if (chosen.isEmpty()) {
                parameterProblem(context, "type", "type \"" + String.join("|", types) + "\" is not known",
                        "datamatrix (GS1 DataMatrix, the default) or qr (QR code with the GS1 Digital Link)");
                return;
            }
            type = chosen.get();
        }
        if (!serials.issued(record.get(), serial)) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE, "request "
                    + record.get().id() + " issued no serial " + serial, context.request().path()));
            return;
        }
        byte[] image = renderer.render(record.get().elementString(serial), type, format.get());
        context.response().setStatusCode(200)
                .putHeader("Content-Type", format.get().mediaType())
                .putHeader("Cache-Control", "private, max-age=86400")
                .end(Buffer.buffer(image));
    }

    /** The request the path names; when there is none, a 404 problem has been sent. */
    private Optional<SerialRequestRecord> request(RoutingContext context) {
        String id = context.pathParam("id");
        Optional<SerialRequestRecord> record = id != null && REQUEST_ID.matcher(id).matches()
                ? serials.find(id) : Optional.empty();
        if (record.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                    "there is no serialization request " + id, context.request().path()));
        }
        return record;
    }

    private ObjectNode describe(SerialRequestRecord record) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", record.id());
        json.put("gtin", record.gtin().value());
        json.put("count", record.count());
        json.put("scheme", record.scheme().word());
        record.length().ifPresent(l -> json.put("length", l));
        record.lot().ifPresent(l -> json.put("lot", l));
        record.expiry().ifPresent(e -> json.put("expiry", e));
        json.put("createdAt", EpcisTime.of(record.createdAt()).toString());
        json.put("collisionRetries", record.collisionRetries());
        record.commission().ifPresent(c -> {
            ObjectNode commission = json.putObject("commission");
            commission.put("readPoint", c.readPoint());
            commission.put("bizLocation", c.bizLocation());
            commission.put("epcFormat", c.companyPrefixLength().isPresent() ? "urn" : "digitalLink");
            c.companyPrefixLength().ifPresent(l -> commission.put("companyPrefixLength", l));
            record.commissionState().ifPresent(s -> commission.put("state", s.word()));
            record.commissionTime().ifPresent(t -> commission.put("eventTime", EpcisTime.of(t).toString()));
            ArrayNode ids = commission.putArray("eventIDs");
            record.eventIDs().forEach(ids::add);
            record.commissionError().ifPresent(e -> commission.put("error", e));
        });
        json.put("serialsUrl", PATH + "/" + record.id() + "/serials");
        return json;
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.trim());
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

    private static boolean acceptsJson(RoutingContext context) {
        if (AcceptHeader.parse(context.request().getHeader("Accept")).choose(List.of(JSON_TYPE)).isPresent()) {
            return true;
        }
        ProblemResponses.send(context, Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                "serialization requests are available as " + JSON_TYPE, context.request().path()));
        return false;
    }

    private static byte[] write(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    private void failure(RoutingContext context) {
        if (!context.response().headWritten() && context.statusCode() == 413) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.CAPTURE_LIMIT_EXCEEDED,
                    "the serialization request is larger than " + BODY_LIMIT + " bytes", context.request().path()));
            return;
        }
        ProblemResponses.failure(context, LOG);
    }
}
