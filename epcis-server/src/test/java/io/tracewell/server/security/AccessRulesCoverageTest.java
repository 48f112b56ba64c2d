package io.tracewell.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.TestServers;
import io.tracewell.server.config.TracewellConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every route the real server mounts and fails when one has no access rule: a route added later cannot be
 * forgotten (it would otherwise need the admin role, see {@link AccessRules#UNLISTED}).
 */
class AccessRulesCoverageTest {

    private static final List<HttpMethod> EVERY_METHOD = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS);

    private static TestServers servers;
    private static TracewellServer server;

    @BeforeAll
    static void start() throws Exception {
        servers = SecurityTestServers.open();
        server = servers.startOnFreshDatabase(Map.of(TracewellConfig.SECURITY_DEVELOPMENT_MODE, "false"));
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void everyMountedRouteHasAnAccessRule() {
        AccessRules rules = AccessRules.standard(true);
        List<String> withoutRule = new ArrayList<>();
        Set<String> rulesUsed = new TreeSet<>();
        int checked = 0;
        for (Route route : server.router().getRoutes()) {
            // A path with parameters (/events/:eventID) is kept as a regular expression; its name is the path.
            String path = route.isRegexPath() ? route.getName() : route.getPath();
            if (route.isRegexPath() && (path == null || !path.startsWith("/") || path.contains("("))) {
                withoutRule.add("regular expression route " + route + ": give it a path the rules can name");
                continue;
            }
            if (path == null) {
                continue; // a handler of every request (URI limit, authentication, version negotiation)
            }
            Set<HttpMethod> methods = route.methods();
            for (HttpMethod method : methods == null || methods.isEmpty() ? EVERY_METHOD : methods) {
                checked++;
                String sample = sample(path);
                rules.find(method, sample).ifPresentOrElse(rule -> rulesUsed.add(rule.toString()),
                        () -> withoutRule.add(method + " " + path));
            }
        }
        assertThat(checked).as("routes checked").isGreaterThan(50);
        assertThat(withoutRule).as("routes without an access rule in AccessRules").isEmpty();
        // and no rule is left behind for a route that is gone
        List<String> unused = rules.rules().stream().map(Object::toString).filter(r -> !rulesUsed.contains(r))
                .toList();
        assertThat(unused).as("access rules no mounted route uses").isEmpty();
    }

    @Test
    void aPathNoRuleNamesNeedsTheAdminRole() {
        AccessRules rules = AccessRules.standard(true);
        assertThat(rules.find(HttpMethod.GET, "/mounted-later")).isEmpty();
        assertThat(rules.accessFor(HttpMethod.GET, "/mounted-later")).isEqualTo(AccessRules.UNLISTED);
        assertThat(rules.accessFor(HttpMethod.POST, "/health").open()).isFalse();
        assertThat(rules.accessFor(HttpMethod.GET, "/health").open()).isTrue();
        assertThat(rules.accessFor(HttpMethod.GET, "/01/09506000134352/21/ABC").open()).isTrue();
        assertThat(AccessRules.standard(false).accessFor(HttpMethod.GET, "/01/09506000134352/21/ABC").open())
                .isFalse();
        assertThat(rules.accessFor(HttpMethod.DELETE, "/admin/keys/abc").anyOf())
                .containsExactly(io.tracewell.epcis.store.access.Caller.Role.ADMIN);
    }

    /** {@code /events/:eventID} -> {@code /events/x}; {@code /01/*} -> {@code /01/x}. */
    private static String sample(String path) {
        return path.replaceAll(":[^/]+", "x").replaceAll("\\*$", "x");
    }
}
