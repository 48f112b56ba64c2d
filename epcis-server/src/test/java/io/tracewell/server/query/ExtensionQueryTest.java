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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /events} with the extension-field and master-data parameters, on a real server: events with
 * extensions in every place the store flattens (event, ILMD, error declaration, sensor element, metadata and
 * report, read point, business location; top level and nested) and master data captured in document headers.
 * Each query is checked for its exact set of events, which differs from the set without the parameter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionQueryTest {

    private static final Path DATA = Path.of("target", "extension query test").toAbsolutePath();
    private static final String EX = "https://ns.example.com/epcis/";
    private static final String EX2 = "http://ns2.example.com/epcis#";
    private static final String HEADER = "ex=" + EX + ", ex2=" + EX2;

    private static final String E1 = "urn:uuid:6a1c0000-0000-4000-8000-000000000001";
    private static final String E2 = "urn:uuid:6a1c0000-0000-4000-8000-000000000002";
    private static final String E3 = "urn:uuid:6a1c0000-0000-4000-8000-000000000003";
    private static final String E4 = "urn:uuid:6a1c0000-0000-4000-8000-000000000004";
    private static final String E5 = "urn:uuid:6a1c0000-0000-4000-8000-000000000005";
    /** Captured with the second document, which redefines master data. */
    private static final String E6 = "urn:uuid:6a1c0000-0000-4000-8000-000000000006";
    private static final Set<String> ALL = Set.of(E1, E2, E3, E4, E5, E6);

    private static final String SST = "urn:epcglobal:cbv:mda#sst";
    private static final String NAME = "urn:epcglobal:cbv:mda#name";

    private TestServers servers;
    private CaptureHttp http;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        http = new CaptureHttp(servers.main().baseUri());
        capture(firstDocument());
        capture(secondDocument());
        assertThat(ids("/events", null)).isEqualTo(ALL);
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    // ---- top-level event extensions ------------------------------------------------------------------------

    @Test
    void eqWithCuriesBoundByTheHeader() throws Exception {
        assertThat(query(HEADER, "EQ_ex:lot", "LOT-1")).containsExactly(E1);
        assertThat(query(HEADER, "EQ_ex:lot", "LOT-1|LOT-2")).containsExactlyInAnyOrder(E1, E2);
        // the same local name in another namespace is another field
        assertThat(query(HEADER, "EQ_ex2:lot", "LOT-1")).containsExactly(E4);
    }

    @Test
    void theHeaderAlsoReadsInTheQuotedForm() throws Exception {
        assertThat(query("\"ex2\":\"" + EX2 + "\"", "EQ_ex2:lot", "LOT-1")).containsExactly(E4);
    }

    @Test
    void namespaceHashLocalNameAndAbsoluteIriNeedNoHeader() throws Exception {
        assertThat(query(null, "EQ_http://ns2.example.com/epcis#lot", "LOT-1")).containsExactly(E4);
        assertThat(query(null, "EQ_https://ns.example.com/epcis/#lot", "LOT-1")).containsExactly(E1);
        assertThat(query(null, "EQ_https://ns.example.com/epcis/lot", "LOT-1")).containsExactly(E1);
    }

    @Test
    void numericComparisons() throws Exception {
        assertThat(query(HEADER, "GT_ex:temp", "10")).containsExactly(E2);
        assertThat(query(HEADER, "GE_ex:temp", "12.5")).containsExactly(E2);
        assertThat(query(HEADER, "LT_ex:temp", "12.5")).containsExactly(E1);
        assertThat(query(HEADER, "LE_ex:temp", "12.5")).containsExactlyInAnyOrder(E1, E2);
        assertThat(query(HEADER, "EQ_ex:temp", "5.00")).containsExactly(E1);
    }

    @Test
    void timeComparisons() throws Exception {
        assertThat(query(HEADER, "GE_ex:madeAt", "2024-03-01T12:00:00Z")).containsExactly(E2);
        assertThat(query(HEADER, "LT_ex:madeAt", "2024-03-01T09:30:00Z")).containsExactly(E1);
        // the same instant written with another offset
        assertThat(query(HEADER, "EQ_ex:madeAt", "2024-03-01T09:00:00Z")).containsExactly(E1);
    }

    @Test
    void existsTopLevelOnly() throws Exception {
        assertThat(query(HEADER, "EXISTS_ex:lot", "")).containsExactlyInAnyOrder(E1, E2);
        assertThat(query(HEADER, "EXISTS_ex:inner", "")).isEmpty();
    }

    // ---- ILMD and INNER -----------------------------------------------------------------------------------

    @Test
    void ilmdFields() throws Exception {
        assertThat(query(HEADER, "EQ_ILMD_ex:batch", "B2")).containsExactly(E2);
        assertThat(query(HEADER, "EXISTS_ILMD_ex:batch", "")).containsExactlyInAnyOrder(E1, E2);
        assertThat(query(HEADER, "GT_ILMD_ex:bestBefore", "2025-06-01T00:00:00Z")).containsExactly(E2);
        // an ILMD field is not a top-level event field
        assertThat(query(HEADER, "EQ_ex:batch", "B1")).isEmpty();
    }

    @Test
    void innerFields() throws Exception {
        assertThat(query(HEADER, "EQ_INNER_ex:inner", "I1")).containsExactly(E1);
        assertThat(query(HEADER, "EXISTS_INNER_ex:inner", "")).containsExactlyInAnyOrder(E1, E2);
        assertThat(query(HEADER, "GE_INNER_ex:count", "3")).containsExactly(E2);
        assertThat(query(HEADER, "EQ_INNER_ILMD_ex:country", "DE")).containsExactly(E1);
        assertThat(query(HEADER, "EQ_ex:inner", "I1")).isEmpty();
    }

    // ---- error declaration and sensors ----------------------------------------------------------------------

    @Test
    void errorDeclarationFields() throws Exception {
        assertThat(query(HEADER, "EQ_ERROR_DECLARATION_ex:ticket", "T-9")).containsExactly(E3);
        assertThat(query(HEADER, "EXISTS_ERROR_DECLARATION_ex:ticket", "")).containsExactly(E3);
        assertThat(query(HEADER, "EQ_INNER_ERROR_DECLARATION_ex:code", "C1")).containsExactly(E3);
        assertThat(query(HEADER, "EQ_ERROR_DECLARATION_ex:code", "C1")).isEmpty();
    }

    @Test
    void sensorFields() throws Exception {
        assertThat(query(HEADER, "EXISTS_SENSORREPORT_ex:probe", "")).containsExactlyInAnyOrder(E2, E3);
        assertThat(query(HEADER, "EQ_SENSORREPORT_ex:probe", "P1")).containsExactly(E3);
        assertThat(query(HEADER, "EQ_SENSORMETADATA_ex:calib", "CAL-2")).containsExactly(E2);
        assertThat(query(HEADER, "EQ_SENSORELEMENT_ex:unit", "U1")).containsExactly(E3);
        assertThat(query(HEADER, "GT_SENSORREPORT_ex:drift", "0.5")).containsExactly(E2);
        assertThat(query(HEADER, "EQ_INNER_SENSORREPORT_ex:serial", "S1")).containsExactly(E3);
    }

    // ---- read point and business location ------------------------------------------------------------------

    @Test
    void locationFields() throws Exception {
        assertThat(query(HEADER, "EQ_readPoint_ex:dock", "D1")).containsExactly(E1);
        assertThat(query(HEADER, "EQ_INNER_readPoint_ex:bay", "B-3")).containsExactly(E1);
        assertThat(query(HEADER, "EQ_bizLocation_ex:zone", "Z2")).containsExactly(E2);
        assertThat(query(HEADER, "EQ_INNER_bizLocation_ex:shelf", "S-4")).containsExactly(E2);
        // a read point field is not an event field
        assertThat(query(HEADER, "EQ_ex:dock", "D1")).isEmpty();
    }

    // ---- master data ---------------------------------------------------------------------------------------

    @Test
    void hasAttrUsesTheCurrentMasterData() throws Exception {
        // 0614141.00889.0 (E2) had sst in the first document; the second redefined it without
        assertThat(query(null, "HASATTR_bizLocation", SST)).containsExactly(E1);
        assertThat(query(null, "HASATTR_bizLocation", SST + "|" + NAME)).containsExactlyInAnyOrder(E1, E2);
        assertThat(query(null, "HASATTR_readPoint", NAME)).containsExactlyInAnyOrder(E1, E3);
    }

    @Test
    void eqAttr() throws Exception {
        assertThat(query(null, "EQATTR_bizLocation_" + SST, "201")).containsExactly(E1);
        assertThat(query(null, "EQATTR_bizLocation_" + SST, "202")).isEmpty();
        assertThat(query(null, "EQATTR_bizLocation_" + NAME, "Store B|Plant A")).containsExactlyInAnyOrder(E1, E2);
        assertThat(query(null, "EQATTR_readPoint_" + NAME, "Dock 7")).containsExactlyInAnyOrder(E1, E3);
    }

    // ---- together with other parameters, and errors ---------------------------------------------------------

    @Test
    void combinesWithOtherParameters() throws Exception {
        assertThat(ids("/events?EQ_bizStep=shipping&" + param("EXISTS_ex:lot", ""), HEADER)).containsExactly(E2);
    }

    @Test
    void undeclaredPrefixIs400NamingParameterAndPrefix() throws Exception {
        HttpResponse<String> response = get("/events?" + param("EQ_ex:lot", "LOT-1"), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("QueryParameterException").contains("EQ_ex:lot").contains("\\\"ex\\\"");
    }

    @Test
    void malformedHeaderIs400NamingTheHeader() throws Exception {
        HttpResponse<String> response = get("/events?" + param("EQ_ex:lot", "LOT-1"), "ex=not an iri");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("QueryParameterException").contains("GS1-Extensions");
    }

    @Test
    void comparisonWithAWordIs400() throws Exception {
        HttpResponse<String> response = get("/events?" + param("GT_ex:temp", "warm"), HEADER);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("GT_ex:temp").contains("warm");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private List<String> query(String header, String name, String value) throws Exception {
        return new ArrayList<>(ids("/events?" + param(name, value), header));
    }

    /** One URL parameter, percent-encoded; a value list keeps its '|' (as %7C, which the server decodes first). */
    private static String param(String name, String value) {
        return PathSegments.encode(name) + "=" + PathSegments.encode(value);
    }

    private Set<String> ids(String pathAndQuery, String header) throws Exception {
        HttpResponse<String> response = get(pathAndQuery, header);
        assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
        JsonArray events = new JsonObject(response.body()).getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList");
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < events.size(); i++) {
            ids.add(events.getJsonObject(i).getString("eventID"));
        }
        assertThat(ids).as("one page holds every answer").hasSize(events.size());
        return ids;
    }

    private HttpResponse<String> get(String pathAndQuery, String header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.base().resolve(pathAndQuery.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/ld+json")
                .GET();
        if (header != null) {
            request.header("GS1-Extensions", header);
        }
        return http.send(request.build());
    }

    private void capture(String document) throws Exception {
        String location = CaptureHttp.accepted(http.capture("application/ld+json", null, document));
        JsonObject job = http.awaitFinished(location, Duration.ofSeconds(60));
        assertThat(job.getBoolean("success")).as("capture job %s", job).isTrue();
    }

    private static String context() {
        return "\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
                + " {\"ex\": \"" + EX + "\"}, {\"ex2\": \"" + EX2 + "\"}]";
    }

    private static String vocabulary(String type, String elements) {
        return "{\"type\": \"" + type + "\", \"vocabularyElementList\": [" + elements + "]}";
    }

    private static String element(String id, String attributes) {
        return "{\"id\": \"" + id + "\", \"attributes\": [" + attributes + "]}";
    }

    private static String attribute(String id, String value) {
        return "{\"id\": \"" + id + "\", \"attribute\": \"" + value + "\"}";
    }

    private static String firstDocument() {
        String masterData = "\"epcisHeader\": {\"epcisMasterData\": {\"vocabularyList\": ["
                + vocabulary("urn:epcglobal:epcis:vtype:BusinessLocation",
                        element("urn:epc:id:sgln:0614141.00888.0", attribute(SST, "201") + ", "
                                + attribute(NAME, "Plant A"))
                        + ", " + element("urn:epc:id:sgln:0614141.00889.0", attribute(SST, "202")))
                + ", " + vocabulary("urn:epcglobal:epcis:vtype:ReadPoint",
                        element("urn:epc:id:sgln:0614141.00777.0", attribute(NAME, "Dock 7")))
                + "]}}";
        String e1 = """
                {"type": "ObjectEvent", "eventID": "%s",
                 "eventTime": "2024-03-01T10:00:00.000+01:00", "eventTimeZoneOffset": "+01:00",
                 "epcList": ["urn:epc:id:sgtin:0614141.107346.2017"], "action": "ADD", "bizStep": "commissioning",
                 "readPoint": {"id": "urn:epc:id:sgln:0614141.00777.0", "ex:dock": "D1",
                               "ex:dockInfo": {"ex:bay": "B-3"}},
                 "bizLocation": {"id": "urn:epc:id:sgln:0614141.00888.0", "ex:zone": "Z1"},
                 "ilmd": {"ex:batch": "B1", "ex:bestBefore": "2025-01-01T00:00:00Z",
                          "ex:origin": {"ex:country": "DE"}},
                 "ex:lot": "LOT-1", "ex:temp": 5, "ex:madeAt": "2024-03-01T10:00:00+01:00",
                 "ex:pack": {"ex:inner": "I1", "ex:count": 2}}
                """.formatted(E1);
        String e2 = """
                {"type": "ObjectEvent", "eventID": "%s",
                 "eventTime": "2024-03-02T10:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                 "epcList": ["urn:epc:id:sgtin:0614141.107346.2018"], "action": "ADD", "bizStep": "shipping",
                 "readPoint": {"id": "urn:epc:id:sgln:0614141.00999.0", "ex:dock": "D2"},
                 "bizLocation": {"id": "urn:epc:id:sgln:0614141.00889.0", "ex:zone": "Z2",
                                 "ex:area": {"ex:shelf": "S-4"}},
                 "ilmd": {"ex:batch": "B2", "ex:bestBefore": "2026-01-01T00:00:00Z"},
                 "sensorElementList": [{
                   "sensorMetadata": {"time": "2024-03-02T09:00:00Z", "ex:calib": "CAL-2"},
                   "sensorReport": [{"type": "Temperature", "value": 6, "uom": "CEL", "ex:probe": "P2",
                                     "ex:drift": 0.75}]}],
                 "ex:lot": "LOT-2", "ex:temp": 12.5, "ex:madeAt": "2024-03-02T10:00:00Z",
                 "ex:pack": {"ex:inner": "I2", "ex:count": 4}}
                """.formatted(E2);
        String e3 = """
                {"type": "ObjectEvent", "eventID": "%s",
                 "eventTime": "2024-03-03T10:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                 "epcList": ["urn:epc:id:sgtin:0614141.107346.2019"], "action": "OBSERVE", "bizStep": "shipping",
                 "readPoint": {"id": "urn:epc:id:sgln:0614141.00777.0"},
                 "errorDeclaration": {"declarationTime": "2024-03-04T10:00:00Z", "reason": "incorrect_data",
                                      "ex:ticket": "T-9", "ex:detail": {"ex:code": "C1"}},
                 "sensorElementList": [{
                   "sensorMetadata": {"time": "2024-03-03T09:00:00Z", "ex:calib": "CAL-1"},
                   "sensorReport": [{"type": "Temperature", "value": 4, "uom": "CEL", "ex:probe": "P1",
                                     "ex:drift": 0.25, "ex:probeInfo": {"ex:serial": "S1"}}],
                   "ex:unit": "U1"}]}
                """.formatted(E3);
        String e4 = """
                {"type": "ObjectEvent", "eventID": "%s",
                 "eventTime": "2024-03-04T10:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                 "epcList": ["urn:epc:id:sgtin:0614141.107346.2020"], "action": "OBSERVE",
                 "ex2:lot": "LOT-1"}
                """.formatted(E4);
        String e5 = """
                {"type": "ObjectEvent", "eventID": "%s",
                 "eventTime": "2024-03-05T10:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                 "epcList": ["urn:epc:id:sgtin:0614141.107346.2021"], "action": "OBSERVE", "bizStep": "shipping",
                 "bizLocation": {"id": "urn:epc:id:sgln:0614141.00999.0"}}
                """.formatted(E5);
        return "{" + context() + ", \"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\","
                + " \"creationDate\": \"2024-03-06T00:00:00Z\", " + masterData + ","
                + " \"epcisBody\": {\"eventList\": [" + String.join(",", e1, e2, e3, e4, e5) + "]}}";
    }

    /** Redefines 0614141.00889.0 without sst; its current definition is this one. */
    private static String secondDocument() {
        String masterData = "\"epcisHeader\": {\"epcisMasterData\": {\"vocabularyList\": ["
                + vocabulary("urn:epcglobal:epcis:vtype:BusinessLocation",
                        element("urn:epc:id:sgln:0614141.00889.0", attribute(NAME, "Store B")))
                + "]}}";
        String e = """
                {"type": "ObjectEvent", "eventID": "%s",
                 "eventTime": "2024-03-06T10:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                 "epcList": ["urn:epc:id:sgtin:0614141.107346.2022"], "action": "DELETE"}
                """.formatted(E6);
        return "{" + context() + ", \"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\","
                + " \"creationDate\": \"2024-03-06T00:00:00Z\", " + masterData + ","
                + " \"epcisBody\": {\"eventList\": [" + e + "]}}";
    }
}
