package io.tracewell.server.reliability;

import static io.tracewell.server.config.TracewellConfig.SUBSCRIPTION_REQUEST_TIMEOUT_MS;
import static io.tracewell.server.config.TracewellConfig.SUBSCRIPTION_WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.tracewell.server.subscription.WebhookReceiver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhook receivers that accept the connection and never answer. Every delivery attempt to them ends at the
 * request timeout; capture and queries answer as fast as ever meanwhile (they run on other threads), and a healthy
 * subscriber still gets its events, even with more hanging subscriptions than delivery workers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HangingReceiverTest {

    private static final Path DATA = Path.of("target", "hanging receiver test").toAbsolutePath();
    private static final int TIMEOUT_MS = 1_500;
    private static final int WORKERS = 2;
    private static final int HANGING = 4;

    private TestServers servers;
    private CaptureHttp http;
    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private WebhookReceiver healthy;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        TracewellServer server = servers.startOnFreshDatabase(Map.of(
                SUBSCRIPTION_REQUEST_TIMEOUT_MS, Integer.toString(TIMEOUT_MS),
                SUBSCRIPTION_WORKERS, Integer.toString(WORKERS)));
        http = new CaptureHttp(server.baseUri());
        // Accepts connections, reads nothing, answers nothing.
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (Exception e) {
                    return;
                }
            }
        }, "silent-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
        healthy = new WebhookReceiver();
    }

    @AfterAll
    void stop() throws Exception {
        if (healthy != null) {
            healthy.close();
        }
        if (silent != null) {
            silent.close();
        }
        for (Socket s : held) {
            s.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void captureAndQueriesStayFastAndAHealthySubscriberIsServedWhileReceiversHang() throws Exception {
        post("queries", new JsonObject().put("name", "shipped").put("query", new JsonObject()
                .put("EQ_bizStep", new JsonArray().add("shipping"))), 201);
        for (int i = 0; i < HANGING; i++) {
            post("queries/shipped/subscriptions", new JsonObject().put("dest", "http://127.0.0.1:"
                    + silent.getLocalPort() + "/hook/" + i).put("stream", true), 201);
        }
        post("queries/shipped/subscriptions", new JsonObject().put("dest", healthy.uri("/hook").toString())
                .put("stream", true), 201);

        List<String> ids = new ArrayList<>();
        List<Long> captureMillis = new ArrayList<>();
        List<Long> queryMillis = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofMillis(TIMEOUT_MS * 3L).toNanos();
        while (System.nanoTime() < end || ids.size() < 10) {
            String id = "urn:uuid:" + UUID.randomUUID();
            long start = System.nanoTime();
            HttpResponse<String> captured = http.event("application/ld+json", event(id));
            captureMillis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(captured.statusCode()).as(captured.body()).isEqualTo(201);
            ids.add(id);
            start = System.nanoTime();
            HttpResponse<String> found = http.get("/events?EQ_bizStep=shipping&perPage=5", "application/ld+json");
            queryMillis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(found.statusCode()).isEqualTo(200);
            Thread.sleep(50);
        }
        // Each call well under the receivers' timeout: nothing waited for them.
        assertThat(captureMillis).allSatisfy(ms -> assertThat(ms).isLessThan(TIMEOUT_MS));
        assertThat(queryMillis).allSatisfy(ms -> assertThat(ms).isLessThan(TIMEOUT_MS));
        assertThat(held).as("the hanging receivers were tried").isNotEmpty();

        healthy.await(Duration.ofSeconds(60), "the healthy subscriber gets every event",
                () -> healthy.acknowledgedEventIds().containsAll(ids));
        assertThat(healthy.acknowledgedEventIds()).doesNotHaveDuplicates();

        // An attempt to a hanging receiver ends at the timeout and is tried again later, on a new connection.
        healthy.await(Duration.ofSeconds(30), "the hanging receivers tried again after their timeouts",
                () -> held.size() > HANGING);
    }

    private void post(String path, JsonObject body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(http.base().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(expected);
    }

    private static String event(String id) {
        return new JsonObject().put("@context", new JsonArray().add(
                        "https://ref.gs1.org/standards/epcis/epcis-context.jsonld"))
                .put("type", "ObjectEvent").put("eventID", id).put("action", "OBSERVE")
                .put("eventTime", "2026-03-01T10:00:00Z").put("eventTimeZoneOffset", "+00:00")
                .put("epcList", new JsonArray().add("urn:epc:id:sgtin:0614141.107346." + id.substring(9, 17)))
                .put("bizStep", "shipping").encode();
    }
}
