package io.tracewell.epcis.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tracewell.epcis.capture.CaptureLimits;
import io.tracewell.epcis.capture.SingleEventCapture;
import io.tracewell.epcis.capture.http.CaptureRoutes;
import io.tracewell.epcis.capture.http.EventsRoutes;
import io.tracewell.epcis.capture.job.CaptureJobRunner;
import io.tracewell.epcis.capture.job.DocumentCapture;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.query.EventQueries;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.query.http.NamedQueries;
import io.tracewell.epcis.query.http.NamedQueryRoutes;
import io.tracewell.epcis.query.http.QueryRoutes;
import io.tracewell.epcis.query.http.ResourceRoutes;
import io.tracewell.epcis.query.testdb.QueryTestDatabase;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.tracewell.epcis.store.read.StoredEvents;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.subscription.SubscriptionRoutes;
import io.tracewell.epcis.subscription.SubscriptionRunner;
import io.tracewell.epcis.subscription.Subscriptions;
import io.tracewell.epcis.subscription.WebSocketSubscriptions;
import io.tracewell.epcis.validation.DocumentValidator;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Organisation visibility over real HTTP, on a Vert.x router with the capture and query interfaces mounted behind a
 * test stand-in for authentication ({@link TestCallers}), and a real MariaDB: organisation A cannot read
 * organisation B's events through any read path, a partner reads what the rule allows (item history included), a
 * regulator reads everything, and a request without a caller gets 401.
 *
 * <p>The events: A commissions item 1001, ships it to the partner (its party GLN as destination) and keeps item
 * 1002 at a read point of its own; B repairs its item 2001 at a location of its own, sees item 1001 later, and
 * delivers item 2002 to one of the partner's locations. B also captures two events through a capture job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    static final String A = "org-a;QUERY,CAPTURE";
    static final String B = "org-b;QUERY,CAPTURE";
    static final String PARTNER_GLN = "4012345000016";
    static final String PARTNER = "partner-org;PARTNER;" + PARTNER_GLN;
    static final String REGULATOR = "authority;REGULATOR";
    /** The subscription tests capture as organisations of their own, so A's and B's sets stay as they are. */
    static final String W1 = "org-w1;QUERY,CAPTURE";
    static final String W2 = "org-w2;QUERY,CAPTURE";
    static final String S1 = "org-s1;QUERY,CAPTURE";
    static final String S2 = "org-s2;QUERY,CAPTURE";

    static final String ITEM_1001 = "urn:epc:id:sgtin:4012345.011111.1001";
    static final String ITEM_1002 = "urn:epc:id:sgtin:4012345.011111.1002";
    static final String ITEM_2001 = "urn:epc:id:sgtin:4012345.022222.2001";
    static final String ITEM_2002 = "urn:epc:id:sgtin:4012345.022222.2002";
    static final String A_READ_POINT = "urn:epc:id:sgln:4012345.00002.0";
    static final String B_LOCATION = "urn:epc:id:sgln:9520000.00001.0";

    static final Set<String> A_EVENTS = Set.of("a-commission", "a-ship", "a-private");
    static final Set<String> B_EVENTS = Set.of("b-private", "b-sees-1001", "b-to-location", "b-job-1", "b-job-2");

    private QueryTestDatabase database;
    private Vertx vertx;
    private CaptureJobRunner captureWorkers;
    private SubscriptionRunner subscriptionRunner;
    private WebSocketSubscriptions webSockets;
    private HttpServer webhook;
    private final BlockingQueue<String> webhookBodies = new LinkedBlockingQueue<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String base;
    private int port;
    private String bJob;
    private int minute;

    @BeforeAll
    void start() throws Exception {
        database = QueryTestDatabase.create();
        EventStore store = EventStore.of(database.dataSource());
        StoredEvents stored = new StoredEvents(database.dataSource());
        SingleEventCapture capture = new SingleEventCapture(DocumentValidator.create(), EventHasher.standard(), store,
                stored);
        CaptureJobs jobs = new CaptureJobs(database.dataSource());
        captureWorkers = new CaptureJobRunner(jobs, DocumentCapture.of(jobs, store), "test-node", 1,
                Duration.ofMinutes(1)).start();
        Subscriptions subscriptions = new Subscriptions(database.dataSource());
        NamedQueries namedQueries = new NamedQueries(database.dataSource());
        subscriptionRunner = new SubscriptionRunner(subscriptions, namedQueries, QueryParser.standard(), "test-node",
                SubscriptionRunner.Settings.defaults(), Clock.systemUTC());
        subscriptionRunner.start();
        webSockets = new WebSocketSubscriptions(database.dataSource(), QueryParser.standard(),
                WebSocketSubscriptions.Settings.defaults(), Clock.systemUTC());
        store.onVisible(subscriptionRunner::wake);
        store.onVisible(webSockets::wake);

        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        TestCallers.mount(router);
        new EventsRoutes(capture, stored, Clock.systemUTC(), 1024 * 1024).mount(router);
        new CaptureRoutes(jobs, captureWorkers, CaptureLimits.DEFAULT).mount(router);
        QueryRoutes queryRoutes = new QueryRoutes(QueryParser.standard(), new EventQueries(database.dataSource(),
                () -> EventQueries.loadSecret(database.dataSource()), Duration.ofHours(1), Clock.systemUTC()),
                100, Clock.systemUTC());
        queryRoutes.mount(router);
        new ResourceRoutes(queryRoutes, QueryParser.standard(), database.dataSource(), 100, "test").mount(router);
        new SubscriptionRoutes(subscriptions, namedQueries, subscriptionRunner, 100, ZoneOffset.UTC, 100, "test",
                Clock.systemUTC()).mount(router);
        webSockets.mount(router);
        new NamedQueryRoutes(queryRoutes, QueryParser.standard(), database.dataSource(), 100, "test").mount(router);
        port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
        base = "http://127.0.0.1:" + port;

        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            webhookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();

        capture(A, "a-commission", ITEM_1001, "commissioning", A_READ_POINT, "", "");
        capture(A, "a-ship", ITEM_1001, "shipping", "", "urn:epc:id:pgln:0614141.00000",
                "urn:epc:id:pgln:4012345.00001");
        capture(A, "a-private", ITEM_1002, "storing", A_READ_POINT, "", "");
        capture(B, "b-private", ITEM_2001, "repairing", B_LOCATION, "", "");
        capture(B, "b-sees-1001", ITEM_1001, "receiving", "", "", "");
        capture(B, "b-to-location", ITEM_2002, "shipping", "", "", "urn:epc:id:sgln:4012345.00001.7");
        bJob = captureDocument(B, List.of(event("b-job-1", "urn:epc:id:sgtin:4012345.033333.1", "packing", "",
                "", ""), event("b-job-2", "urn:epc:id:sgtin:4012345.033333.2", "packing", "", "", "")));
    }

    @AfterAll
    void stop() throws Exception {
        webhook.stop(0);
        webSockets.close();
        subscriptionRunner.close();
        captureWorkers.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        database.close();
    }

    // ---- no caller ------------------------------------------------------------------------------------------

    @Test
    void everyPathAnswers401WithoutACaller() throws Exception {
        namedQuery(A, "a-for-401", "{\"eventType\":[\"ObjectEvent\"]}");
        for (String path : List.of("/events", "/events/urn%3Atest%3Aa-private", "/capture", "/capture/" + bJob,
                "/epcs", "/epcs/" + enc(ITEM_1001), "/epcs/" + enc(ITEM_1001) + "/events", "/bizSteps",
                "/bizLocations", "/readPoints", "/dispositions", "/eventTypes", "/queries", "/queries/a-for-401",
                "/queries/a-for-401/events", "/queries/a-for-401/subscriptions")) {
            HttpResponse<String> response = get(null, path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).contains("SecurityException").doesNotContain("urn:test:");
        }
        assertThat(post(null, "/events", eventJson("nobody", ITEM_1002, "storing", "", "", "")).statusCode())
                .isEqualTo(401);
        assertThat(post(null, "/capture", document(List.of(eventJson("nobody-doc", ITEM_1002, "storing", "", "",
                "")))).statusCode()).isEqualTo(401);
        assertThat(send(null, HttpRequest.newBuilder(uri("/queries/a-for-401")).DELETE()).statusCode())
                .isEqualTo(401);
        UpgradeRejectedException rejected = webSocketRefused(null, "a-for-401");
        assertThat(rejected.getStatus()).isEqualTo(401);
        assertThat(get(A, "/queries/a-for-401").statusCode()).as("the 401s deleted nothing").isEqualTo(200);
    }

    // ---- GET /events and /events/{id} -------------------------------------------------------------------------

    @Test
    void eachOrganisationReadsOnlyItsOwnEvents() throws Exception {
        assertThat(events(A, "/events")).containsExactlyInAnyOrderElementsOf(A_EVENTS);
        assertThat(events(B, "/events")).containsExactlyInAnyOrderElementsOf(B_EVENTS);
        // With the query's own conditions, the visibility condition still holds.
        assertThat(events(A, "/events?MATCH_epc=" + enc(ITEM_1001))).containsExactlyInAnyOrder("a-commission",
                "a-ship");
        assertThat(events(B, "/events?MATCH_epc=" + enc(ITEM_1001))).containsExactly("b-sees-1001");
        assertThat(events(A, "/events?EQ_bizStep=repairing")).isEmpty();
        assertThat(events(A, "/events?EQ_bizLocation=" + enc(B_LOCATION))).isEmpty();
        assertThat(events(A, "/events?eventType=ObjectEvent&maxEventCount=3")).hasSize(3);
    }

    @Test
    void anEventOfAnotherOrganisationIsNotFound() throws Exception {
        HttpResponse<String> hidden = get(A, "/events/" + enc("urn:test:b-private"));
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).contains("NoSuchResourceException").doesNotContain("repairing");
        assertThat(get(B, "/events/" + enc("urn:test:b-private")).statusCode()).isEqualTo(200);
        assertThat(get(A, "/events/" + enc("urn:test:a-private")).statusCode()).isEqualTo(200);
        assertThat(get(REGULATOR, "/events/" + enc("urn:test:b-private")).statusCode()).isEqualTo(200);
        assertThat(get(PARTNER, "/events/" + enc("urn:test:a-private")).statusCode()).isEqualTo(404);
        assertThat(get(PARTNER, "/events/" + enc("urn:test:a-commission")).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesStayWithinTheCallersEventsAndTheirTokensWithTheCaller() throws Exception {
        List<String> seen = new ArrayList<>();
        String next = "/events?perPage=1";
        String firstToken = null;
        while (next != null) {
            HttpResponse<String> page = get(A, next);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            seen.addAll(eventNames(page.body()));
            next = page.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                    .orElse(null);
            if (firstToken == null && next != null) {
                firstToken = next;
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(A_EVENTS);
        // A's token does not serve B, nor a regulator.
        HttpResponse<String> stolen = get(B, firstToken);
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(stolen.body()).contains("nextPageToken");
        assertThat(get(REGULATOR, firstToken).statusCode()).isEqualTo(400);
    }

    // ---- partner and regulator ---------------------------------------------------------------------------------

    @Test
    void aPartnerReadsTheEventsNamingItAndTheHistoryOfTheirItems() throws Exception {
        assertThat(events(PARTNER, "/events")).containsExactlyInAnyOrder(
                "a-ship", "b-to-location", // name the partner's GLN: as party, as a location with an extension
                "a-commission", "b-sees-1001"); // item 1001's history, captured by either organisation
        assertThat(events(PARTNER, "/events?MATCH_epc=" + enc(ITEM_1002))).isEmpty();
        assertThat(events("partner-org;PARTNER;9520000000011", "/events")).isEmpty();
        List<String> epcs = members(PARTNER, "/epcs?GS1-EPC-Format=Never_Translates");
        assertThat(epcs).hasSize(2).noneMatch(e -> e.endsWith("/21/1002") || e.endsWith("/21/2001"));
    }

    @Test
    void aRegulatorReadsEverything() throws Exception {
        Set<String> all = new TreeSet<>(A_EVENTS);
        all.addAll(B_EVENTS);
        // Other tests' organisations may have added theirs by now.
        assertThat(events(REGULATOR, "/events")).containsAll(all);
        assertThat(members(REGULATOR, "/bizSteps")).contains("repairing", "storing");
    }

    // ---- discovery resources --------------------------------------------------------------------------------------

    @Test
    void theResourcesDoNotRevealAnotherOrganisationsIdentifiersOrValues() throws Exception {
        assertThat(members(A, "/bizSteps")).contains("storing").doesNotContain("repairing", "packing");
        assertThat(members(B, "/bizSteps")).contains("repairing", "packing").doesNotContain("storing");
        assertThat(get(A, "/bizSteps/repairing").statusCode()).isEqualTo(404);
        assertThat(get(A, "/bizSteps/repairing/events").statusCode()).isEqualTo(404);
        assertThat(get(B, "/bizSteps/repairing").statusCode()).isEqualTo(200);
        assertThat(events(B, "/bizSteps/receiving/events")).containsExactly("b-sees-1001");

        List<String> aEpcs = members(A, "/epcs");
        assertThat(aEpcs).hasSize(2).allMatch(e -> e.contains("/01/") && e.contains("/21/100"));
        assertThat(get(A, "/epcs/" + enc(ITEM_2001)).statusCode()).isEqualTo(404);
        assertThat(get(B, "/epcs/" + enc(ITEM_2001)).statusCode()).isEqualTo(200);
        assertThat(events(A, "/epcs/" + enc(ITEM_1001) + "/events")).containsExactlyInAnyOrder("a-commission",
                "a-ship");

        assertThat(members(A, "/bizLocations")).isEmpty();
        assertThat(members(B, "/bizLocations")).hasSize(1);
        assertThat(get(A, "/bizLocations/" + enc(B_LOCATION)).statusCode()).isEqualTo(404);
        assertThat(members(A, "/readPoints")).hasSize(1);
        assertThat(members(B, "/readPoints")).isEmpty();
        assertThat(get(B, "/readPoints/" + enc(A_READ_POINT)).statusCode()).isEqualTo(404);
        assertThat(members("org-none;QUERY", "/eventTypes")).isEmpty();
        assertThat(members(A, "/eventTypes")).containsExactly("ObjectEvent");
    }

    // ---- capture jobs ---------------------------------------------------------------------------------------------

    @Test
    void captureJobsAndTheirEventsBelongToTheSubmittingOrganisation() throws Exception {
        assertThat(get(A, "/capture/" + bJob).statusCode()).isEqualTo(404);
        assertThat(get(B, "/capture/" + bJob).statusCode()).isEqualTo(200);
        assertThat(get(REGULATOR, "/capture/" + bJob).statusCode()).isEqualTo(200);
        assertThat(get(A, "/capture").body()).doesNotContain(bJob);
        assertThat(get(B, "/capture").body()).contains(bJob);
        assertThat(get(REGULATOR, "/capture").body()).contains(bJob);
        assertThat(events(B, "/events?EQ_bizStep=packing")).containsExactlyInAnyOrder("b-job-1", "b-job-2");
        assertThat(events(A, "/events?EQ_bizStep=packing")).isEmpty();
    }

    // ---- named queries ----------------------------------------------------------------------------------------

    @Test
    void aNamedQueryIsItsOrganisationsAndRunsWithinTheCallersEvents() throws Exception {
        namedQuery(A, "a-objects", "{\"eventType\":[\"ObjectEvent\"]}");
        assertThat(get(A, "/queries").body()).contains("a-objects");
        assertThat(get(B, "/queries").body()).doesNotContain("a-objects");
        assertThat(get(B, "/queries/a-objects").statusCode()).isEqualTo(404);
        assertThat(get(B, "/queries/a-objects/events").statusCode()).isEqualTo(404);
        assertThat(send(B, HttpRequest.newBuilder(uri("/queries/a-objects")).DELETE()).statusCode())
                .isEqualTo(404);
        assertThat(events(A, "/queries/a-objects/events")).containsExactlyInAnyOrderElementsOf(A_EVENTS);
        // A regulator sees the definition and runs it over everything.
        assertThat(get(REGULATOR, "/queries/a-objects").statusCode()).isEqualTo(200);
        assertThat(events(REGULATOR, "/queries/a-objects/events")).containsAll(A_EVENTS).containsAll(B_EVENTS);
        assertThat(send(A, HttpRequest.newBuilder(uri("/queries/a-objects")).DELETE()).statusCode())
                .isEqualTo(204);
    }

    // ---- subscriptions ------------------------------------------------------------------------------------------

    @Test
    void aWebhookSubscriptionDeliversOnlyWhatItsSubscriberMayRead() throws Exception {
        namedQuery(W2, "b-stream", "{\"eventType\":[\"ObjectEvent\"],\"EQ_bizStep\":[\"inspecting\"]}");
        HttpResponse<String> refused = post(W1, "/queries/b-stream/subscriptions",
                "{\"dest\":\"http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook\",\"stream\":true}");
        assertThat(refused.statusCode()).as("another organisation cannot subscribe to the query").isEqualTo(404);
        HttpResponse<String> created = post(W2, "/queries/b-stream/subscriptions",
                "{\"dest\":\"http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook\",\"stream\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String subscription = created.headers().firstValue("Location").orElseThrow();
        assertThat(get(W1, subscription).statusCode()).isEqualTo(404);
        assertThat(send(W1, HttpRequest.newBuilder(uri(subscription)).DELETE()).statusCode()).isEqualTo(404);

        capture(W1, "a-inspect", "urn:epc:id:sgtin:4012345.011111.1003", "inspecting", "", "", "");
        capture(W2, "b-inspect", "urn:epc:id:sgtin:4012345.022222.2003", "inspecting", "", "", "");
        List<String> delivered = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!delivered.contains("b-inspect") && System.nanoTime() < deadline) {
            String body = webhookBodies.poll(1, TimeUnit.SECONDS);
            if (body != null) {
                delivered.addAll(eventNames(body));
            }
        }
        // Both were committed before B's was delivered, in visibility order: A's would have come first.
        assertThat(delivered).containsExactly("b-inspect");
        assertThat(send(W2, HttpRequest.newBuilder(uri(subscription)).DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void aWebSocketCarriesOnlyWhatTheCallerAtTheUpgradeMayRead() throws Exception {
        namedQuery(S1, "a-socket", "{\"eventType\":[\"ObjectEvent\"],\"EQ_bizStep\":[\"loading\"]}");
        assertThat(webSocketRefused(S2, "a-socket").getStatus()).as("one organisation does not see another's query").isEqualTo(404);
        namedQuery(REGULATOR, "any-socket", "{\"eventType\":[\"ObjectEvent\"],\"EQ_bizStep\":[\"loading\"]}");

        WebSocketClient sockets = vertx.createWebSocketClient();
        BlockingQueue<String> toB = new LinkedBlockingQueue<>();
        // Nor a query the regulator's organisation defined.
        assertThat(webSocketRefused(S2, "any-socket").getStatus()).isEqualTo(404);
        BlockingQueue<String> toA = new LinkedBlockingQueue<>();
        WebSocket a = connect(sockets, S1, "a-socket", toA);
        WebSocket regulator = connect(sockets, REGULATOR, "any-socket", toB);
        try {
            capture(S2, "b-load", "urn:epc:id:sgtin:4012345.022222.2004", "loading", "", "", "");
            capture(S1, "a-load", "urn:epc:id:sgtin:4012345.011111.1004", "loading", "", "", "");
            List<String> atA = new ArrayList<>();
            List<String> atRegulator = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while ((!atA.contains("a-load") || !atRegulator.contains("a-load")) && System.nanoTime() < deadline) {
                String message = toA.poll(100, TimeUnit.MILLISECONDS);
                if (message != null) {
                    atA.addAll(eventNames(message));
                }
                message = toB.poll(100, TimeUnit.MILLISECONDS);
                if (message != null) {
                    atRegulator.addAll(eventNames(message));
                }
            }
            // B's event became visible first: had A's socket carried it, it would have come before A's own.
            assertThat(atA).containsExactly("a-load");
            assertThat(atRegulator).containsSubsequence("b-load", "a-load");
        } finally {
            a.close();
            regulator.close();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private WebSocket connect(WebSocketClient sockets, String caller, String query, BlockingQueue<String> into)
            throws Exception {
        WebSocket socket = sockets.connect(options(caller, query)).toCompletionStage().toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        socket.textMessageHandler(into::add);
        return socket;
    }

    private UpgradeRejectedException webSocketRefused(String caller, String query) throws Exception {
        CompletableFuture<WebSocket> attempt = vertx.createWebSocketClient().connect(options(caller, query))
                .toCompletionStage().toCompletableFuture();
        try {
            attempt.get(WAIT.toSeconds(), TimeUnit.SECONDS).close();
            throw new AssertionError("the WebSocket upgrade was accepted");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(UpgradeRejectedException.class);
            return (UpgradeRejectedException) e.getCause();
        }
    }

    private WebSocketConnectOptions options(String caller, String query) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/queries/" + query + "/events?stream=true");
        if (caller != null) {
            options.addHeader(TestCallers.HEADER, caller);
        }
        return options;
    }

    private void namedQuery(String caller, String name, String query) throws Exception {
        HttpResponse<String> created = post(caller, "/queries", "{\"name\":\"" + name + "\",\"query\":" + query + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private void capture(String caller, String name, String epc, String bizStep, String place, String source,
                         String destination) throws Exception {
        HttpResponse<String> response = post(caller, "/events",
                eventJson(name, epc, bizStep, place, source, destination));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Submits a document and waits for its job to finish; returns the job's ID. */
    private String captureDocument(String caller, List<String> events) throws Exception {
        HttpResponse<String> accepted = post(caller, "/capture", document(events));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = JSON.readTree(get(caller, location).body());
            if (!job.path("running").asBoolean(true)) {
                assertThat(job.path("success").asBoolean()).as(job.toString()).isTrue();
                return location.substring(location.lastIndexOf('/') + 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the capture job " + location + " did not finish");
    }

    private String event(String name, String epc, String bizStep, String place, String source, String destination) {
        return eventJson(name, epc, bizStep, place, source, destination);
    }

    /** An ObjectEvent; {@code place} is its read point (A's) or business location (B's). */
    private String eventJson(String name, String epc, String bizStep, String place, String source,
                             String destination) {
        StringBuilder json = new StringBuilder("{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context"
                + ".jsonld\"],\"type\":\"ObjectEvent\",\"eventID\":\"urn:test:" + name + "\",\"eventTime\":\""
                + String.format("2026-01-01T%02d:%02d:00Z", minute / 60, minute % 60) + "\","
                + "\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"OBSERVE\",\"epcList\":[\"" + epc + "\"],"
                + "\"bizStep\":\"" + bizStep + "\"");
        minute++;
        if (place.equals(A_READ_POINT)) {
            json.append(",\"readPoint\":{\"id\":\"").append(place).append("\"}");
        } else if (!place.isEmpty()) {
            json.append(",\"bizLocation\":{\"id\":\"").append(place).append("\"}");
        }
        if (!source.isEmpty()) {
            json.append(",\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"").append(source).append("\"}]");
        }
        if (!destination.isEmpty()) {
            json.append(",\"destinationList\":[{\"type\":\"").append(destination.contains("sgln") ? "location"
                    : "owning_party").append("\",\"destination\":\"").append(destination).append("\"}]");
        }
        return json.append('}').toString();
    }

    private static String document(List<String> events) {
        return "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],"
                + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-01-01T00:00:00Z\","
                + "\"epcisBody\":{\"eventList\":[" + String.join(",", events.stream()
                .map(e -> e.replace("{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],",
                        "{")).toList()) + "]}}";
    }

    /** The short names of the events of every page of a query, following the Link header. */
    private List<String> events(String caller, String path) throws Exception {
        List<String> names = new ArrayList<>();
        String next = path;
        while (next != null) {
            HttpResponse<String> page = get(caller, next);
            if (page.statusCode() == 404) {
                return List.of();
            }
            assertThat(page.statusCode()).as(next + ": " + page.body()).isEqualTo(200);
            names.addAll(eventNames(page.body()));
            next = page.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                    .orElse(null);
        }
        return names;
    }

    private static List<String> eventNames(String queryDocument) throws IOException {
        List<String> names = new ArrayList<>();
        JSON.readTree(queryDocument).path("epcisBody").path("queryResults").path("resultsBody").path("eventList")
                .forEach(e -> names.add(e.path("eventID").asText().substring("urn:test:".length())));
        return names;
    }

    private List<String> members(String caller, String path) throws Exception {
        String query = path.contains("?GS1-EPC-Format=") ? path.substring(path.indexOf('=') + 1) : null;
        String resource = query == null ? path : path.substring(0, path.indexOf('?'));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(resource)).header("Accept", "application/json");
        if (query != null) {
            request.header("GS1-EPC-Format", query);
        }
        HttpResponse<String> response = send(caller, request);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        List<String> members = new ArrayList<>();
        JSON.readTree(response.body()).path("member").forEach(m -> members.add(m.asText()));
        return members;
    }

    private HttpResponse<String> get(String caller, String path) throws Exception {
        return send(caller, HttpRequest.newBuilder(uri(path)).header("Accept", "application/json"));
    }

    private HttpResponse<String> post(String caller, String path, String body) throws Exception {
        return send(caller, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(String caller, HttpRequest.Builder request) throws Exception {
        if (caller != null) {
            request.header(TestCallers.HEADER, caller);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
