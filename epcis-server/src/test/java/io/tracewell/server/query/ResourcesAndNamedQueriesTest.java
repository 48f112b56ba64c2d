package io.tracewell.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.id.Epc;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The value resources ({@code /eventTypes}, {@code /epcs}, {@code /bizSteps}, {@code /bizLocations},
 * {@code /readPoints}, {@code /dispositions}) and the named queries ({@code /queries}) over real HTTP, on a
 * server of their own whose only events are the four captured here, so that every list and every result is known
 * exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourcesAndNamedQueriesTest {

    private static final Path DATA = Path.of("target", "resources and named queries test").toAbsolutePath();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private static final String E1 = "urn:uuid:6f0a1c52-0b7e-4d0e-9b1a-000000000001";
    private static final String E2 = "urn:uuid:6f0a1c52-0b7e-4d0e-9b1a-000000000002";
    private static final String E3 = "urn:uuid:6f0a1c52-0b7e-4d0e-9b1a-000000000003";
    private static final String E4 = "urn:uuid:6f0a1c52-0b7e-4d0e-9b1a-000000000004";

    private static final String SGTIN_2017 = "urn:epc:id:sgtin:0614141.107346.2017";
    /** The same pack as {@link #SGTIN_2017}, as a GS1 Digital Link (GTIN 10614141073464). */
    private static final String DL_2017 = "https://id.gs1.org/01/10614141073464/21/2017";
    private static final String SGTIN_2018 = "urn:epc:id:sgtin:0614141.107346.2018";
    private static final String SGTIN_2019 = "urn:epc:id:sgtin:0614141.107346.2019";
    private static final String SGTIN_2020 = "urn:epc:id:sgtin:0614141.107346.2020";
    private static final String SSCC = "urn:epc:id:sscc:0614141.1234567890";
    private static final String SGLN_777 = "urn:epc:id:sgln:0614141.00777.0";
    private static final String SGLN_888 = "urn:epc:id:sgln:0614141.00888.0";
    private static final String SGLN_999 = "urn:epc:id:sgln:0614141.00999.0";

    private TestServers servers;
    private CaptureHttp http;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        http = new CaptureHttp(servers.main().baseUri());
        String location = CaptureHttp.accepted(http.capture("application/ld+json", null, document()));
        JsonObject job = http.awaitFinished(location, Duration.ofSeconds(60));
        assertThat(job.getBoolean("success")).as("capture job %s", job).isTrue();
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    // ---- the value resources ---------------------------------------------------------------------------------

    @Test
    void eventTypes() throws Exception {
        assertThat(members("/eventTypes")).containsExactly("AggregationEvent", "ObjectEvent");
        assertThat(members("/eventTypes/AggregationEvent")).containsExactly("events");
        assertThat(eventIds("/eventTypes/ObjectEvent/events")).containsExactlyInAnyOrder(E1, E2, E4);
        assertThat(eventIds("/eventTypes/AggregationEvent/events")).containsExactly(E3);
        // other parameters narrow the fixed one down
        assertThat(eventIds("/eventTypes/ObjectEvent/events?EQ_bizStep=shipping")).containsExactlyInAnyOrder(E2, E4);
        assertProblem(http.get("/eventTypes/TransformationEvent", "application/json"), 404,
                "NoSuchResourceException");
        assertProblem(http.get("/eventTypes/TransformationEvent/events", "application/json"), 404,
                "NoSuchResourceException");
        JsonObject fixedTwice = assertProblem(http.get("/eventTypes/ObjectEvent/events?eventType=AggregationEvent",
                "application/json"), 400, "QueryParameterException");
        assertThat(fixedTwice.getString("detail")).startsWith("eventType:");
    }

    @Test
    void epcsArePagedByValueAndFoundByUrnAndDigitalLink() throws Exception {
        assertThat(Epc.parse(SGTIN_2017).canonical()).isEqualTo(DL_2017);
        List<String> all = new ArrayList<>();
        String next = "/epcs?perPage=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = ok(next);
            JsonArray member = new JsonObject(page.body()).getJsonArray("member");
            assertThat(member.size()).as("page %s", next).isBetween(1, 2);
            member.forEach(m -> all.add((String) m));
            next = nextLink(page).orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).isSorted().containsExactlyInAnyOrder(DL_2017, canonical(SGTIN_2018),
                canonical(SGTIN_2019), canonical(SGTIN_2020), canonical(SSCC));

        assertThat(members("/epcs/" + encoded(DL_2017))).containsExactly("events");
        assertThat(members("/epcs/" + encoded(SGTIN_2017))).containsExactly("events");
        // written as a URN in E1 and as a Digital Link in E2: both are the same EPC
        assertThat(eventIds("/epcs/" + encoded(DL_2017) + "/events")).containsExactlyInAnyOrder(E1, E2);
        assertThat(eventIds("/epcs/" + encoded(SGTIN_2017) + "/events")).containsExactlyInAnyOrder(E1, E2);
        assertThat(eventIds("/epcs/" + encoded(SGTIN_2019) + "/events")).containsExactly(E3);
        assertThat(eventIds("/epcs/" + encoded(SSCC) + "/events")).containsExactly(E3);
        assertThat(eventIds("/epcs/" + encoded(SGTIN_2017) + "/events?EQ_bizStep=shipping")).containsExactly(E2);
        // pages of an item's events: the next link keeps the encoded path
        HttpResponse<String> first = ok("/epcs/" + encoded(DL_2017) + "/events?perPage=1");
        String link = nextLink(first).orElseThrow();
        assertThat(link).startsWith("/epcs/" + encoded(DL_2017) + "/events?");
        HttpResponse<String> second = ok(link);
        assertThat(nextLink(second)).isEmpty();
        assertThat(List.of(eventIdsOf(first), eventIdsOf(second))).containsExactly(List.of(E1), List.of(E2));
        assertProblem(http.get("/epcs/" + encoded("urn:epc:id:sgtin:0614141.107346.9999"), "application/json"),
                404, "NoSuchResourceException");
        assertProblem(http.get("/epcs/" + encoded("urn:epc:id:sgtin:0614141.107346.9999") + "/events",
                "application/json"), 404, "NoSuchResourceException");
    }

    @Test
    void epcsPageTokenIsChecked() throws Exception {
        JsonObject problem = assertProblem(http.get("/epcs?nextPageToken=%21%21", "application/json"), 400,
                "QueryParameterException");
        assertThat(problem.getString("detail")).startsWith("nextPageToken:");
        assertProblem(http.get("/epcs?MATCH_epc=x", "application/json"), 400, "QueryParameterException");
    }

    @Test
    void bizSteps() throws Exception {
        assertThat(members("/bizSteps")).containsExactly("commissioning", "packing", "shipping");
        assertThat(members("/bizSteps/shipping")).containsExactly("events");
        assertThat(eventIds("/bizSteps/shipping/events")).containsExactlyInAnyOrder(E2, E4);
        assertThat(eventIds("/bizSteps/" + encoded("urn:epcglobal:cbv:bizstep:shipping") + "/events"))
                .containsExactlyInAnyOrder(E2, E4);
        assertThat(eventIds("/bizSteps/" + encoded("https://ref.gs1.org/cbv/BizStep-packing") + "/events"))
                .containsExactly(E3);
        assertThat(eventIds("/bizSteps/shipping/events?EQ_disposition=in_transit&EQ_readPoint=" + encoded(SGLN_777)))
                .containsExactly(E2);
        assertProblem(http.get("/bizSteps/receiving", "application/json"), 404, "NoSuchResourceException");
        JsonObject problem = assertProblem(http.get("/bizSteps/shipping/events?EQ_bizStep=packing",
                "application/json"), 400, "QueryParameterException");
        assertThat(problem.getString("detail")).startsWith("EQ_bizStep:");
    }

    @Test
    void bizLocations() throws Exception {
        assertThat(members("/bizLocations")).containsExactlyInAnyOrder(canonical(SGLN_888), canonical(SGLN_999));
        assertThat(members("/bizLocations/" + encoded(SGLN_888))).containsExactly("events");
        assertThat(eventIds("/bizLocations/" + encoded(SGLN_888) + "/events")).containsExactlyInAnyOrder(E1, E3);
        assertThat(eventIds("/bizLocations/" + encoded(canonical(SGLN_999)) + "/events")).containsExactly(E4);
        assertProblem(http.get("/bizLocations/" + encoded(SGLN_777), "application/json"), 404,
                "NoSuchResourceException");
    }

    @Test
    void readPoints() throws Exception {
        assertThat(members("/readPoints")).containsExactlyInAnyOrder(canonical(SGLN_777), canonical(SGLN_999));
        assertThat(eventIds("/readPoints/" + encoded(canonical(SGLN_777)) + "/events"))
                .containsExactlyInAnyOrder(E1, E2);
        assertThat(eventIds("/readPoints/" + encoded(SGLN_999) + "/events")).containsExactlyInAnyOrder(E3, E4);
        assertProblem(http.get("/readPoints/" + encoded(SGLN_888) + "/events", "application/json"), 404,
                "NoSuchResourceException");
    }

    @Test
    void dispositions() throws Exception {
        assertThat(members("/dispositions")).containsExactly("active", "in_progress", "in_transit");
        assertThat(members("/dispositions/active")).containsExactly("events");
        assertThat(eventIds("/dispositions/in_transit/events")).containsExactlyInAnyOrder(E2, E4);
        assertThat(eventIds("/dispositions/" + encoded("urn:epcglobal:cbv:disp:active") + "/events"))
                .containsExactly(E1);
        assertProblem(http.get("/dispositions/destroyed", "application/json"), 404, "NoSuchResourceException");
        assertProblem(http.get("/dispositions/not%20a%20disposition/events", "application/json"), 400,
                "QueryParameterException");
    }

    @Test
    void optionsOnEveryNewPath() throws Exception {
        for (String path : List.of("/eventTypes", "/eventTypes/ObjectEvent", "/eventTypes/ObjectEvent/events",
                "/epcs", "/epcs/" + encoded(DL_2017), "/epcs/" + encoded(DL_2017) + "/events",
                "/bizSteps", "/bizSteps/shipping", "/bizSteps/shipping/events", "/bizLocations",
                "/bizLocations/x", "/bizLocations/x/events", "/readPoints", "/readPoints/x", "/readPoints/x/events",
                "/dispositions", "/dispositions/active", "/dispositions/active/events",
                "/queries/q/events")) {
            assertOptions(path, "OPTIONS, GET");
        }
        assertOptions("/queries", "OPTIONS, GET, POST");
        assertOptions("/queries/q", "OPTIONS, GET, DELETE");
    }

    @Test
    void collectionsAreJsonOnly() throws Exception {
        assertProblem(http.get("/bizSteps", "text/csv"), 406, "NotAcceptableException");
        assertProblem(http.get("/queries", "text/csv"), 406, "NotAcceptableException");
    }

    // ---- named queries ---------------------------------------------------------------------------------------

    @Test
    void namedQueryLifecycle() throws Exception {
        String definition = """
                {"name": "objects.in-transit_or_active",
                 "query": {"eventType": ["ObjectEvent"], "EQ_disposition": ["active", "in_transit"]}}""";
        HttpResponse<String> created = post(definition);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/queries/objects.in-transit_or_active");
        assertProblem(post(definition), 409, "ResourceAlreadyExistsException");

        JsonObject stored = new JsonObject(ok("/queries/objects.in-transit_or_active").body());
        assertThat(stored.getString("name")).isEqualTo("objects.in-transit_or_active");
        assertThat(stored.getJsonObject("query")).isEqualTo(new JsonObject()
                .put("eventType", new JsonArray().add("ObjectEvent"))
                .put("EQ_disposition", new JsonArray().add("active").add("in_transit")));

        HttpResponse<String> second = post("""
                {"name": "aggregations", "query": {"eventType": ["AggregationEvent"]}}""");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        // listed by name, one per page
        List<String> names = new ArrayList<>();
        String next = "/queries?perPage=1";
        while (next != null) {
            HttpResponse<String> page = ok(next);
            JsonArray list = new JsonArray(page.body());
            assertThat(list.size()).isEqualTo(1);
            names.add(list.getJsonObject(0).getString("name"));
            next = nextLink(page).orElse(null);
        }
        assertThat(names).containsExactly("aggregations", "objects.in-transit_or_active");

        // run with paging: three events, two per page
        HttpResponse<String> first = ok("/queries/objects.in-transit_or_active/events?perPage=2");
        List<String> ids = new ArrayList<>(eventIdsOf(first));
        assertThat(ids).hasSize(2);
        String link = nextLink(first).orElseThrow();
        assertThat(link).startsWith("/queries/objects.in-transit_or_active/events?");
        HttpResponse<String> last = ok(link);
        ids.addAll(eventIdsOf(last));
        assertThat(nextLink(last)).isEmpty();
        assertThat(ids).containsExactlyInAnyOrder(E1, E2, E4);
        assertThat(eventIds("/queries/aggregations/events")).containsExactly(E3);
        assertThat(eventIds("/queries/objects.in-transit_or_active/events?EQ_bizStep=commissioning"))
                .containsExactly(E1);

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(
                http.base().resolve("queries/objects.in-transit_or_active")).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertProblem(http.get("/queries/objects.in-transit_or_active", "application/json"), 404,
                "NoSuchResourceException");
        assertProblem(http.get("/queries/objects.in-transit_or_active/events", "application/json"), 404,
                "NoSuchResourceException");
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(
                http.base().resolve("queries/objects.in-transit_or_active")).DELETE().build());
        assertProblem(again, 404, "NoSuchResourceException");
        assertThat(new JsonArray(ok("/queries").body()).stream().map(q -> ((JsonObject) q).getString("name")))
                .containsExactly("aggregations");

        // a query may carry its own @context, for the prefixes of extension fields; it is kept as sent
        HttpResponse<String> withContext = post("""
                {"name": "with-context", "query": {"@context": [{"ex": "https://ns.example.com/epcis/"}],
                 "EQ_bizStep": ["packing"]}}""");
        assertThat(withContext.statusCode()).as(withContext.body()).isEqualTo(201);
        assertThat(eventIds("/queries/with-context/events")).containsExactly(E3);
        assertThat(new JsonObject(ok("/queries/with-context").body()).getJsonObject("query")
                .getJsonArray("@context").getJsonObject(0).getString("ex")).isEqualTo("https://ns.example.com/epcis/");
    }

    @Test
    void badQueryDefinitionsAre400NamingTheParameter() throws Exception {
        JsonObject badValue = assertProblem(post("""
                {"name": "bad", "query": {"EQ_bizStep": ["shipping"], "EQ_action": ["SHIP"]}}"""), 400,
                "QueryValidationException");
        assertThat(badValue.getString("detail")).contains("EQ_action");
        assertThat(badValue.getJsonArray("errors").getJsonObject(0).getString("pointer"))
                .isEqualTo("/query/EQ_action");

        JsonObject together = assertProblem(post("""
                {"name": "bad", "query": {"eventCountLimit": 2, "maxEventCount": 3}}"""), 400,
                "QueryValidationException");
        assertThat(together.getJsonArray("errors").getJsonObject(0).getString("pointer"))
                .isEqualTo("/query/eventCountLimit");

        JsonObject badName = assertProblem(post("""
                {"name": "no spaces", "query": {}}"""), 400, "QueryValidationException");
        assertThat(badName.getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/name");

        JsonObject nested = assertProblem(post("""
                {"name": "bad", "query": {"EQ_bizStep": [["shipping"]]}}"""), 400, "QueryValidationException");
        assertThat(nested.getJsonArray("errors").getJsonObject(0).getString("pointer"))
                .isEqualTo("/query/EQ_bizStep/0");

        JsonObject notJson = assertProblem(post("{\"name\": \"bad\",\n \"query\": {"), 400,
                "QueryValidationException");
        assertThat(notJson.getJsonArray("errors").getJsonObject(0).getInteger("line")).isEqualTo(2);

        assertProblem(http.get("/queries/bad", "application/json"), 404, "NoSuchResourceException");
        HttpResponse<String> xml = http.send(HttpRequest.newBuilder(http.base().resolve("queries"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<query/>")).build());
        assertProblem(xml, 415, "UnsupportedMediaTypeException");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(http.base().resolve("queries"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> ok(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.get(path, "application/json");
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("GS1-EPCIS-Version")).hasValue("2.0.0");
        return response;
    }

    private List<String> members(String path) throws IOException, InterruptedException {
        JsonObject collection = new JsonObject(ok(path).body());
        assertThat(collection.getString("type")).isEqualTo("Collection");
        List<String> members = new ArrayList<>();
        collection.getJsonArray("member").forEach(m -> members.add((String) m));
        return members;
    }

    private List<String> eventIds(String path) throws IOException, InterruptedException {
        return eventIdsOf(ok(path));
    }

    private static List<String> eventIdsOf(HttpResponse<String> response) {
        JsonArray events = new JsonObject(response.body()).getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList");
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(((JsonObject) e).getString("eventID")));
        return ids;
    }

    private static Optional<String> nextLink(HttpResponse<String> response) {
        return response.headers().firstValue("Link").map(NEXT_LINK::matcher).filter(Matcher::find)
                .map(m -> m.group(1));
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status, String exception) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:" + exception);
        return problem;
    }

    private void assertOptions(String path, String allow) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.base().resolve(path.substring(1)))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as("OPTIONS %s", path).isEqualTo(204);
        assertThat(response.headers().firstValue("Allow")).as("OPTIONS %s", path).hasValue(allow);
        assertThat(response.headers().firstValue("GS1-EPCIS-Min")).as("OPTIONS %s", path).hasValue("2.0.0");
        assertThat(response.headers().firstValue("GS1-Vendor-Version")).as("OPTIONS %s", path).isPresent();
    }

    private static String canonical(String identifier) {
        return Epc.parse(identifier).canonical();
    }

    /** A URI as one path segment, every reserved character percent-encoded. */
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String document() {
        return """
                {
                  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                  "type": "EPCISDocument",
                  "schemaVersion": "2.0",
                  "creationDate": "2024-03-01T10:00:00Z",
                  "epcisBody": {"eventList": [
                    {"type": "ObjectEvent", "eventID": "%s", "action": "ADD",
                     "eventTime": "2024-03-01T08:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                     "epcList": ["%s"], "bizStep": "commissioning", "disposition": "active",
                     "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"}},
                    {"type": "ObjectEvent", "eventID": "%s", "action": "OBSERVE",
                     "eventTime": "2024-03-01T09:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                     "epcList": ["%s", "%s"], "bizStep": "shipping", "disposition": "in_transit",
                     "readPoint": {"id": "%s"}},
                    {"type": "AggregationEvent", "eventID": "%s", "action": "ADD",
                     "eventTime": "2024-03-01T10:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                     "parentID": "%s", "childEPCs": ["%s"], "bizStep": "packing", "disposition": "in_progress",
                     "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"}},
                    {"type": "ObjectEvent", "eventID": "%s", "action": "OBSERVE",
                     "eventTime": "2024-03-01T11:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                     "epcList": ["%s"], "bizStep": "shipping", "disposition": "in_transit",
                     "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"}}
                  ]}
                }""".formatted(
                E1, SGTIN_2017, SGLN_777, SGLN_888,
                E2, DL_2017, SGTIN_2018, SGLN_777,
                E3, SSCC, SGTIN_2019, SGLN_999, SGLN_888,
                E4, SGTIN_2020, SGLN_999, SGLN_999);
    }
}
