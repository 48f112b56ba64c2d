package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.store.access.Caller;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Where the authenticated {@link Caller} of a request is kept: the server's authentication handler, which runs
 * before every route, puts it in the routing context; the routes read it to decide what the caller may see.
 *
 * <p>The routes fail closed: a request that reaches them without a caller is answered 401, never served as if
 * it could see everything.
 */
public final class Callers {

    /** The routing-context key of the caller. */
    public static final String CONTEXT_KEY = "io.tracewell.caller";

    private Callers() {}

    public static void set(RoutingContext context, Caller caller) {
        context.put(CONTEXT_KEY, caller);
    }

    public static Optional<Caller> find(RoutingContext context) {
        return Optional.ofNullable(context.get(CONTEXT_KEY));
    }
}
