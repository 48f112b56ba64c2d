package io.tracewell.server;

import io.tracewell.epcis.capture.http.Callers;
import io.tracewell.epcis.store.access.Caller;
import java.util.EnumSet;
import java.util.Set;

/**
 * For routers a test builds itself, without the server's authentication handler: the routes fail closed, so they
 * need a caller. This puts one of the operator's organisation ({@code local}) with every role into each request.
 * Servers started by the tests authenticate as the server does (development mode, or keys).
 */
public final class TestCaller {

    /** Every role, so it reads everything, as a development-mode caller does. */
    public static final Caller EVERYONE = new Caller("test", "local", EnumSet.allOf(Caller.Role.class), Set.of());

    private TestCaller() {}

    /** Mount it before the routes. */
    public static void actingAsEveryone(io.vertx.ext.web.Router router) {
        router.route().order(-1_000).handler(context -> {
            if (Callers.find(context).isEmpty()) {
                Callers.set(context, EVERYONE);
            }
            context.next();
        });
    }
}
