package io.tracewell.server.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Serial numbers through the server itself: issued, commissioned, and the commissioning event queryable. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerializationOnServerTest {

    private static final Path DATA = Path.of("target", "serialization on server test").toAbsolutePath();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void issuedSerialsAreCommissionedAndQueryable() throws Exception {
        String body = new JsonObject().put("gtin", "09506000134352").put("count", 5).put("scheme", "sequential")
                .put("lot", "L-2026-07").put("expiry", "2028-06-30").put("commission", new JsonObject()
                        .put("readPoint", "urn:epc:id:sgln:9506000.13435.0")
                        .put("bizLocation", "urn:epc:id:sgln:9506000.13435.0")).encode();
        HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(servers.main().baseUri().resolve(
                "serialization/requests")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonArray serials = new JsonObject(created.body()).getJsonArray("serials");
        assertThat(serials).hasSize(5);
        String serial = serials.getString(0);
        String pack = "https://id.gs1.org/01/09506000134352/21/" + URLEncoder.encode(serial, StandardCharsets.UTF_8)
                .replace("+", "%20");
        HttpResponse<String> events = CLIENT.send(HttpRequest.newBuilder(servers.main().baseUri().resolve(
                "events?EQ_bizStep=commissioning&MATCH_epc=" + URLEncoder.encode(pack, StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("GS1-EPC-Format", "Never_Translates").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        JsonArray list = new JsonObject(events.body()).getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList");
        assertThat(list).hasSize(1);
        assertThat(list.getJsonObject(0).encode()).contains("L-2026-07");

        // Verification of the same pack: known, active, lot matching; the second scan is not the first.
        String verify = "verify?code=" + URLEncoder.encode("(01)09506000134352(10)L-2026-07(21)" + serial,
                StandardCharsets.UTF_8);
        JsonObject first = new JsonObject(CLIENT.send(HttpRequest.newBuilder(servers.main().baseUri().resolve(verify))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(first.getBoolean("known")).as(first.encode()).isTrue();
        assertThat(first.getString("status")).isEqualTo("active");
        assertThat(first.getBoolean("firstScan")).isTrue();
        JsonObject second = new JsonObject(CLIENT.send(HttpRequest.newBuilder(servers.main().baseUri().resolve(
                verify)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(second.getBoolean("firstScan")).as(second.encode()).isFalse();
        assertThat(second.getInteger("scans")).isGreaterThanOrEqualTo(1);
    }
}
