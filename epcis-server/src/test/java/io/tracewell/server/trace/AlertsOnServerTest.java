package io.tracewell.server.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Alerts through the server itself: a pack commissioned twice by two captures raises one alert, listed by REST. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsOnServerTest {

    private static final Path DATA = Path.of("target", "alerts on server test").toAbsolutePath();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PACK = "urn:epc:id:sgtin:0614141.107346.9001";

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
    void aPackCommissionedTwiceRaisesOneAlert() throws Exception {
        commissionTwice(servers.main().baseUri(), PACK);
        Instant deadline = Instant.now().plusSeconds(30);
        JsonArray alerts;
        do {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(servers.main().baseUri().resolve(
                    "alerts?state=open")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            alerts = new JsonObject(r.body()).getJsonArray("alerts");
            if (!alerts.isEmpty()) {
                break;
            }
            assertThat(Instant.now()).as("an alert within 30 s").isBefore(deadline);
            Thread.sleep(200);
        } while (true);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getJsonObject(0).encode()).contains("commissioned-twice");
    }

    @Test
    void aServerWithAWebhookPostsTheAlertSigned() throws Exception {
        java.util.List<byte[]> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> signatures = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/alerts-in", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            signatures.add(exchange.getRequestHeaders().getFirst("GS1-Signature"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            io.tracewell.server.TracewellServer server = servers.startOnFreshDatabase(java.util.Map.of(
                    "epcis.alerts.webhook.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts-in",
                    "epcis.alerts.webhook.secret", "s3cret"));
            String pack = "urn:epc:id:sgtin:0614141.107346.9002";
            commissionTwice(server.baseUri(), pack);
            Instant deadline = Instant.now().plusSeconds(30);
            while (bodies.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(bodies).as("the alert POSTed within 30 s").hasSize(1);
            JsonObject alert = new JsonObject(new String(bodies.get(0), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(alert.getString("rule")).isEqualTo("commissioned-twice");
            assertThat(alert.getString("epc")).isEqualTo(io.tracewell.epcis.id.Epc.canonicalOf(pack));
            assertThat(io.tracewell.epcis.subscription.NotificationSignature.verify("s3cret", bodies.get(0),
                    signatures.get(0))).isTrue();
        } finally {
            receiver.stop(0);
        }
    }

    private static void commissionTwice(java.net.URI server, String pack) throws Exception {
        CaptureHttp http = new CaptureHttp(server);
        // Two commissionings at different times (the same event twice would be one event: same hash ID).
        for (int i = 1; i <= 2; i++) {
            String id = "urn:uuid:7c1e2c5a-3b4f-4c6d-8e9f-00000000000" + i;
            String document = """
                    {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                     "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-03-01T10:00:00Z",
                     "epcisBody": {"eventList": [
                       {"type": "ObjectEvent", "eventID": "%s", "action": "ADD",
                        "eventTime": "2024-03-0%dT09:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                        "epcList": ["%s"], "bizStep": "commissioning", "disposition": "active"}]}}"""
                    .formatted(id, i, pack);
            JsonObject job = http.awaitFinished(CaptureHttp.accepted(http.capture("application/ld+json", null,
                    document)), Duration.ofSeconds(60));
            assertThat(job.getBoolean("success")).as("capture job %s", job).isTrue();
        }
    }
}
