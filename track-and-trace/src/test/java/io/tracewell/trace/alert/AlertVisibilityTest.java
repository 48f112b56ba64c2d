package io.tracewell.trace.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.capture.http.Callers;
import io.tracewell.epcis.format.jsonld.JsonLdEventReader;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.trace.testdb.TraceTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Alerts over real HTTP are shown to the callers that may read the event that raised them: a query caller sees its
 * organisation's, a regulator all, a request without a caller gets 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertVisibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceTestDatabase database;
    private Vertx vertx;
    private final HttpClient client = HttpClient.newHttpClient();
    private String base;
    private long alertOfA;
    private long alertOfB;

    @BeforeAll
    void start() throws Exception {
        database = TraceTestDatabase.create();
        EventStore store = EventStore.of(database.dataSource());
        long eventOfA = store(store, "org-a", "urn:epc:id:sgtin:4012345.011111.1");
        long eventOfB = store(store, "org-b", "urn:epc:id:sgtin:4012345.011111.2");
        try (Connection c = database.dataSource().getConnection()) {
            AlertStore.raise(c, new Finding("rule-v", "epc-a", eventOfA, List.of("urn:test:a"), "of A"));
            AlertStore.raise(c, new Finding("rule-v", "epc-b", eventOfB, List.of("urn:test:b"), "of B"));
        }
        AlertStore alerts = new AlertStore(database.dataSource());
        Caller regulator = caller("authority;REGULATOR");
        for (Alert alert : alerts.list(regulator, java.util.Optional.empty(), java.util.Optional.empty(), 0, 10)) {
            if (alert.epc().equals("epc-a")) {
                alertOfA = alert.id();
            } else {
                alertOfB = alert.id();
            }
        }
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(c -> {
            String header = c.request().getHeader("X-Test-Caller");
            if (header != null) {
                Callers.set(c, caller(header));
            }
            c.next();
        });
        new AlertRoutes(alerts).mount(router);
        int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        database.close();
    }

    @Test
    void anOrganisationSeesTheAlertsOfItsOwnEvents() throws Exception {
        assertThat(epcs("org-a;QUERY")).containsExactly("epc-a");
        assertThat(epcs("org-b;QUERY")).containsExactly("epc-b");
        assertThat(epcs("authority;REGULATOR")).containsExactlyInAnyOrder("epc-a", "epc-b");
        assertThat(get("org-a;QUERY", "/alerts/" + alertOfB).statusCode()).isEqualTo(404);
        assertThat(get("org-b;QUERY", "/alerts/" + alertOfB).statusCode()).isEqualTo(200);
        HttpResponse<String> acknowledge = client.send(HttpRequest.newBuilder(URI.create(base + "/alerts/" + alertOfB
                + "/acknowledge")).header("X-Test-Caller", "org-a;QUERY").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"acknowledgedBy\":\"a\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(acknowledge.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("org-b;QUERY", "/alerts/" + alertOfB).body()).get("state").asText())
                .as("A's attempt acknowledged nothing").isEqualTo("open");
        assertThat(get("org-a;QUERY", "/alerts/" + alertOfA).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutACallerTheAlertsAnswer401() throws Exception {
        assertThat(get(null, "/alerts").statusCode()).isEqualTo(401);
        assertThat(get(null, "/alerts/" + alertOfA).statusCode()).isEqualTo(401);
    }

    private List<String> epcs(String caller) throws Exception {
        HttpResponse<String> response = get(caller, "/alerts?rule=rule-v");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> epcs = new ArrayList<>();
        JSON.readTree(response.body()).get("alerts").forEach(a -> epcs.add(a.get("epc").asText()));
        return epcs;
    }

    private HttpResponse<String> get(String caller, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (caller != null) {
            request.header("X-Test-Caller", caller);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Caller caller(String header) {
        String[] parts = header.split(";");
        Set<Caller.Role> roles = EnumSet.noneOf(Caller.Role.class);
        for (String role : parts[1].split(",")) {
            roles.add(Caller.Role.valueOf(role));
        }
        return new Caller("test", parts[0], roles, Set.of());
    }

    private static long store(EventStore store, String organisation, String epc) {
        String json = "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],"
                + "\"type\":\"ObjectEvent\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
                + "\"action\":\"ADD\",\"epcList\":[\"" + epc + "\"],\"bizStep\":\"commissioning\"}";
        return store.store(List.of(JsonLdEventReader.readEvent(new ByteArrayInputStream(
                json.getBytes(StandardCharsets.UTF_8)))), CaptureContext.singleEvent(organisation, Namespaces.NONE))
                .events().get(0).rowId();
    }
}
