package io.tracewell.trace.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.capture.http.Callers;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.trace.testdb.TraceTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The alerts API over real HTTP, on a Vert.x server with only it mounted, and a real MariaDB behind. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceTestDatabase database;
    private Vertx vertx;
    private HttpClient client;
    private String base;

    @BeforeAll
    void start() throws Exception {
        database = TraceTestDatabase.create();
        try (Connection c = database.dataSource().getConnection()) {
            for (int i = 1; i <= 5; i++) {
                AlertStore.raise(c, new Finding(i % 2 == 0 ? "rule-b" : "rule-a", "epc-" + i, i,
                        List.of("ev-" + i), "detail " + i));
            }
        }
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        // Stands in for authentication: these alerts were raised by no stored event, so only a regulator sees them.
        router.route().handler(c -> {
            Callers.set(c, new Caller("test", "authority", Set.of(Caller.Role.REGULATOR), Set.of()));
            c.next();
        });
        new AlertRoutes(new AlertStore(database.dataSource())).mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        database.close();
    }

    @Test
    void listsNewestFirstInPagesFollowingTheLinkHeader() throws Exception {
        List<String> epcs = new ArrayList<>();
        String next = "/alerts?perPage=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get(next);
            assertThat(response.statusCode()).isEqualTo(200);
            JSON.readTree(response.body()).get("alerts").forEach(a -> epcs.add(a.get("epc").asText()));
            next = response.headers().firstValue("Link")
                    .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(epcs).containsExactly("epc-5", "epc-4", "epc-3", "epc-2", "epc-1");
    }

    @Test
    void filtersByRuleAndStateAndAcknowledges() throws Exception {
        JsonNode ruleB = JSON.readTree(get("/alerts?rule=rule-b").body()).get("alerts");
        assertThat(ruleB).hasSize(2);
        long id = ruleB.get(0).get("id").asLong();

        HttpResponse<String> refused = post("/alerts/" + id + "/acknowledge", "{}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("acknowledgedBy");

        HttpResponse<String> acknowledged = post("/alerts/" + id + "/acknowledge", "{\"acknowledgedBy\":\"qa-1\"}");
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        JsonNode alert = JSON.readTree(acknowledged.body());
        assertThat(alert.get("state").asText()).isEqualTo("acknowledged");
        assertThat(alert.get("acknowledgedBy").asText()).isEqualTo("qa-1");
        assertThat(alert.has("acknowledgedAt")).isTrue();

        // A second acknowledgement keeps the first.
        post("/alerts/" + id + "/acknowledge", "{\"acknowledgedBy\":\"qa-2\"}");
        assertThat(JSON.readTree(get("/alerts/" + id).body()).get("acknowledgedBy").asText()).isEqualTo("qa-1");

        JsonNode open = JSON.readTree(get("/alerts?state=open&rule=rule-b").body()).get("alerts");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("id").asLong()).isNotEqualTo(id);
    }

    @Test
    void answersProblemsForUnknownAlertsAndParameters() throws Exception {
        HttpResponse<String> missing = get("/alerts/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("NoSuchResourceException");
        HttpResponse<String> badState = get("/alerts?state=closed");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("QueryParameterException").contains("open or acknowledged");
        assertThat(get("/alerts?colour=red").statusCode()).isEqualTo(400);
        assertThat(post("/alerts/999999/acknowledge", "{\"acknowledgedBy\":\"x\"}").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
