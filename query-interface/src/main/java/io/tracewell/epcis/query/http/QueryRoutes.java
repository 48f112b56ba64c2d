package io.tracewell.epcis.query.http;

import io.tracewell.epcis.capture.http.AcceptHeader;
import io.tracewell.epcis.capture.http.Gs1Headers;
import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.http.RequiredCaller;
import io.tracewell.epcis.capture.http.ResponseFormats;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.query.EventQueries;
import io.tracewell.epcis.query.QueryContext;
import io.tracewell.epcis.query.QueryParameterException;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.query.QueryTooLargeException;
import io.tracewell.epcis.query.SimpleEventQuery;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /events}: the SimpleEventQuery of EPCIS 2.0 over the REST binding, every query parameter a URL
 * parameter (lists pipe-delimited), answered with an EPCISQueryDocument page (JSON-LD or XML by {@code Accept}),
 * {@code Link: <...>; rel="next"} and {@code GS1-Next-Page-Token-Expires} while more pages exist.
 *
 * <p>The query string is decoded here, exactly once and per RFC 3986: a {@code +} stays a plus sign, so
 * {@code GE_eventTime=2024-03-01T10:00:00+01:00} means what it says.
 *
 * <p>Every answer shows only the events the request's caller may read (docs/security.md, "Visibility"): the
 * condition is AND-ed to the query's own on every page; a request without a caller gets 401.
 */
public final class QueryRoutes {

    public static final String EVENTS = "/events";

    private static final Logger LOG = LoggerFactory.getLogger(QueryRoutes.class);
    private static final List<String> OFFERED = List.of(
            "application/json", "application/ld+json", "application/xml", "text/xml");
    private static final int DEFAULT_PER_PAGE = 30;
    /** The response header that tells where a query's time went (W3C Server Timing). */
    public static final String SERVER_TIMING = "Server-Timing";

    private final QueryParser parser;
    private final EventQueries queries;
    private final int maxPerPage;
    private final Clock clock;
    private final CompanyPrefixLengths lengths;

    public QueryRoutes(QueryParser parser, EventQueries queries, int maxPerPage, Clock clock) {
        this(parser, queries, maxPerPage, clock, CompanyPrefixLengths.none());
    }

    /** @param lengths the company prefix lengths known, for {@code GS1-EPC-Format: Always_EPC_URN} */
    public QueryRoutes(QueryParser parser, EventQueries queries, int maxPerPage, Clock clock,
                       CompanyPrefixLengths lengths) {
        this.lengths = Objects.requireNonNull(lengths, "lengths");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.queries = Objects.requireNonNull(queries, "queries");
        if (maxPerPage < 1) {
            throw new IllegalArgumentException("maxPerPage must be at least 1");
        }
        this.maxPerPage = maxPerPage;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The company prefix lengths identifiers are rendered with. */
    public CompanyPrefixLengths companyPrefixLengths() {
        return lengths;
    }

    public void mount(Router router) {
        router.get(EVENTS).blockingHandler(this::events, false).failureHandler(this::failure);
        // Tokens hold no server-side state (they carry their position, signed): releasing one frees nothing,
        // so the optional DELETE of the binding simply succeeds.
        router.delete("/nextPageToken/:token").handler(context -> {
            HttpServerResponse response = context.response().setStatusCode(204);
            Gs1Headers.addTo(response);
            response.end();
        });
    }

    private void events(RoutingContext context) {
        respondWithEvents(context, Map.of(), QueryContext.empty());
    }

    /**
     * Answers a request as {@code GET /events} does, with {@code fixed} parameters added in front of the request's
     * own: the resources that are a query with a parameter given by their path ({@code /bizSteps/{bizStep}/events})
     * or by a stored definition (named queries). The request may not repeat a fixed parameter; the next page's link
     * keeps the request's path and its own parameters, while page tokens are bound to all parameters.
     *
     * @param queryContext the prefixes CURIEs in the parameter names are read with
     */
    void respondWithEvents(RoutingContext context, Map<String, List<String>> fixed, QueryContext queryContext) {
        long started = System.nanoTime();
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        String instance = context.request().path();
        Optional<String> mediaType = AcceptHeader.parse(context.request().getHeader("Accept")).choose(OFFERED);
        if (mediaType.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                    "query results are available as " + String.join(", ", OFFERED), instance));
            return;
        }
        Optional<ResponseFormats> forms = ResponseFormats.negotiate(context, lengths);
        if (forms.isEmpty()) {
            return;
        }
        try {
            Map<String, List<String>> parameters = queryParameters(context.request().query());
            int perPage = perPage(parameters.remove("perPage"));
            List<String> tokenValues = parameters.remove("nextPageToken");
            String token = tokenValues == null ? null : tokenValues.get(0);
            Map<String, List<String>> all = new LinkedHashMap<>(fixed);
            for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
                if (all.containsKey(p.getKey())) {
                    throw new QueryParameterException(p.getKey(), "is fixed by the resource " + instance,
                            "the parameters of GET /events other than " + String.join(", ", fixed.keySet()));
                }
                all.put(p.getKey(), p.getValue());
            }
            SimpleEventQuery query = parser.parse(all, withRequestPrefixes(queryContext, context));
            EventQueries.Page page = queries.run(query, caller.get(), canonical(all), token, perPage);
            Format format = mediaType.get().contains("xml") ? Format.XML : Format.JSON_LD;
            HttpServerResponse response = context.response().setStatusCode(200)
                    .putHeader("Content-Type", mediaType.get());
            Gs1Headers.addTo(response);
            if (page.nextPageToken().isPresent()) {
                response.putHeader("Link", "<" + instance + "?" + nextQuery(parameters, perPage,
                        page.nextPageToken().get()) + ">; rel=\"next\"");
                response.putHeader(Gs1Headers.NEXT_PAGE_TOKEN_EXPIRES, page.tokenExpires().orElseThrow().toString());
            }
            long written = System.nanoTime();
            byte[] body = forms.get().queryDocument(page.events(), format, clock.instant());
            long done = System.nanoTime();
            response.putHeader(SERVER_TIMING, serverTiming(page.sqlNanos(), page.readNanos(), done - written,
                    done - started));
            response.end(Buffer.buffer(body));
        } catch (QueryParameterException e) {
            ProblemResponses.send(context, new Problem(EpcisExceptionType.QUERY_PARAMETER, e.getMessage(), instance,
                    List.of(new ProblemError(SourceLocation.NONE, e.getMessage(), e.expected()))));
        } catch (QueryTooLargeException e) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.QUERY_TOO_LARGE, e.getMessage(), instance));
        }
    }

    /**
     * The W3C Server-Timing header of a query answer, in milliseconds: {@code sql} in the database (statements and
     * fetching the rows), {@code read} turning the stored JSON-LD into events, {@code write} writing the response
     * document, {@code total} from the request reaching the handler to the document written. What a client measures
     * beyond {@code total} is HTTP and thread hand-off.
     */
    static String serverTiming(long sqlNanos, long readNanos, long writeNanos, long totalNanos) {
        return "sql;dur=" + millis(sqlNanos) + ", read;dur=" + millis(readNanos) + ", write;dur=" + millis(writeNanos)
                + ", total;dur=" + millis(totalNanos);
    }

    private static String millis(long nanos) {
        long micros = nanos / 1000;
        String fraction = Long.toString(1000 + micros % 1000).substring(1);
        return micros / 1000 + "." + fraction;
    }

    /** Each parameter once, its value decoded and split at {@code |}; a repeated parameter is an error. */
    static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            if (parameters.containsKey(name)) {
                throw new QueryParameterException(name, "is given more than once",
                        "each parameter once; several values of one parameter are separated by '|'");
            }
            parameters.put(name, name.equals("nextPageToken") ? List.of(value) : QueryParser.pipeDelimited(value));
        }
        return parameters;
    }

    /**
     * The prefixes of the request's {@code GS1-Extensions} header, with those of {@code given} (a stored query's
     * {@code @context}) taking precedence; a malformed header is a {@link QueryParameterException}.
     */
    private static QueryContext withRequestPrefixes(QueryContext given, RoutingContext context) {
        Namespaces prefixes = Gs1ExtensionsHeader.parse(context.request().getHeader(Gs1ExtensionsHeader.NAME));
        for (Map.Entry<String, String> p : given.prefixes().byPrefix().entrySet()) {
            prefixes = prefixes.with(p.getKey(), p.getValue());
        }
        return new QueryContext(prefixes);
    }

    private static String decode(String text, String what) {
        try {
            return PathSegments.decode(text);
        } catch (IllegalArgumentException e) {
            throw new QueryParameterException(what, "is not correctly percent-encoded: " + e.getMessage(),
                    "UTF-8 percent-encoding (RFC 3986)");
        }
    }

    private int perPage(List<String> values) {
        if (values == null) {
            return DEFAULT_PER_PAGE;
        }
        String text = values.size() == 1 ? values.get(0) : "";
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return Math.min(n, maxPerPage);
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new QueryParameterException("perPage", "\"" + text + "\" is not a whole number of at least 1",
                "a whole number from 1; the server returns at most " + maxPerPage + " events per page");
    }

    /** The query's parameters as one text, in request order: what a page token is bound to. */
    static String canonical(Map<String, List<String>> parameters) {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((name, values) -> sb.append(name).append('=').append(String.join("|", values))
                .append('\n'));
        return sb.toString();
    }

    private static String nextQuery(Map<String, List<String>> parameters, int perPage, String token) {
        List<String> parts = new ArrayList<>();
        parameters.forEach((name, values) -> parts.add(PathSegments.encode(name) + "="
                + String.join("|", values.stream().map(PathSegments::encode).toList())));
        parts.add("perPage=" + perPage);
        parts.add("nextPageToken=" + token);
        return String.join("&", parts);
    }


    private void failure(RoutingContext context) {
        ProblemResponses.failure(context, LOG);
    }
}
