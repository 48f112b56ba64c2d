package io.tracewell.epcis.capture.http;

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
}
