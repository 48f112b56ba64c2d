package io.tracewell.server.http;

import io.netty.handler.codec.http.TooLongHttpLineException;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemFormat;
import io.tracewell.epcis.capture.problem.ProblemRenderer;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The longest request URI the server takes, answered like every other error: an RFC 7807
 * {@code 414 URITooLongException} problem that says the limit and the length received, not the HTTP server's bare
 * status line.
 *
 * <p>Two parts, because the HTTP server (Vert.x on Netty) refuses an over-long request line before any route sees
 * it. The server is given a request-line limit {@link #requestLineLimit() well above} the URI limit, so that a URI
 * somewhat over the limit reaches the router, where {@link #handle} (mounted first, at {@link #ORDER}) measures it
 * and answers with its exact length. A request line longer still is refused by the server while reading it;
 * {@link #invalidRequests()} answers that one, with the limit but without a length (the rest of the line is not
 * read). Other malformed requests keep Vert.x's answer.
 */
public final class UriLengthLimit implements Handler<RoutingContext> {

    /** Runs before every other route, version negotiation included (which runs at -100). */
    public static final int ORDER = -1_000;

    /** How much longer than the URI limit the server's request-line limit is: method, version and a long URI. */
    static final int REQUEST_LINE_MARGIN = 64 * 1024;

    /** Paths up to this length are named as the problem's instance; a longer one by its first segment. */
    private static final int LONGEST_INSTANCE = 256;

    private final int maxBytes;

    /** @param maxBytes the longest request URI, path and query as sent, in bytes */
    public UriLengthLimit(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** The request-line limit to give the HTTP server ({@code HttpServerOptions.maxInitialLineLength}). */
    public int requestLineLimit() {
        return maxBytes + REQUEST_LINE_MARGIN;
    }

    /**
     * Passes a request whose URI is within the limit on; answers a longer one with the 414 problem. The URI is the
     * request target as sent: HTTP/1.1 sends it in US-ASCII (other bytes are percent-encoded), and the server reads
     * it one character per byte, so its length is its length in bytes.
     */
    @Override
    public void handle(RoutingContext context) {
        int length = context.request().uri().length();
        if (length <= maxBytes) {
            context.next();
            return;
        }
        ProblemResponses.send(context, Problem.of(EpcisExceptionType.URI_TOO_LONG,
                "the request URI is " + length + " bytes long; this server takes request URIs (path and query) of at"
                        + " most " + maxBytes + " bytes. Send long queries as a named query (POST /queries) and read"
                        + " its results at GET /queries/{name}/events",
                instance(context.request().path())));
    }

    /**
     * The HTTP server's handler of requests it could not read: a request line over {@link #requestLineLimit()} gets
     * the 414 problem (in JSON, since the headers, {@code Accept} included, were not read) and the connection is
     * closed, as the rest of the request cannot be read; anything else gets Vert.x's own answer.
     */
    public Handler<HttpServerRequest> invalidRequests() {
        return request -> {
            if (!(request.decoderResult().cause() instanceof TooLongHttpLineException)) {
                HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
                return;
            }
            Problem problem = Problem.of(EpcisExceptionType.URI_TOO_LONG,
                    "the request line is longer than " + requestLineLimit() + " bytes, so the request URI is longer"
                            + " than the " + maxBytes + " bytes this server takes (path and query). Send long queries"
                            + " as a named query (POST /queries) and read its results at GET /queries/{name}/events",
                    "/");
            HttpServerResponse response = request.response();
            response.setStatusCode(problem.status())
                    .putHeader("Content-Type", ProblemFormat.JSON.mediaType())
                    .putHeader("Connection", "close")
                    .end(Buffer.buffer(ProblemRenderer.render(problem, ProblemFormat.JSON)))
                    .onComplete(done -> response.close());
        };
    }

    /** The path as the problem's instance, or its first segment when the path itself is very long. */
    static String instance(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        if (path.length() <= LONGEST_INSTANCE) {
            return path;
        }
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second);
        return first.length() <= LONGEST_INSTANCE ? first : "/";
    }
}
