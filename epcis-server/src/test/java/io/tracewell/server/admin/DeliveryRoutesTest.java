package io.tracewell.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.delivery.Deliveries.State;
import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The operator's delivery endpoints over real HTTP, on deliveries written through the store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryRoutesTest {

    private static final Path DATA = Path.of("target", "delivery routes test").toAbsolutePath();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServers servers;
    private TracewellServer server;
    private Deliveries deliveries;
    private long dead;
    private long acknowledged;
    private final byte[] bytes = "<epcis:EPCISDocument/>".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    void start() {
        try {
            servers = TestServers.embedded(DATA);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server = servers.main();
        deliveries = new Deliveries(server.dataSource());
        Instant now = Instant.now();
        for (int i = 0; i < 4; i++) {
            deliveries.create("dscsa", "wholesaler", "urn:uuid:ship-" + i, null, now);
        }
        List<Long> ids = deliveries.due("dscsa", now, 10);
        dead = ids.get(0);
        acknowledged = ids.get(1);
        deliveries.claim(dead, "test", now, now.plusSeconds(60));
        deliveries.prepared(dead, "test", "<m-1@tracewell>", bytes, "application/xml");
        deliveries.attempted(dead, "test", now, now, State.DEAD, null, null, null,
                "processed/error: decryption-failed", "the partner could not decrypt the message");
        deliveries.release(dead, "test");
        deliveries.claim(acknowledged, "test", now, now.plusSeconds(60));
        deliveries.attempted(acknowledged, "test", now, now, State.ACKNOWLEDGED, null, "abc=, sha-256", null,
                "processed", "acknowledged");
        deliveries.release(acknowledged, "test");
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void listsFilterAndPage() throws Exception {
        JsonArray deadOnes = new JsonArray(get("/admin/deliveries?state=dead").body());
        assertThat(deadOnes).hasSize(1);
        assertThat(deadOnes.getJsonObject(0).getLong("id")).isEqualTo(dead);
        assertThat(deadOnes.getJsonObject(0).getString("lastError")).contains("could not decrypt");
        List<Long> all = new ArrayList<>();
        String next = "/admin/deliveries?connector=dscsa&perPage=3";
        while (next != null) {
            HttpResponse<String> page = get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            new JsonArray(page.body()).forEach(o -> all.add(((JsonObject) o).getLong("id")));
            next = page.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                    .orElse(null);
        }
        assertThat(all).hasSize(4).doesNotHaveDuplicates();
        assertThat(get("/admin/deliveries?state=lost").statusCode()).isEqualTo(400);
        assertThat(new JsonArray(get("/admin/deliveries?connector=no-such-connector").body())).isEmpty();
    }

    @Test
    void oneWithItsAttemptsAndItsExactBytes() throws Exception {
        JsonObject d = new JsonObject(get("/admin/deliveries/" + dead).body());
        assertThat(d.getString("state")).isEqualTo("dead");
        assertThat(d.getString("messageId")).isEqualTo("<m-1@tracewell>");
        assertThat(d.getString("receipt")).contains("decryption-failed");
        assertThat(d.getJsonArray("attemptLog")).hasSize(1);
        assertThat(d.getJsonArray("attemptLog").getJsonObject(0).getString("outcome")).isEqualTo("dead");
        HttpResponse<byte[]> payload = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve(
                "admin/deliveries/" + dead + "/payload")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(payload.body()).isEqualTo(bytes);
        assertThat(payload.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(get("/admin/deliveries/999999").statusCode()).isEqualTo(404);
        assertThat(get("/admin/deliveries/" + acknowledged + "/payload").statusCode()).isEqualTo(404);
    }

    @Test
    void replaySendsADeadDeliveryAgainAndRefusesADoneOne() throws Exception {
        HttpResponse<String> refused = post("/admin/deliveries/" + acknowledged + "/replay");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("acknowledged");
        // A dead delivery of its own, so that the other tests keep theirs.
        Instant now = Instant.now();
        deliveries.create("eu-fmd", "hub", "urn:uuid:replayed", null, now);
        long id = deliveries.due("eu-fmd", now, 10).get(0);
        deliveries.claim(id, "test", now, now.plusSeconds(60));
        deliveries.prepared(id, "test", "<m-2@tracewell>", bytes, "application/xml");
        deliveries.attempted(id, "test", now, now, State.DEAD, null, null, null, null, "refused");
        deliveries.release(id, "test");
        HttpResponse<String> replayed = post("/admin/deliveries/" + id + "/replay");
        assertThat(replayed.statusCode()).isEqualTo(202);
        Deliveries.Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.state()).isEqualTo(State.PENDING);
        assertThat(d.messageId()).isEqualTo("<m-2@tracewell>");
        assertThat(d.payload()).isEqualTo(bytes);
        assertThat(deliveries.due("eu-fmd", Instant.now().plusSeconds(1), 10)).containsExactly(id);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
