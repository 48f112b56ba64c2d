package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemFormat;
import io.tracewell.epcis.capture.problem.ProblemRenderer;
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

    /**
     * The failure handler of every route: a request that failed after its answer started is cut off; otherwise the
     * failure is logged and answered with a 500 {@code ImplementationException} problem, never Vert.x's plain text.
     */
    public static void failure(RoutingContext context, org.slf4j.Logger log) {
        if (context.response().headWritten()) {
            context.response().close();
            return;
        }
        log.error("{} {} failed", context.request().method(), context.request().path(), context.failure());
        send(context, Problem.of(EpcisExceptionType.IMPLEMENTATION, "the server could not process the request",
                context.request().path()));
    }
}
