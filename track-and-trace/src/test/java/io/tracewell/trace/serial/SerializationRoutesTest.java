package io.tracewell.trace.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import io.tracewell.epcis.capture.SingleEventCapture;
import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.id.AiValue;
import io.tracewell.epcis.id.ElementString;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.Sgtin;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.store.read.StoredEvents;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.validation.DocumentValidator;
import io.tracewell.trace.testdb.TraceTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The routes over real HTTP, on a Vert.x server with only them mounted, and a real MariaDB behind. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerializationRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Small pages and events, so that paging and slicing show; 1 in 10^14 instead of 1 in 10^4, so that the
     * probability refusal shows at length 8 with 21 serials (82^8 = 2.04e15).
     */
    private static final SerializationSettings SETTINGS = new SerializationSettings(12, 1_000_000,
            100_000_000_000_000L, 100, 50, 3, "https://resolver.example.com");
    private static final String READ_POINT = "urn:epc:id:sgln:0614141.00001.0";
    private static final String BIZ_LOCATION = "https://id.gs1.org/414/9520123456788";
    private static final AtomicLong GTINS = new AtomicLong(1000);

    private TraceTestDatabase database;
    private Vertx vertx;
    private HttpClient client;
    private String base;
    private StoredEvents storedEvents;
    private SerialNumberService service;

    @BeforeAll
    void start() throws Exception {
        database = TraceTestDatabase.create();
        storedEvents = new StoredEvents(database.dataSource());
        service = new SerialNumberService(database.dataSource(), new SecureRandom(),
                Clock.systemUTC(), SETTINGS.guessOneIn());
        SingleEventCapture capture = new SingleEventCapture(DocumentValidator.create(), EventHasher.standard(),
                EventStore.of(database.dataSource()), storedEvents);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new SerializationRoutes(service, new SerialCommissioning(capture, service, SETTINGS.epcsPerEvent(), "local"),
                SETTINGS).mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    private static String newGtin() {
        return SerialNumberServiceTest.gtin(GTINS.incrementAndGet()).value();
    }

    @Test
    void createsRandomSerialsAndDescribesTheRequest() throws Exception {
        String gtin = newGtin();
        HttpResponse<String> created = post("{\"gtin\": \"" + gtin + "\", \"count\": 5, \"scheme\": \"random\","
                + " \"lot\": \"L-7/b\", \"expiry\": \"2027-12-31\", \"length\": 14}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String id = body.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/serialization/requests/" + id);
        assertThat(body.get("gtin").asText()).isEqualTo(gtin);
        assertThat(body.get("count").asInt()).isEqualTo(5);
        assertThat(body.get("scheme").asText()).isEqualTo("random");
        assertThat(body.get("length").asInt()).isEqualTo(14);
        assertThat(body.get("lot").asText()).isEqualTo("L-7/b");
        assertThat(body.get("expiry").asText()).isEqualTo("271231");
        assertThat(body.has("commission")).isFalse();
        List<String> serials = strings(body.get("serials"));
        assertThat(serials).hasSize(5).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).hasSize(14));

        HttpResponse<String> read = get(created.headers().firstValue("Location").orElseThrow());
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode again = JSON.readTree(read.body());
        assertThat(again.get("id").asText()).isEqualTo(id);
        assertThat(again.get("expiry").asText()).isEqualTo("271231");
        assertThat(again.has("serials")).isFalse();
        assertThat(strings(JSON.readTree(get(again.get("serialsUrl").asText()).body()).get("serials")))
                .containsExactlyElementsOf(serials);
    }

    @Test
    void reportsEveryInvalidMemberAtItsPointer() throws Exception {
        HttpResponse<String> response = post("{\"gtin\": \"09506000134353\", \"count\": 0, \"scheme\": \"shuffled\","
                + " \"lot\": \"LOT#1\", \"expiry\": \"271332\", \"length\": 7, \"colour\": \"red\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("epcisException:ValidationException");
        Map<String, JsonNode> errors = byPointer(problem);
        assertThat(errors).containsOnlyKeys("/gtin", "/count", "/scheme", "/lot", "/expiry", "/length", "/colour");
        assertThat(errors.get("/gtin").get("message").asText()).contains("check digit");
        assertThat(errors.get("/count").get("expected").asText()).isEqualTo("a whole number from 1 to 1000000");
        assertThat(errors.get("/scheme").get("expected").asText()).isEqualTo("\"random\" or \"sequential\"");
        assertThat(errors.get("/lot").get("message").asText()).contains("'#'").contains("character set 82");
        assertThat(errors.get("/expiry").get("message").asText()).contains("month 13");
        assertThat(errors.get("/length").get("expected").asText()).contains("from 8 to 20");
        assertThat(errors.get("/colour").get("message").asText()).contains("not a member");
        errors.values().forEach(e -> assertThat(e.get("expected").asText()).isNotBlank());
    }

    @Test
    void refusesDatesAi17CannotCarryAndLengthsOutOfBounds() throws Exception {
        Map<String, JsonNode> errors = byPointer(JSON.readTree(post("{\"gtin\": \"" + newGtin() + "\", \"count\": 1,"
                + " \"scheme\": \"random\", \"expiry\": \"2080-01-01\", \"length\": 21}").body()));
        assertThat(errors.get("/expiry").get("message").asText()).contains("800101 reads as 1980-01-01");
        assertThat(errors.get("/length").get("message").asText()).contains("length 21");

        Map<String, JsonNode> sequential = byPointer(JSON.readTree(post("{\"gtin\": \"" + newGtin() + "\","
                + " \"count\": 2.5, \"scheme\": \"sequential\", \"length\": 0}").body()));
        assertThat(sequential).containsOnlyKeys("/count", "/length");
        assertThat(sequential.get("/length").get("expected").asText()).contains("width from 1 to 20");
    }

    @Test
    void refusesNonJson() throws Exception {
        HttpResponse<String> wrongType = send(HttpRequest.newBuilder(URI.create(base + SerializationRoutes.PATH))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        HttpResponse<String> broken = post("{\"gtin\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(byPointer(JSON.readTree(broken.body()))).containsOnlyKeys("");
    }

    @Test
    void refusesARandomRequestAboveTheGuessingBoundOverHttp() throws Exception {
        String gtin = newGtin();
        HttpResponse<String> refused = post("{\"gtin\": \"" + gtin + "\", \"count\": 21, \"scheme\": \"random\","
                + " \"length\": 8}");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = byPointer(JSON.readTree(refused.body())).get("/length");
        assertThat(error.get("message").asText()).contains("21 / 82^8");
        assertThat(error.get("expected").asText()).contains("a length of at least 9")
                .contains("a count of at most 20 at length 8");
        assertThat(post("{\"gtin\": \"" + gtin + "\", \"count\": 20, \"scheme\": \"random\", \"length\": 8}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void largeRequestsArePaged() throws Exception {
        HttpResponse<String> created = post("{\"gtin\": \"" + newGtin() + "\", \"count\": 120,"
                + " \"scheme\": \"sequential\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.has("serials")).as("more than inlineSerials (100)").isFalse();

        List<String> all = new ArrayList<>();
        String next = body.get("serialsUrl").asText() + "?perPage=500";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            List<String> serials = strings(JSON.readTree(page.body()).get("serials"));
            assertThat(serials.size()).as("capped at maxPerPage").isLessThanOrEqualTo(50);
            all.addAll(serials);
            pages++;
            next = page.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
            if (next != null) {
                assertThat(page.headers().firstValue("Link").orElseThrow()).endsWith("; rel=\"next\"");
            }
        }
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            expected.add(Integer.toString(i));
        }
        assertThat(all).containsExactlyElementsOf(expected);

        String id = body.get("id").asText();
        assertThat(get("/serialization/requests/" + id + "/serials?colour=red").statusCode()).isEqualTo(400);
        JsonNode badToken = JSON.readTree(get("/serialization/requests/" + id + "/serials?nextPageToken=abc").body());
        assertThat(badToken.get("type").asText()).isEqualTo("epcisException:QueryParameterException");
        assertThat(badToken.get("detail").asText()).contains("nextPageToken");
    }

    @Test
    void unknownRequestsAreNotFound() throws Exception {
        assertThat(get("/serialization/requests/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
        assertThat(get("/serialization/requests/nothing-like-an-id/serials").statusCode()).isEqualTo(404);
    }

    @Test
    void rendersIssuedSerialsAsDataMatrixAndQr() throws Exception {
        String gtin = newGtin();
        JsonNode body = JSON.readTree(post("{\"gtin\": \"" + gtin + "\", \"count\": 3, \"scheme\": \"random\","
                + " \"lot\": \"B12\", \"expiry\": \"280600\", \"length\": 20}").body());
        String id = body.get("id").asText();
        String serial = body.get("serials").get(1).asText();
        String codes = "/serialization/requests/" + id + "/codes/" + PathSegments.encode(serial);
        ElementString expected = ElementString.of(new AiValue("01", gtin), new AiValue("17", "280600"),
                new AiValue("10", "B12"), new AiValue("21", serial));

        HttpResponse<byte[]> dm = getBytes(codes + ".png");
        assertThat(dm.statusCode()).isEqualTo(200);
        assertThat(dm.headers().firstValue("Content-Type")).hasValue("image/png");
        Result dmRead = BarcodeRendererTest.decode(dm.body(), BarcodeFormat.DATA_MATRIX);
        assertThat(ElementString.parse("]d2" + dmRead.getText().substring(1))).isEqualTo(expected);

        HttpResponse<byte[]> qr = getBytes(codes + ".png?type=qr");
        assertThat(qr.statusCode()).isEqualTo(200);
        String link = BarcodeRendererTest.decode(qr.body(), BarcodeFormat.QR_CODE).getText();
        assertThat(link).startsWith("https://resolver.example.com/01/" + gtin + "/10/B12/21/");
        assertThat(ElementString.fromDigitalLink(link).serial()).hasValue(serial);
        assertThat(ElementString.fromDigitalLink(link).expiry()).isEqualTo(expected.expiry());

        HttpResponse<byte[]> svg = getBytes(codes + ".svg?type=datamatrix");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("<?xml")
                .contains("<svg");

        assertThat(getBytes(codes + ".gif").statusCode()).isEqualTo(404);
        assertThat(getBytes(codes + ".png?type=aztec").statusCode()).isEqualTo(400);
        assertThat(getBytes("/serialization/requests/" + id + "/codes/NOT-ISSUED.png").statusCode()).isEqualTo(404);
    }

    @Test
    void commissionsTheSerialsThroughTheCapturePath() throws Exception {
        String gtin = newGtin();
        HttpResponse<String> created = post("{\"gtin\": \"" + gtin + "\", \"count\": 7, \"scheme\": \"random\","
                + " \"lot\": \"LOT-42\", \"expiry\": \"270500\", \"commission\": {\"readPoint\": \"" + READ_POINT
                + "\", \"bizLocation\": \"" + BIZ_LOCATION + "\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        JsonNode commission = body.get("commission");
        assertThat(commission.get("state").asText()).isEqualTo("captured");
        List<String> eventIDs = strings(commission.get("eventIDs"));
        assertThat(eventIDs).as("7 serials, 3 EPCs per event").hasSize(3).doesNotHaveDuplicates();

        List<String> serials = strings(body.get("serials"));
        List<String> commissioned = new ArrayList<>();
        for (String eventID : eventIDs) {
            List<EpcisEvent> stored = storedEvents.findByEventId(eventID);
            assertThat(stored).hasSize(1);
            ObjectEvent event = (ObjectEvent) stored.get(0);
            assertThat(event.action()).isEqualTo(Action.ADD);
            assertThat(event.bizStep().uri()).endsWith("commissioning");
            assertThat(event.disposition().uri()).endsWith("active");
            assertThat(event.readPoint().id()).isEqualTo(READ_POINT);
            assertThat(event.bizLocation().id()).isEqualTo(BIZ_LOCATION);
            assertThat(event.ilmd().elements()).extracting(ExtensionElement::name, e -> simple(e))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(new QName(SerialCommissioning.CBVMDA, "lotNumber"),
                                    "LOT-42"),
                            org.assertj.core.groups.Tuple.tuple(new QName(SerialCommissioning.CBVMDA,
                                    "itemExpirationDate"), "2027-05-31"));
            commissioned.addAll(event.epcList());
        }
        List<String> expectedEpcs = serials.stream()
                .map(s -> Sgtin.of(new Gtin(gtin), s).toDigitalLink()).toList();
        assertThat(commissioned).containsExactlyElementsOf(expectedEpcs);

        JsonNode read = JSON.readTree(get(created.headers().firstValue("Location").orElseThrow()).body());
        assertThat(strings(read.get("commission").get("eventIDs"))).containsExactlyElementsOf(eventIDs);
        assertThat(read.get("commission").get("state").asText()).isEqualTo("captured");
    }

    @Test
    void commissionsWithEpcUrisWhenAskedTo() throws Exception {
        HttpResponse<String> created = post("{\"gtin\": \"09506000134352\", \"count\": 2, \"scheme\": \"sequential\","
                + " \"length\": 10, \"commission\": {\"readPoint\": \"" + READ_POINT + "\", \"bizLocation\": \""
                + READ_POINT + "\", \"epcFormat\": \"urn\", \"companyPrefixLength\": 7}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String eventID = body.get("commission").get("eventIDs").get(0).asText();
        ObjectEvent event = (ObjectEvent) storedEvents.findByEventId(eventID).get(0);
        List<String> serials = strings(body.get("serials"));
        assertThat(event.epcList()).containsExactly("urn:epc:id:sgtin:9506000.013435." + serials.get(0),
                "urn:epc:id:sgtin:9506000.013435." + serials.get(1));
        assertThat(event.ilmd()).isNull();
    }

    @Test
    void checksTheCommissioningMembers() throws Exception {
        Map<String, JsonNode> errors = byPointer(JSON.readTree(post("{\"gtin\": \"" + newGtin() + "\", \"count\": 1,"
                + " \"scheme\": \"random\", \"commission\": {\"readPoint\": \"https://id.gs1.org/01/09506000134352/21/1\","
                + " \"epcFormat\": \"urn\", \"shelf\": 3}}").body()));
        assertThat(errors).containsOnlyKeys("/commission/readPoint", "/commission/bizLocation",
                "/commission/companyPrefixLength", "/commission/shelf");
        assertThat(errors.get("/commission/readPoint").get("message").asText()).contains("is not an SGLN");
        assertThat(errors.get("/commission/bizLocation").get("message").asText()).contains("missing");
    }

    /** A stop between issuing and capturing leaves the request pending; POST .../commission captures then. */
    @Test
    void commissioningIsCapturedAgainAfterAStopOrAFailure() throws Exception {
        SerialNumberService.Issued issued = service.issue(new SerializationRequest(new Gtin(newGtin()), 7,
                SerialScheme.RANDOM, java.util.Optional.of("L9"), java.util.Optional.empty(),
                java.util.OptionalInt.of(12), java.util.Optional.of(new Commission(READ_POINT, BIZ_LOCATION,
                        java.util.OptionalInt.empty()))), 100);
        String path = SerializationRoutes.PATH + "/" + issued.request().id();
        assertThat(JSON.readTree(get(path).body()).get("commission").get("state").asText()).isEqualTo("pending");

        HttpResponse<String> first = postTo(path + "/commission");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode commission = JSON.readTree(first.body()).get("commission");
        assertThat(commission.get("state").asText()).isEqualTo("captured");
        List<String> eventIDs = strings(commission.get("eventIDs"));
        assertThat(eventIDs).hasSize(3);
        long stored = storedCount(eventIDs);
        assertThat(stored).isEqualTo(3);

        // as if the capture had failed after its events were stored: capturing again stores nothing twice
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE serial_request SET commission_state = 'failed', commission_event_ids = NULL,"
                    + " commission_error = 'test' WHERE id = '" + issued.request().id() + "'");
        }
        JsonNode again = JSON.readTree(postTo(path + "/commission").body()).get("commission");
        assertThat(again.get("state").asText()).isEqualTo("captured");
        assertThat(again.has("error")).isFalse();
        assertThat(strings(again.get("eventIDs"))).containsExactlyElementsOf(eventIDs);
        assertThat(storedCount(eventIDs)).isEqualTo(3);

        // captured: answered as it is
        assertThat(strings(JSON.readTree(postTo(path + "/commission").body()).get("commission").get("eventIDs")))
                .containsExactlyElementsOf(eventIDs);
    }

    @Test
    void aRequestWithoutCommissioningCannotBeCommissioned() throws Exception {
        JsonNode body = JSON.readTree(post("{\"gtin\": \"" + newGtin() + "\", \"count\": 1,"
                + " \"scheme\": \"sequential\"}").body());
        HttpResponse<String> refused = postTo(SerializationRoutes.PATH + "/" + body.get("id").asText()
                + "/commission");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("asked for no commissioning");
    }

    /** Set 82 has '/', '%', '?' and '&': the serial is one percent-encoded path segment, decoded once. */
    @Test
    void rendersSerialsThatNeedPercentEncoding() throws Exception {
        String gtin = newGtin();
        String id = JSON.readTree(post("{\"gtin\": \"" + gtin + "\", \"count\": 1, \"scheme\": \"random\"}")
                .body()).get("id").asText();
        String serial = "A/B%2F?C&D";
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement(
                     "INSERT INTO serial_number (request_id, ordinal, gtin, serial) VALUES (?, 1, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, gtin);
            s.setString(3, serial);
            s.executeUpdate();
        }
        HttpResponse<byte[]> png = getBytes(SerializationRoutes.PATH + "/" + id + "/codes/"
                + PathSegments.encode(serial) + ".png");
        assertThat(png.statusCode()).isEqualTo(200);
        String text = BarcodeRendererTest.decode(png.body(), BarcodeFormat.DATA_MATRIX).getText();
        assertThat(ElementString.parse("]d2" + text.substring(1)).serial()).hasValue(serial);
        // decoded once: the escaped form of another serial is not this one
        assertThat(getBytes(SerializationRoutes.PATH + "/" + id + "/codes/"
                + PathSegments.encode(PathSegments.encode(serial)) + ".png").statusCode()).isEqualTo(404);
    }

    private long storedCount(List<String> eventIDs) throws Exception {
        long n = 0;
        for (String id : eventIDs) {
            n += storedEvents.findByEventId(id).size();
        }
        return n;
    }

    private HttpResponse<String> postTo(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static String simple(ExtensionElement e) {
        return ((ExtensionElement.Simple) e.value()).lexical();
    }

    private static Map<String, JsonNode> byPointer(JsonNode problem) {
        Map<String, JsonNode> errors = new HashMap<>();
        for (JsonNode error : problem.get("errors")) {
            assertThat(errors.put(error.get("pointer").asText(), error)).as("one error per member").isNull();
        }
        return errors;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private HttpResponse<String> post(String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + SerializationRoutes.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
