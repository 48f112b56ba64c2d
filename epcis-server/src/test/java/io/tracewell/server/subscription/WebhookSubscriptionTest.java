package io.tracewell.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.CaptureHttp;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhook subscriptions over real HTTP on both sides: a Tracewell server on MariaDB delivering to a receiver in
 * this JVM. Each test has a query of its own, so that deliveries of one test never reach another's receiver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookSubscriptionTest {

    private static final Path DATA = Path.of("target", "webhook subscription test").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServers servers;
    private TracewellServer server;
    private CaptureHttp http;
    private WebhookReceiver receiver;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        server = servers.startOnFreshDatabase(Map.of(
                "epcis.subscriptions.first-retry-ms", "100",
                "epcis.subscriptions.max-retry-ms", "400",
                "epcis.subscriptions.failures-before-failing", "2",
                "epcis.subscriptions.batch-size", "8"));
        http = new CaptureHttp(server.baseUri());
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void closeReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void streamingSubscriptionDeliversTheMatchingEventsInOrderSigned() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        String token = "a secret of the subscriber";
        HttpResponse<String> created = subscribe(query, new JsonObject().put("dest", receiver.uri("/hook").toString())
                .put("signatureToken", token).put("stream", true));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject subscription = new JsonObject(created.body());
        String id = subscription.getString("subscriptionID");
        assertThat(created.headers().firstValue("Location")).hasValue("/queries/" + query + "/subscriptions/" + id);
        assertThat(subscription.getBoolean("stream")).isTrue();
        assertThat(created.body()).doesNotContain(token).doesNotContain("signatureToken");

        List<String> matching = capture(step, "shipping", 3);
        receiver.await(WAIT, "the 3 matching events", () -> receiver.acknowledgedEventIds().size() >= 3);
        Thread.sleep(300); // nothing else may follow
        assertThat(receiver.acknowledgedEventIds()).containsExactlyElementsOf(matching);

        WebhookReceiver.Notification n = receiver.acknowledged().get(0);
        assertThat(n.header("Content-Type")).startsWith("application/ld+json");
        assertThat(n.json().getString("type")).isEqualTo("EPCISQueryDocument");
        assertThat(n.json().getJsonObject("epcisBody").getJsonObject("queryResults").getString("subscriptionID"))
                .isEqualTo(id);
        // The documented scheme, computed here from nothing but its description.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(n.header("GS1-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(n.body())));

        JsonObject shown = new JsonObject(get("/queries/" + query + "/subscriptions/" + id).body());
        assertThat(shown.getString("lastNotifiedAt")).isNotNull();
        assertThat(shown.getString("state")).isEqualTo("active");
        assertThat(shown.encode()).doesNotContain(token);
    }

    @Test
    void aFailingReceiverIsRetriedAndGetsEverythingOnceItAnswers() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        int[] calls = {0};
        receiver.answer(body -> ++calls[0] <= 4 ? 503 : 200);
        String id = subscribed(query, new JsonObject().put("dest", receiver.uri("/hook").toString())
                .put("stream", true));
        List<String> first = capture(step, "shipping", 2);
        receiver.await(WAIT, "three failed deliveries", () -> receiver.all().size() >= 3);
        JsonObject failing = new JsonObject(get("/queries/" + query + "/subscriptions/" + id).body());
        assertThat(failing.getString("state")).as(failing.encode()).isEqualTo("failing");
        assertThat(failing.getInteger("failures")).isGreaterThanOrEqualTo(2);
        assertThat(failing.getString("lastError")).contains("503");
        List<String> second = capture(step, "shipping", 2);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        receiver.await(WAIT, "all 4 events acknowledged", () -> receiver.acknowledgedEventIds().size() >= 4);
        Thread.sleep(300);
        assertThat(receiver.acknowledgedEventIds()).containsExactlyElementsOf(all);
        // Every failed attempt carried the first events again: the position had not moved.
        receiver.all().stream().filter(n -> n.answered() != 200)
                .forEach(n -> assertThat(n.eventIds().get(0)).isEqualTo(first.get(0)));
        JsonObject recovered = new JsonObject(get("/queries/" + query + "/subscriptions/" + id).body());
        assertThat(recovered.getString("state")).isEqualTo("active");
        assertThat(recovered.getInteger("failures")).isZero();
    }

    @Test
    void aReceiverAnswering413GetsSmallerBatches() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        receiver.answer(body -> new JsonObject(new String(body, StandardCharsets.UTF_8)).getJsonObject("epcisBody")
                .getJsonObject("queryResults").getJsonObject("resultsBody").getJsonArray("eventList").size() > 2
                ? 413 : 200);
        String id = subscribed(query, new JsonObject().put("dest", receiver.uri("/hook").toString())
                .put("stream", true));
        List<String> events = capture(step, null, 8);
        receiver.await(WAIT, "the 8 events", () -> receiver.acknowledgedEventIds().size() >= 8);
        assertThat(receiver.acknowledgedEventIds()).containsExactlyElementsOf(events);
        assertThat(receiver.all()).anyMatch(n -> n.answered() == 413);
        assertThat(receiver.acknowledged()).allMatch(n -> n.eventIds().size() <= 2);
        assertThat(new JsonObject(get("/queries/" + query + "/subscriptions/" + id).body()).getInteger("batchSize"))
                .isEqualTo(2);
    }

    @Test
    void aScheduledSubscriptionReportsOnItsScheduleEvenWhenEmpty() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        HttpResponse<String> created = subscribe(query, new JsonObject()
                .put("dest", receiver.uri("/hook").toString()).put("reportIfEmpty", true)
                .put("schedule", new JsonObject().put("second", "[0-59]")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject s = new JsonObject(created.body());
        assertThat(s.getJsonObject("schedule").getString("second")).isEqualTo("[0-59]");
        assertThat(s.getBoolean("reportIfEmpty")).isTrue();
        receiver.await(WAIT, "two empty reports", () -> receiver.acknowledged().size() >= 2);
        assertThat(receiver.acknowledged().get(0).eventIds()).isEmpty();

        List<String> events = capture(step, null, 2);
        receiver.await(WAIT, "the 2 events", () -> receiver.acknowledgedEventIds().size() >= 2);
        assertThat(receiver.acknowledgedEventIds()).containsExactlyElementsOf(events);
        String id = s.getString("subscriptionID");
        JsonObject shown = new JsonObject(get("/queries/" + query + "/subscriptions/" + id).body());
        assertThat(Instant.parse(shown.getString("minRecordTime")))
                .isAfter(Instant.parse(shown.getString("initialRecordTime")));
        HttpResponse<String> options = send(HttpRequest.newBuilder(server.baseUri().resolve(
                "queries/" + query + "/subscriptions/" + id)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("GS1-Query-Min-Record-Time")).isPresent();
    }

    @Test
    void initialRecordTimeInThePastDeliversEarlierEventsAndNowDoesNot() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        List<String> earlier = capture(step, null, 2);
        WebhookReceiver fromNow = new WebhookReceiver();
        try {
            subscribed(query, new JsonObject().put("dest", fromNow.uri("/now").toString()).put("stream", true));
            subscribed(query, new JsonObject().put("dest", receiver.uri("/past").toString()).put("stream", true)
                    .put("initialRecordTime", "2020-01-01T00:00:00Z"));
            receiver.await(WAIT, "the earlier events", () -> receiver.acknowledgedEventIds().size() >= 2);
            assertThat(receiver.acknowledgedEventIds()).containsExactlyElementsOf(earlier);
            List<String> later = capture(step, null, 1);
            fromNow.await(WAIT, "the later event", () -> fromNow.acknowledgedEventIds().size() >= 1);
            Thread.sleep(300);
            assertThat(fromNow.acknowledgedEventIds()).containsExactlyElementsOf(later);
        } finally {
            fromNow.close();
        }
    }

    @Test
    void invalidSubscriptionsAreRefusedWithTheReason() throws Exception {
        String query = namedQuery(uniqueStep());
        String dest = receiver.uri("/hook").toString();
        assertProblem(subscribe(query, new JsonObject().put("dest", dest)
                        .put("schedule", new JsonObject().put("minute", "0/30"))),
                "SubscriptionControlsException", "/schedule/minute", "0/30");
        assertProblem(subscribe(query, new JsonObject().put("dest", dest)),
                "SubscriptionControlsException", "", "neither a schedule nor");
        assertProblem(subscribe(query, new JsonObject().put("dest", dest).put("stream", true)
                        .put("schedule", new JsonObject().put("hour", "1"))),
                "SubscriptionControlsException", "/stream", "not both");
        assertProblem(subscribe(query, new JsonObject().put("dest", dest).put("stream", true)
                .put("reportIfEmpty", true)), "SubscriptionControlsException", "/reportIfEmpty", "scheduled");
        assertProblem(subscribe(query, new JsonObject().put("dest", "ftp://example.com/x").put("stream", true)),
                "InvalidURIException", "/dest", "ftp://example.com/x");
        assertProblem(subscribe(query, new JsonObject().put("dest", dest).put("stream", true)
                .put("initialRecordTime", "yesterday")), "SubscriptionControlsException", "/initialRecordTime",
                "yesterday");
        assertProblem(subscribe(query, new JsonObject().put("dest", dest).put("stream", true).put("secret", "x")),
                "SubscriptionControlsException", "/secret", "secret");
        HttpResponse<String> unknown = subscribe("no-such-query", new JsonObject().put("dest", dest)
                .put("stream", true));
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> text = send(HttpRequest.newBuilder(server.baseUri().resolve(
                "queries/" + query + "/subscriptions")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(new JsonArray(get("/queries/" + query + "/subscriptions").body())).isEmpty();
    }

    @Test
    void listingDeletingAndDeletingTheQueryEndSubscriptions() throws Exception {
        String query = namedQuery(uniqueStep());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(subscribed(query, new JsonObject().put("dest", receiver.uri("/" + i).toString())
                    .put("stream", true)));
        }
        List<String> listed = new ArrayList<>();
        String next = "/queries/" + query + "/subscriptions?perPage=2";
        while (next != null) {
            HttpResponse<String> page = get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            new JsonArray(page.body()).forEach(o -> listed.add(((JsonObject) o).getString("subscriptionID")));
            next = page.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                    .orElse(null);
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(server.baseUri().resolve(
                "queries/" + query + "/subscriptions/" + ids.get(0))).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/queries/" + query + "/subscriptions/" + ids.get(0)).statusCode()).isEqualTo(404);
        assertThat(get("/queries/" + query + "/subscriptions/" + ids.get(1)).statusCode()).isEqualTo(200);

        assertThat(send(HttpRequest.newBuilder(server.baseUri().resolve("queries/" + query)).DELETE()).statusCode())
                .isEqualTo(204);
        assertThat(get("/queries/" + query + "/subscriptions/" + ids.get(1)).statusCode()).isEqualTo(404);
        // A query of the same name created again has no subscriptions.
        namedQuery(query, "shipping");
        assertThat(new JsonArray(get("/queries/" + query + "/subscriptions").body())).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String uniqueStep() {
        return "step_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A query of the events with bizStep {@code step}, named after it. */
    private String namedQuery(String step) throws Exception {
        return namedQuery(step, step);
    }

    private String namedQuery(String name, String step) throws Exception {
        JsonObject body = new JsonObject().put("name", name)
                .put("query", new JsonObject().put("EQ_bizStep", new JsonArray().add(stepUri(step))));
        HttpResponse<String> r = send(HttpRequest.newBuilder(server.baseUri().resolve("queries"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return name;
    }

    /** Subscribes, which must succeed; returns the subscriptionID. */
    private String subscribed(String query, JsonObject body) throws Exception {
        HttpResponse<String> r = subscribe(query, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonObject(r.body()).getString("subscriptionID");
    }

    private HttpResponse<String> subscribe(String query, JsonObject body) throws Exception {
        return send(HttpRequest.newBuilder(server.baseUri().resolve("queries/" + query + "/subscriptions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    /**
     * Captures {@code count} events with bizStep {@code step}, each followed by one with {@code otherStep} when
     * that is given; returns the eventIDs of the {@code step} events in document order.
     */
    private List<String> capture(String step, String otherStep, int count) throws Exception {
        List<String> matching = new ArrayList<>();
        JsonArray events = new JsonArray();
        for (int i = 0; i < count; i++) {
            String id = "urn:uuid:" + UUID.randomUUID();
            matching.add(id);
            events.add(event(id, step));
            if (otherStep != null) {
                events.add(event("urn:uuid:" + UUID.randomUUID(), otherStep));
            }
        }
        JsonObject document = new JsonObject()
                .put("@context", new JsonArray().add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"))
                .put("type", "EPCISDocument").put("schemaVersion", "2.0").put("creationDate", "2024-03-01T10:00:00Z")
                .put("epcisBody", new JsonObject().put("eventList", events));
        String location = CaptureHttp.accepted(http.capture("application/ld+json", null, document.encode()));
        JsonObject job = http.awaitFinished(location, WAIT);
        assertThat(job.getBoolean("success")).as("capture job %s", job).isTrue();
        return matching;
    }

    /** A business step of our own: CBV words stay as they are, other names become URIs. */
    private static String stepUri(String step) {
        return step.startsWith("step_") ? "https://steps.example.com/" + step : step;
    }

    private static JsonObject event(String id, String step) {
        return new JsonObject().put("type", "ObjectEvent").put("eventID", id).put("action", "OBSERVE")
                .put("eventTime", "2024-03-01T09:00:00.000Z").put("eventTimeZoneOffset", "+00:00")
                .put("epcList", new JsonArray().add("urn:epc:id:sgtin:0614141.107346." + Math.abs(id.hashCode())))
                .put("bizStep", stepUri(step));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1))).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> r, String type, String pointer, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonObject problem = new JsonObject(r.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:" + type);
        assertThat(problem.getString("detail")).contains(detail);
        assertThat(r.body()).contains("\"" + pointer + "\"");
    }
}
