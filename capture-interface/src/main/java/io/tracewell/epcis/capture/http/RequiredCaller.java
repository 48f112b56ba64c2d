package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The caller of a request for routes that show or store an organisation's data, failing closed: a request that
 * reaches them without a {@link Caller} (no authentication handler in front, or one that let it through) is
 * answered 401 with a {@code SecurityException} problem, never served as if it could see everything.
 */
public final class RequiredCaller {

    private RequiredCaller() {}

    /** The caller, or empty after answering 401; the route then returns without doing anything else. */
    public static Optional<Caller> of(RoutingContext context) {
        Optional<Caller> caller = Callers.find(context);
        if (caller.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.UNAUTHENTICATED,
                    "the request carries no authenticated caller", context.request().path()));
        }
        return caller;
    }
}
