package io.tracewell.server;

import io.tracewell.epcis.capture.http.Callers;
import io.tracewell.epcis.store.access.Caller;
import java.util.EnumSet;
import java.util.Set;

/**
 * Tests only, and temporary: until the server mounts its authentication handler, the routes, which fail closed,
 * would answer every request of these tests 401. This puts a caller of the operator's organisation ({@code local})
 * with every role into each request that has none, in front of every route.
 */
public final class TestCaller {

    /** Every role, so it reads everything, as a development-mode caller does. */
    public static final Caller EVERYONE = new Caller("test", "local", EnumSet.allOf(Caller.Role.class), Set.of());

    private TestCaller() {}

    public static TracewellServer actingAsEveryone(TracewellServer server) {
        actingAsEveryone(server.router());
        return server;
    }

    /** The same on a router a test builds itself; mount it before the routes. */
    public static void actingAsEveryone(io.vertx.ext.web.Router router) {
        router.route().order(-1_000).handler(context -> {
            if (Callers.find(context).isEmpty()) {
                Callers.set(context, EVERYONE);
            }
            context.next();
        });
    }
}
