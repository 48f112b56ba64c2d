package io.tracewell.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Subscriptions across server lifetimes and nodes: a subscription whose receiver was down while its server
 * stopped is delivered by the next server on the same database, from where it stood; two servers sharing a
 * database deliver each event of a subscription once, in the order the events became visible.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionNodesTest {

    private static final Path DATA = Path.of("target", "subscription nodes test").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, String> FAST_RETRY = Map.of(
            "epcis.subscriptions.first-retry-ms", "100",
            "epcis.subscriptions.max-retry-ms", "300");

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
    void aNewServerResumesWhereTheStoppedOneLeftOff() throws Exception {
        String database = servers.createDatabase();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TracewellServer first = servers.startOn(database, FAST_RETRY);
            namedQuery(first.baseUri(), "shipped");
            subscribe(first.baseUri(), "shipped", receiver.uri("/hook"));
            List<String> delivered = capture(first.baseUri(), 3);
            receiver.await(WAIT, "the first events", () -> receiver.acknowledgedEventIds().size() >= 3);
            assertThat(receiver.acknowledgedEventIds()).containsExactlyElementsOf(delivered);

            receiver.answer(body -> 503); // the receiver goes down ...
            List<String> pending = capture(first.baseUri(), 4);
            receiver.await(WAIT, "a failed attempt", () -> receiver.all().size() > 3);
            first.close(); // ... and the server stops while it is down
            receiver.answer(body -> 200);
            int before = receiver.acknowledged().size();

            TracewellServer second = servers.startOn(database, FAST_RETRY);
            List<String> later = capture(second.baseUri(), 2);
            List<String> expected = new ArrayList<>(delivered);
            expected.addAll(pending);
            expected.addAll(later);
            receiver.await(WAIT, "every event", () -> receiver.acknowledgedEventIds().size() >= expected.size());
            Thread.sleep(500);
            assertThat(receiver.acknowledgedEventIds()).containsExactlyElementsOf(expected);
            assertThat(receiver.acknowledged().size()).isGreaterThan(before);
        }
    }

    @Test
    void twoServersOnOneDatabaseDeliverEachEventOnceInVisibilityOrder() throws Exception {
        String database = servers.createDatabase();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TracewellServer a = servers.startOn(database, FAST_RETRY);
            TracewellServer b = servers.startOn(database, FAST_RETRY);
            namedQuery(a.baseUri(), "shipped");
            subscribe(b.baseUri(), "shipped", receiver.uri("/hook"));
            List<String> all = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                all.addAll(capture((round % 2 == 0 ? a : b).baseUri(), 3));
            }
            receiver.await(WAIT, "all 30 events", () -> new HashSet<>(receiver.acknowledgedEventIds()).size() >= 30);
            Thread.sleep(1000);
            List<String> received = receiver.acknowledgedEventIds();
            assertThat(received).doesNotHaveDuplicates().containsExactlyElementsOf(all);
            Set<String> unique = new HashSet<>(received);
            assertThat(unique).hasSize(30);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void namedQuery(URI base, String name) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("queries"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                        .put("name", name).put("query", new JsonObject().put("EQ_bizStep",
                                new JsonArray().add("shipping"))).encode())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static void subscribe(URI base, String query, URI dest) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("queries/" + query + "/subscriptions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("dest", dest.toString()).put("stream", true).encode())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** Captures {@code count} shipping events (and as many receiving ones between them); returns the former. */
    private static List<String> capture(URI base, int count) throws Exception {
        List<String> shipping = new ArrayList<>();
        JsonArray events = new JsonArray();
        for (int i = 0; i < count; i++) {
            String id = "urn:uuid:" + UUID.randomUUID();
            shipping.add(id);
            events.add(event(id, "shipping"));
            events.add(event("urn:uuid:" + UUID.randomUUID(), "receiving"));
        }
        JsonObject document = new JsonObject()
                .put("@context", new JsonArray().add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"))
                .put("type", "EPCISDocument").put("schemaVersion", "2.0").put("creationDate", "2024-03-01T10:00:00Z")
                .put("epcisBody", new JsonObject().put("eventList", events));
        CaptureHttp http = new CaptureHttp(base);
        String location = CaptureHttp.accepted(http.capture("application/ld+json", null, document.encode()));
        JsonObject job = http.awaitFinished(location, WAIT);
        assertThat(job.getBoolean("success")).as("capture job %s", job).isTrue();
        return shipping;
    }

    private static JsonObject event(String id, String step) {
        return new JsonObject().put("type", "ObjectEvent").put("eventID", id).put("action", "OBSERVE")
                .put("eventTime", "2024-03-01T09:00:00.000Z").put("eventTimeZoneOffset", "+00:00")
                .put("epcList", new JsonArray().add("urn:epc:id:sgtin:0614141.107346." + Math.abs(id.hashCode())))
                .put("bizStep", step);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
