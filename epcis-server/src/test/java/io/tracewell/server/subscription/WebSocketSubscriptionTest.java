package io.tracewell.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.subscription.WebSocketSubscriptions;
import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * WebSocket subscriptions with real sockets: the subscriptions are mounted on an HTTP server of their own on the
 * Tracewell server's Vert.x and database, and events are captured through the Tracewell server, so they arrive by
 * polling (no wake-up from the capturing node). Each test has a query of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketSubscriptionTest {

    private static final Path DATA = Path.of("target", "websocket subscription test").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int BATCH = 3;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServers servers;
    private TracewellServer server;
    private CaptureHttp http;
    private Vertx vertx;
    private WebSocketSubscriptions subscriptions;
    private HttpServer socketServer;
    private WebSocketClient client;
    private final List<Socket> opened = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        server = servers.main();
        http = new CaptureHttp(server.baseUri());
        vertx = server.vertx();
        subscriptions = new WebSocketSubscriptions(server.dataSource(), QueryParser.standard(),
                new WebSocketSubscriptions.Settings(Duration.ofMillis(100), BATCH, 2, ZoneOffset.UTC),
                Clock.systemUTC());
        Router router = Router.router(vertx);
        io.tracewell.server.TestCaller.actingAsEveryone(router);
        subscriptions.mount(router);
        // What a plain GET reaches: the route after the subscriptions, as running the named query is in the server.
        router.get(WebSocketSubscriptions.PATH).handler(c -> c.response().setStatusCode(299).end("not upgraded"));
        socketServer = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        client = vertx.createWebSocketClient();
    }

    @AfterEach
    void closeSockets() throws Exception {
        for (Socket s : opened) {
            if (!s.socket.isClosed()) {
                await(s.socket.close());
            }
        }
        opened.clear();
        awaitTrue("every subscription ended", () -> subscriptions.activeCount() == 0);
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            await(client.close());
        }
        if (subscriptions != null) {
            subscriptions.close();
        }
        if (socketServer != null) {
            await(socketServer.close());
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void streamDeliversExactlyTheMatchingEventsInVisibilityOrder() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        Instant before = Instant.now().minusSeconds(1);
        Socket socket = connect(query, "stream=true");
        Instant minRecordTime = Instant.parse(socket.headers.get("GS1-Query-Min-Record-Time"));
        assertThat(minRecordTime).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(socket.headers.get("GS1-EPCIS-Version")).isEqualTo("2.0.0");
        assertThat(subscriptions.activeCount()).isEqualTo(1);

        List<String> matching = new ArrayList<>(capture(step, "shipping", 4));
        matching.addAll(capture(step, null, 3));
        List<JsonObject> documents = socket.awaitEvents(matching.size());
        Thread.sleep(500); // nothing else may follow
        documents.addAll(socket.drain());
        assertThat(eventIds(documents)).containsExactlyElementsOf(matching);
        // Batches of at most BATCH events, each a query document of this socket's subscription.
        assertThat(documents).hasSizeGreaterThanOrEqualTo(3).allSatisfy(d -> {
            assertThat(d.getString("type")).isEqualTo("EPCISQueryDocument");
            assertThat(eventIds(List.of(d))).hasSizeBetween(1, BATCH);
        });
        String id = subscriptionId(documents.get(0));
        assertThat(id).isNotBlank();
        assertThat(documents).allSatisfy(d -> assertThat(subscriptionId(d)).isEqualTo(id));
        assertThat(documents.get(0).getJsonObject("epcisBody").getJsonObject("queryResults").getString("queryName"))
                .isEqualTo("SimpleEventQuery");

        // Without Upgrade: websocket the request goes on to the next route.
        HttpResponse<String> plain = CLIENT.send(HttpRequest.newBuilder(socketUri(query, "stream=true")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(299);
    }

    @Test
    void theServerItselfUpgradesAndStillRunsTheNamedQueryForAPlainGet() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        ClientWebSocket ws = client.webSocket();
        java.util.concurrent.LinkedBlockingQueue<JsonObject> received = new java.util.concurrent.LinkedBlockingQueue<>();
        ws.textMessageHandler(text -> received.add(new JsonObject(text)));
        CompletableFuture<MultiMap> headers = new CompletableFuture<>();
        ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.baseUri().getPort())
                .setURI("/queries/" + query + "/events?stream=true"), done -> {
                    if (done.succeeded()) {
                        headers.complete(MultiMap.caseInsensitiveMultiMap().addAll(done.result().headers()));
                    } else {
                        headers.completeExceptionally(done.cause());
                    }
                });
        try {
            assertThat(headers.get(WAIT.toSeconds(), TimeUnit.SECONDS).get("GS1-Query-Min-Record-Time")).isNotBlank();
            List<String> events = capture(step, null, 2);
            List<String> ids = new ArrayList<>();
            while (ids.size() < events.size()) {
                JsonObject document = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(document).as("a pushed document").isNotNull();
                JsonArray list = document.getJsonObject("epcisBody").getJsonObject("queryResults")
                        .getJsonObject("resultsBody").getJsonArray("eventList");
                for (int i = 0; i < list.size(); i++) {
                    ids.add(list.getJsonObject(i).getString("eventID"));
                }
            }
            assertThat(ids).containsExactlyElementsOf(events);
            HttpResponse<String> plain = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve(
                    "queries/" + query + "/events")).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
            assertThat(plain.body()).contains("EPCISQueryDocument").contains(events.get(0));
        } finally {
            await(ws.close());
        }
    }

    @Test
    void initialRecordTimeInThePastSendsEarlierEventsAndIsAnsweredInTheHandshake() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        List<String> earlier = capture(step, null, 2);
        Socket socket = connect(query, "stream=true&initialRecordTime="
                + URLEncoder.encode("2020-01-01T01:00:00+01:00", StandardCharsets.UTF_8));
        assertThat(Instant.parse(socket.headers.get("GS1-Query-Min-Record-Time")))
                .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(eventIds(socket.awaitEvents(2))).containsExactlyElementsOf(earlier);

        Socket fromNow = connect(query, "stream=true");
        List<String> later = capture(step, null, 1);
        assertThat(eventIds(fromNow.awaitEvents(1))).containsExactlyElementsOf(later);
        assertThat(eventIds(socket.awaitEvents(1))).containsExactlyElementsOf(later);
        Thread.sleep(300);
        assertThat(fromNow.drain()).isEmpty();
    }

    @Test
    void aScheduleEverySecondReportsEmptyDocumentsOnlyWhenAskedTo() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        String everySecond = "second=" + URLEncoder.encode("[0-59]", StandardCharsets.UTF_8);
        Socket reporting = connect(query, everySecond + "&reportIfEmpty=true");
        Socket quiet = connect(query, "second=[0-59]"); // brackets as they are
        JsonObject first = reporting.next();
        Instant firstAt = Instant.now();
        JsonObject second = reporting.next();
        assertThat(Duration.between(firstAt, Instant.now())).isGreaterThan(Duration.ofMillis(500));
        assertThat(first.getString("type")).isEqualTo("EPCISQueryDocument");
        assertThat(eventIds(List.of(first, second))).isEmpty();
        assertThat(quiet.drain()).isEmpty();

        List<String> events = capture(step, "shipping", 2);
        assertThat(eventIds(reporting.awaitEvents(2))).containsExactlyElementsOf(events);
        assertThat(eventIds(quiet.awaitEvents(2))).containsExactlyElementsOf(events);
        // A run sends the events of one second together; no empty document from the quiet one, ever.
        Thread.sleep(1500);
        assertThat(eventIds(quiet.drain())).isEmpty();
        assertThat(quiet.received).isEqualTo(quiet.receivedWithEvents);
    }

    @Test
    void invalidControlsAreRefusedBeforeTheUpgradeWithTheReason() throws Exception {
        String query = namedQuery(uniqueStep());
        assertRefused(query, "stream=true&minute=5", "stream", "not both");
        assertRefused(query, "", "stream", "neither");
        assertRefused(query, "stream=false", "stream", "neither");
        assertRefused(query, "stream=maybe", "stream", "maybe");
        assertRefused(query, "minute=0/30", "minute", "0/30");
        assertRefused(query, "hour=24", "hour", "24");
        assertRefused(query, "stream=true&reportIfEmpty=true", "reportIfEmpty", "scheduled");
        assertRefused(query, "minute=5&reportIfEmpty=sometimes", "reportIfEmpty", "sometimes");
        assertRefused(query, "stream=true&initialRecordTime=yesterday", "initialRecordTime", "yesterday");
        assertRefused(query, "stream=true&initialRecordTime=2024-05-01T10:15:30", "initialRecordTime",
                "2024-05-01T10:15:30");
        assertRefused(query, "stream=true&perPage=10", "perPage", "not a subscription control");
        assertRefused(query, "stream=true&stream=true", "stream", "2 times");

        UpgradeRejectedException unknown = rejected(connectOptions("no-such-query", "stream=true"));
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(new JsonObject(unknown.getBody()).getString("type"))
                .isEqualTo("epcisException:NoSuchResourceException");
        UpgradeRejectedException badFormat = rejected(connectOptions(query, "stream=true")
                .addHeader("GS1-EPC-Format", "Always_Barcodes"));
        assertThat(badFormat.getStatus()).isEqualTo(406);
        assertThat(badFormat.getBody().toString()).contains("GS1-EPC-Format");
        assertThat(subscriptions.activeCount()).isZero();
    }

    @Test
    void closingTheSocketEndsTheSubscription() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        Socket socket = connect(query, "stream=true");
        long readsBefore = subscriptions.reads();
        List<String> first = capture(step, null, 1);
        assertThat(eventIds(socket.awaitEvents(1))).containsExactlyElementsOf(first);
        assertThat(subscriptions.reads()).isGreaterThan(readsBefore);
        assertThat(subscriptions.activeCount()).isEqualTo(1);

        await(socket.socket.close());
        awaitTrue("the subscription ended", () -> subscriptions.activeCount() == 0);
        long reads = subscriptions.reads();
        capture(step, null, 2);
        Thread.sleep(1000); // ten polls
        assertThat(subscriptions.reads()).isEqualTo(reads);
    }

    @Test
    void deletingTheNamedQueryClosesItsSockets() throws Exception {
        String step = uniqueStep();
        String query = namedQuery(step);
        String other = namedQuery(uniqueStep());
        Socket streaming = connect(query, "stream=true");
        Socket scheduled = connect(query, "minute=0");
        Socket unrelated = connect(other, "stream=true");
        awaitTrue("three subscriptions", () -> subscriptions.activeCount() == 3);

        HttpResponse<String> deleted = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("queries/"
                + query)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        for (Socket s : List.of(streaming, scheduled)) {
            Socket.Close close = s.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(close.status()).isEqualTo((short) 1000);
            assertThat(close.reason()).contains(query).contains("deleted");
        }
        awaitTrue("one subscription left", () -> subscriptions.activeCount() == 1);
        assertThat(unrelated.socket.isClosed()).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One client socket and what it received. */
    private static final class Socket {
        record Close(Short status, String reason) {}

        final ClientWebSocket socket;
        final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Close> closed = new CompletableFuture<>();
        MultiMap headers;
        volatile int received;
        volatile int receivedWithEvents;

        Socket(ClientWebSocket socket) {
            this.socket = socket;
            socket.textMessageHandler(text -> {
                JsonObject document = new JsonObject(text);
                received++;
                if (!eventIds(List.of(document)).isEmpty()) {
                    receivedWithEvents++;
                }
                messages.add(document);
            });
            socket.closeHandler(v -> closed.complete(new Close(socket.closeStatusCode(), socket.closeReason())));
        }

        JsonObject next() throws InterruptedException {
            JsonObject d = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (d == null) {
                fail("no document within " + WAIT);
            }
            return d;
        }

        /** Documents until they held {@code count} events together. */
        List<JsonObject> awaitEvents(int count) throws InterruptedException {
            List<JsonObject> documents = new ArrayList<>();
            while (eventIds(documents).size() < count) {
                documents.add(next());
            }
            return documents;
        }

        List<JsonObject> drain() {
            List<JsonObject> rest = new ArrayList<>();
            messages.drainTo(rest);
            return rest;
        }
    }

    private Socket connect(String query, String controls) throws Exception {
        ClientWebSocket ws = client.webSocket();
        Socket socket = new Socket(ws);
        // The handshake's headers are there only while the connect handler runs.
        CompletableFuture<MultiMap> headers = new CompletableFuture<>();
        ws.connect(connectOptions(query, controls), done -> {
            if (done.succeeded()) {
                headers.complete(MultiMap.caseInsensitiveMultiMap().addAll(done.result().headers()));
            } else {
                headers.completeExceptionally(done.cause());
            }
        });
        socket.headers = headers.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        opened.add(socket);
        return socket;
    }

    private WebSocketConnectOptions connectOptions(String query, String controls) {
        return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(socketServer.actualPort())
                .setURI("/queries/" + query + "/events" + (controls.isEmpty() ? "" : "?" + controls));
    }

    private java.net.URI socketUri(String query, String controls) {
        return java.net.URI.create("http://127.0.0.1:" + socketServer.actualPort() + "/queries/" + query
                + "/events?" + controls);
    }

    private UpgradeRejectedException rejected(WebSocketConnectOptions options) throws Exception {
        try {
            ClientWebSocket ws = client.webSocket();
            await(ws.connect(options));
            ws.close();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UpgradeRejectedException r) {
                return r;
            }
            throw e;
        }
        return fail("the handshake of " + options.getURI() + " was accepted");
    }

    private void assertRefused(String query, String controls, String parameter, String reason) throws Exception {
        UpgradeRejectedException r = rejected(connectOptions(query, controls));
        String body = r.getBody() == null ? "" : r.getBody().toString();
        assertThat(r.getStatus()).as("%s: %s", controls, body).isEqualTo(400);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = new JsonObject(body);
        assertThat(problem.getString("type")).isEqualTo("epcisException:SubscriptionControlsException");
        assertThat(problem.getString("detail")).as(controls).contains(parameter).contains(reason);
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("expected")).isNotBlank();
    }

    private static List<String> eventIds(List<JsonObject> documents) {
        List<String> ids = new ArrayList<>();
        for (JsonObject d : documents) {
            JsonArray list = d.getJsonObject("epcisBody").getJsonObject("queryResults")
                    .getJsonObject("resultsBody").getJsonArray("eventList");
            for (int i = 0; i < list.size(); i++) {
                ids.add(list.getJsonObject(i).getString("eventID"));
            }
        }
        return ids;
    }

    private static String subscriptionId(JsonObject document) {
        return document.getJsonObject("epcisBody").getJsonObject("queryResults").getString("subscriptionID");
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String uniqueStep() {
        return "step_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A query of the events with bizStep {@code step}, named after it. */
    private String namedQuery(String step) throws Exception {
        JsonObject body = new JsonObject().put("name", step)
                .put("query", new JsonObject().put("EQ_bizStep", new JsonArray().add(stepUri(step))));
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("queries"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return step;
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

    private static String stepUri(String step) {
        return step.startsWith("step_") ? "https://steps.example.com/" + step : step;
    }

    private static JsonObject event(String id, String step) {
        return new JsonObject().put("type", "ObjectEvent").put("eventID", id).put("action", "OBSERVE")
                .put("eventTime", "2024-03-01T09:00:00.000Z").put("eventTimeZoneOffset", "+00:00")
                .put("epcList", new JsonArray().add("urn:epc:id:sgtin:0614141.107346." + Math.abs(id.hashCode())))
                .put("bizStep", stepUri(step));
    }
}
