package io.tracewell.epcis.query.access;

import io.tracewell.epcis.capture.http.Callers;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.ext.web.Router;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tests only: stands in for the server's authentication handler. A request's {@code X-Test-Caller} header,
 * {@code organisation;ROLE,ROLE;gln,gln}, becomes its {@link Caller}; a request without it has none, as one that
 * passed no authentication would.
 */
final class TestCallers {

    static final String HEADER = "X-Test-Caller";

    private TestCallers() {}

    static void mount(Router router) {
        router.route().handler(context -> {
            String header = context.request().getHeader(HEADER);
            if (header != null) {
                Callers.set(context, parse(header));
            }
            context.next();
        });
    }

    static Caller parse(String header) {
        String[] parts = header.split(";", -1);
        Set<Caller.Role> roles = EnumSet.noneOf(Caller.Role.class);
        if (parts.length > 1 && !parts[1].isEmpty()) {
            Arrays.stream(parts[1].split(",")).map(Caller.Role::valueOf).forEach(roles::add);
        }
        Set<String> glns = parts.length > 2 && !parts[2].isEmpty()
                ? Arrays.stream(parts[2].split(",")).collect(Collectors.toSet()) : Set.of();
        return new Caller("test:" + parts[0], parts[0], roles, glns);
    }
}
