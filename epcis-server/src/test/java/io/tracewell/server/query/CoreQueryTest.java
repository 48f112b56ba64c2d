package io.tracewell.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GET /events with the fixed-name parameters, MATCH_ in URN and Digital Link form, WD_ over captured master data,
 * ordering and the count limits, on a real server and MariaDB. Every case asserts the exact answer, built on
 * events where the parameter changes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreQueryTest {

    private static final Path DATA = Path.of("target", "core query test").toAbsolutePath();
    private static final String A1 = "urn:epc:id:sgtin:0614141.107346.1";
    private static final String A2 = "urn:epc:id:sgtin:0614141.107346.2";
    private static final String A3 = "urn:epc:id:sgtin:0614141.107346.3";
    private static final String A1_DL = "https://id.gs1.org/01/10614141073464/21/1";
    private static final String SSCC = "urn:epc:id:sscc:0614141.1234567890";
    private static final String OUT = "urn:epc:id:sgtin:0614141.107347.9";
    private static final String RP_PARENT = "urn:epc:id:sgln:0614141.00001.0";
    private static final String RP_CHILD = "urn:epc:id:sgln:0614141.00003.0";
    private static final String RP_GRANDCHILD = "urn:epc:id:sgln:0614141.00004.0";
    private static final String LOC = "urn:epc:id:sgln:0614141.00002.0";

    private TestServers servers;
    private CaptureHttp http;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        http = new CaptureHttp(servers.main().baseUri());
        String location = CaptureHttp.accepted(http.capture("application/ld+json", null, document()));
        JsonObject job = http.awaitFinished(location, Duration.ofSeconds(60));
        assertThat(job.getBoolean("success")).as(job.encode()).isTrue();
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void everythingWithoutParametersInStorageOrder() throws Exception {
        assertThat(ids("")).containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
    }

    @Test
    void answersTellWhereTheirTimeWent() throws Exception {
        HttpResponse<String> r = get("EQ_action=ADD");
        assertThat(r.statusCode()).isEqualTo(200);
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "sql;dur=(\\d+\\.\\d{3}), read;dur=(\\d+\\.\\d{3}), write;dur=(\\d+\\.\\d{3}),"
                        + " total;dur=(\\d+\\.\\d{3})").matcher(timing);
        assertThat(m.matches()).as(timing).isTrue();
        double parts = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2))
                + Double.parseDouble(m.group(3));
        assertThat(Double.parseDouble(m.group(4))).as(timing).isGreaterThanOrEqualTo(parts - 0.003)
                .isGreaterThan(0);
    }

    @Test
    void eventTypeAndAction() throws Exception {
        assertThat(ids("eventType=AggregationEvent|TransformationEvent")).containsExactly("c3", "c4");
        assertThat(ids("EQ_action=ADD")).containsExactly("c1", "c3");
        assertThat(ids("EQ_action=OBSERVE|DELETE")).containsExactly("c2", "c5", "c6");
    }

    @Test
    void timesCompareAsInstantsWhateverTheOffset() throws Exception {
        assertThat(ids("GE_eventTime=2024-05-01T10:00:00Z&LT_eventTime=2024-05-01T12:00:00Z"))
                .containsExactly("c3", "c4");
        // 11:30+02:00 is 09:30Z; a '+' in the URL stays a plus sign
        assertThat(ids("LT_eventTime=2024-05-01T11:30:00+02:00")).containsExactly("c1", "c2");
        assertThat(ids("GE_recordTime=2000-01-01T00:00:00Z&LT_recordTime=2000-01-02T00:00:00Z")).isEmpty();
        assertThat(ids("GE_recordTime=2000-01-01T00:00:00Z")).hasSize(6);
    }

    @Test
    void bizStepAndDispositionInAnySpelling() throws Exception {
        assertThat(ids("EQ_bizStep=shipping")).containsExactly("c2");
        assertThat(ids("EQ_bizStep=urn:epcglobal:cbv:bizstep:commissioning|https://ref.gs1.org/cbv/BizStep-packing"))
                .containsExactly("c1", "c3");
        assertThat(ids("EQ_disposition=in_transit")).containsExactly("c2");
    }

    @Test
    void persistentDispositionSetAndUnset() throws Exception {
        assertThat(ids("EQ_persistentDisposition_set=completeness_verified")).containsExactly("c1");
        assertThat(ids("EQ_persistentDisposition_unset=completeness_verified")).containsExactly("c2");
    }

    @Test
    void readPointAndBizLocationEqualAndWithDescendants() throws Exception {
        assertThat(ids("EQ_readPoint=" + RP_PARENT)).containsExactly("c1");
        assertThat(ids("EQ_readPoint=" + RP_CHILD)).containsExactly("c2");
        // master data: 00001 has child 00003, which has child 00004
        assertThat(ids("WD_readPoint=" + RP_PARENT)).containsExactly("c1", "c2", "c5");
        assertThat(ids("WD_readPoint=" + RP_CHILD)).containsExactly("c2", "c5");
        assertThat(ids("EQ_bizLocation=" + LOC)).containsExactly("c1", "c2");
        // the same location written as a Digital Link
        assertThat(ids("EQ_bizLocation=" + PathSegments.encode("https://id.gs1.org/414/0614141000029")))
                .containsExactly("c1", "c2");
    }

    @Test
    void matchInUrnAndDigitalLinkFormAndByRole() throws Exception {
        assertThat(ids("MATCH_epc=" + A1)).containsExactly("c1", "c3");
        assertThat(ids("MATCH_epc=" + PathSegments.encode(A1_DL))).containsExactly("c1", "c3");
        assertThat(ids("MATCH_parentID=" + SSCC)).containsExactly("c3");
        assertThat(ids("MATCH_inputEPC=" + A3)).containsExactly("c4");
        assertThat(ids("MATCH_outputEPC=" + OUT)).containsExactly("c4");
        assertThat(ids("MATCH_anyEPC=" + A3)).containsExactly("c2", "c4", "c6");
        assertThat(ids("MATCH_anyEPC=" + SSCC + "|" + OUT)).containsExactly("c3", "c4");
        // a class-level pattern covers every serial of the GTIN, in every instance role
        assertThat(ids("MATCH_anyEPC=urn:epc:idpat:sgtin:0614141.107346.*")).containsExactly("c1", "c2", "c3", "c4",
                "c6");
        assertThat(ids("MATCH_epcClass=urn:epc:class:lgtin:0614141.107346.LOT1")).containsExactly("c5");
        assertThat(ids("MATCH_anyEPCClass=urn:epc:idpat:sgtin:0614141.107346.*")).containsExactly("c5");
    }

    @Test
    void transformationIdAndEventId() throws Exception {
        assertThat(ids("EQ_transformationID=urn:uuid:tf-1")).containsExactly("c4");
        assertThat(ids("EQ_eventID=urn:test:c2|urn:test:c5")).containsExactly("c2", "c5");
    }

    @Test
    void errorDeclarations() throws Exception {
        assertThat(ids("EXISTS_errorDeclaration=")).containsExactly("c6");
        assertThat(ids("GE_errorDeclarationTime=2024-05-02T00:00:00Z")).containsExactly("c6");
        assertThat(ids("LT_errorDeclarationTime=2024-05-02T00:00:00Z")).isEmpty();
        assertThat(ids("EQ_errorReason=incorrect_data")).containsExactly("c6");
        assertThat(ids("EQ_errorReason=did_not_occur")).isEmpty();
        assertThat(ids("EQ_correctiveEventID=urn:uuid:core-c7")).containsExactly("c6");
    }

    @Test
    void parametersAreAnded() throws Exception {
        assertThat(ids("EQ_action=ADD&MATCH_epc=" + A1)).containsExactly("c1", "c3");
        assertThat(ids("EQ_action=ADD&MATCH_epc=" + A1 + "&eventType=ObjectEvent")).containsExactly("c1");
    }

    @Test
    void orderByAndEventCountLimit() throws Exception {
        assertThat(ids("orderBy=eventTime")).containsExactly("c6", "c5", "c4", "c3", "c2", "c1");
        assertThat(ids("orderBy=eventTime&orderDirection=ASC&eventCountLimit=2")).containsExactly("c1", "c2");
        assertThat(ids("orderBy=eventTime&eventCountLimit=2")).containsExactly("c6", "c5");
    }

    @Test
    void maxEventCountRefusesTooLargeAnswers() throws Exception {
        assertThat(ids("maxEventCount=6")).hasSize(6);
        HttpResponse<String> tooMany = get("maxEventCount=5");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(tooMany.body()).getString("type"))
                .isEqualTo("epcisException:QueryTooLargeException");
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        for (String query : List.of("EQ_action=SHIP", "GE_eventTime=yesterday", "orderDirection=UP&orderBy=eventTime",
                "eventCountLimit=2&maxEventCount=3&orderBy=eventTime", "NO_such=1", "EQ_action=ADD&EQ_action=OBSERVE",
                "perPage=0", "nextPageToken=abc")) {
            HttpResponse<String> response = get(query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            JsonObject problem = new JsonObject(response.body());
            assertThat(problem.getString("type")).as(query).isEqualTo("epcisException:QueryParameterException");
            String name = query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('='));
            if (query.startsWith("eventCountLimit")) {
                name = "eventCountLimit";
            } else if (query.startsWith("orderDirection")) {
                name = "orderDirection";
            } else if (query.startsWith("EQ_action=ADD&")) {
                name = "EQ_action";
            }
            assertThat(problem.getString("detail")).as(query).startsWith(name + ": ");
        }
    }

    @Test
    void pagesFollowTheLinkToTheEndAndATamperedTokenIs400() throws Exception {
        List<String> seen = new ArrayList<>();
        String next = "/events?perPage=4";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = http.get(next, "application/json");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            seen.addAll(eventIds(response.body()));
            next = response.headers().firstValue("Link").map(CoreQueryTest::linkTarget).orElse(null);
            if (next != null) {
                assertThat(response.headers().firstValue("GS1-Next-Page-Token-Expires")).isPresent();
                String token = next.substring(next.indexOf("nextPageToken=") + 14);
                char c = token.charAt(5);
                String tampered = next.replace(token, token.substring(0, 5) + (c == 'A' ? 'B' : 'A')
                        + token.substring(6));
                HttpResponse<String> bad = http.get(tampered, "application/json");
                assertThat(bad.statusCode()).isEqualTo(400);
                assertThat(bad.body()).contains("nextPageToken");
            }
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
    }

    @Test
    void aTokenDoesNotContinueAnotherQuery() throws Exception {
        HttpResponse<String> first = http.get("/events?perPage=2&EQ_action=OBSERVE", "application/json");
        String link = linkTarget(first.headers().firstValue("Link").orElseThrow());
        String token = link.substring(link.indexOf("nextPageToken=") + 14);
        HttpResponse<String> other = http.get("/events?perPage=2&EQ_action=ADD&nextPageToken=" + token,
                "application/json");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("belongs to a query with other parameters");
    }

    @Test
    void releasingATokenSucceedsAsTokensHoldNoState() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.base().resolve("nextPageToken/abc"))
                .DELETE().build());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("GS1-EPCIS-Version")).hasValue("2.0.0");
    }

    @Test
    void xmlOnRequest() throws Exception {
        HttpResponse<String> response = http.get("/events?EQ_eventID=urn:test:c3", "application/xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("EPCISQueryDocument").contains("<AggregationEvent>");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static String linkTarget(String link) {
        return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
    }

    private List<String> ids(String query) throws Exception {
        HttpResponse<String> response = get(query + (query.isEmpty() ? "" : "&") + "perPage=100");
        assertThat(response.statusCode()).as("GET /events?%s: %s", query, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Link")).as("one page").isEmpty();
        return eventIds(response.body());
    }

    static List<String> eventIds(String body) {
        JsonArray events = new JsonObject(body).getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            // urn:test:c1 -> c1
            ids.add(events.getJsonObject(i).getString("eventID").replace("urn:test:", ""));
        }
        return ids;
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(http.base().resolve("events?" + query.replace("|", "%7C")))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build());
    }

    private static String document() {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-03T00:00:00Z",
                 "epcisHeader": {"epcisMasterData": {"vocabularyList": [
                   {"type": "urn:epcglobal:epcis:vtype:ReadPoint", "vocabularyElementList": [
                     {"id": "%6$s", "children": ["%7$s"]},
                     {"id": "%7$s", "children": ["%8$s"]}]}]}},
                 "epcisBody": {"eventList": [
                  {"type": "ObjectEvent", "eventID": "urn:test:c1", "eventTime": "2024-05-01T08:00:00Z",
                   "eventTimeZoneOffset": "+02:00", "action": "ADD", "epcList": ["%1$s", "%2$s"],
                   "bizStep": "commissioning", "disposition": "active", "readPoint": {"id": "%6$s"},
                   "bizLocation": {"id": "%9$s"}, "persistentDisposition": {"set": ["completeness_verified"]}},
                  {"type": "ObjectEvent", "eventID": "urn:test:c2", "eventTime": "2024-05-01T09:00:00Z",
                   "eventTimeZoneOffset": "+02:00", "action": "OBSERVE", "epcList": ["%3$s"],
                   "bizStep": "shipping", "disposition": "in_transit", "readPoint": {"id": "%7$s"},
                   "bizLocation": {"id": "%9$s"}, "persistentDisposition": {"unset": ["completeness_verified"]}},
                  {"type": "AggregationEvent", "eventID": "urn:test:c3", "eventTime": "2024-05-01T10:00:00Z",
                   "eventTimeZoneOffset": "+02:00", "action": "ADD", "parentID": "%4$s", "childEPCs": ["%1$s", "%2$s"],
                   "bizStep": "packing"},
                  {"type": "TransformationEvent", "eventID": "urn:test:c4", "eventTime": "2024-05-01T11:00:00Z",
                   "eventTimeZoneOffset": "+02:00", "inputEPCList": ["%3$s"], "outputEPCList": ["%5$s"],
                   "transformationID": "urn:uuid:tf-1"},
                  {"type": "ObjectEvent", "eventID": "urn:test:c5", "eventTime": "2024-05-01T12:00:00Z",
                   "eventTimeZoneOffset": "+02:00", "action": "OBSERVE", "epcList": [],
                   "quantityList": [{"epcClass": "urn:epc:class:lgtin:0614141.107346.LOT1", "quantity": 10, "uom": "KGM"}],
                   "bizStep": "receiving", "readPoint": {"id": "%8$s"}},
                  {"type": "ObjectEvent", "eventID": "urn:test:c6", "eventTime": "2024-05-01T13:00:00Z",
                   "eventTimeZoneOffset": "+02:00", "action": "OBSERVE", "epcList": ["%3$s"],
                   "errorDeclaration": {"declarationTime": "2024-05-02T00:00:00Z", "reason": "incorrect_data",
                     "correctiveEventIDs": ["urn:uuid:core-c7"]}}
                 ]}}
                """.formatted(A1, A2, A3, SSCC, OUT, RP_PARENT, RP_CHILD, RP_GRANDCHILD, LOC);
    }
}
