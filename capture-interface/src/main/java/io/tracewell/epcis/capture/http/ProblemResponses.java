package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemFormat;
import io.tracewell.epcis.capture.problem.ProblemRenderer;
import io.tracewell.epcis.store.schema.DatabaseUnavailable;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Sends problems in the form the client's {@code Accept} prefers: XML only when it ranks XML above JSON. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static ProblemFormat formatFor(AcceptHeader accept) {
        double xml = Math.max(accept.quality(ProblemFormat.XML.mediaType()), accept.quality("application/xml"));
        double json = Math.max(accept.quality(ProblemFormat.JSON.mediaType()), accept.quality("application/json"));
        return xml > json ? ProblemFormat.XML : ProblemFormat.JSON;
    }

    public static void send(RoutingContext context, Problem problem) {
        ProblemFormat format = formatFor(AcceptHeader.parse(context.request().getHeader("Accept")));
        context.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", format.mediaType())
                .end(Buffer.buffer(ProblemRenderer.render(problem, format)));
    }

    /** How long a client is asked to wait before sending a request again that found the database unavailable. */
    public static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

    /**
     * The failure handler of every route: a request that failed after its answer started is cut off; otherwise the
     * failure is logged and answered with a 500 {@code ImplementationException} problem, never Vert.x's plain text.
     * A failure to reach the database is a 503 with {@code Retry-After}: the request did nothing and can be sent
     * again.
     */
    public static void failure(RoutingContext context, org.slf4j.Logger log) {
        if (context.response().headWritten()) {
            context.response().close();
            return;
        }
        if (DatabaseUnavailable.isCause(context.failure())) {
            log.warn("{} {}: the database is unavailable ({})", context.request().method(), context.request().path(),
                    context.failure() == null ? "" : context.failure().getMessage());
            context.response().putHeader("Retry-After", Integer.toString(UNAVAILABLE_RETRY_AFTER_SECONDS));
            send(context, Problem.of(EpcisExceptionType.UNAVAILABLE, "the database is unavailable: nothing was"
                    + " done; send the request again later", context.request().path()));
            return;
        }
        log.error("{} {} failed", context.request().method(), context.request().path(), context.failure());
        send(context, Problem.of(EpcisExceptionType.IMPLEMENTATION, "the server could not process the request",
                context.request().path()));
    }
}
