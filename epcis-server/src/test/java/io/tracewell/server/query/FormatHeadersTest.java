package io.tracewell.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code GS1-EPC-Format} and {@code GS1-CBV-XML-Format} request headers over real HTTP, on every kind of
 * response that carries events: {@code GET /events}, {@code GET /events/{eventID}}, a resource's events and a named
 * query's events. The server of this test holds two events whose identifiers were captured partly as EPC URIs and
 * partly as Digital Links, so that each form visibly changes the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatHeadersTest {

    private static final Path DATA = Path.of("target", "format headers test").toAbsolutePath();

    private static final String E1 = "urn:uuid:3a7e1b0c-52d4-4f0e-8c1a-00000000f001";
    private static final String E2 = "urn:uuid:3a7e1b0c-52d4-4f0e-8c1a-00000000f002";

    private static final String SGTIN_URN = "urn:epc:id:sgtin:4012345.011111.987";
    private static final String SGTIN_DL = "https://id.gs1.org/01/04012345111118/21/987";
    /** Captured as a Digital Link; its company prefix length is known to nobody, so it has no URN here. */
    private static final String SGTIN_988_DL = "https://id.gs1.org/01/04012345111118/21/988";
    private static final String SSCC_URN = "urn:epc:id:sscc:4012345.3111111111";
    private static final String SSCC_DL = "https://id.gs1.org/00/340123451111111111";
    private static final String LGTIN_URN = "urn:epc:class:lgtin:4012345.012345.998877";
    private static final String LGTIN_DL = "https://id.gs1.org/01/04012345123456/10/998877";
    private static final String SGLN_URN = "urn:epc:id:sgln:4012345.00005.0";
    private static final String SGLN_DL = "https://id.gs1.org/414/4012345000054";
    private static final String SGLN_EXT_URN = "urn:epc:id:sgln:4012345.00005.122";
    private static final String SGLN_EXT_DL = "https://id.gs1.org/414/4012345000054/254/122";
    private static final String PGLN_URN = "urn:epc:id:pgln:4000001.00000";
    private static final String PGLN_DL = "https://id.gs1.org/417/4000001000005";
    private static final String BT = "urn:epcglobal:cbv:bt:4012345000054:PO-1";

    private static final String ALL_EPC_FORMATS =
            "No_Preference, Always_GS1_Digital_Link, Always_EPC_URN, Never_Translates";

    private TestServers servers;
    private CaptureHttp http;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        http = new CaptureHttp(servers.main().baseUri());
        HttpResponse<String> first = http.event("application/ld+json", """
                {
                  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                  "type": "ObjectEvent", "eventID": "%s", "action": "OBSERVE",
                  "eventTime": "2024-03-01T11:00:00.000Z", "eventTimeZoneOffset": "+01:00",
                  "epcList": ["%s", "%s"],
                  "quantityList": [{"epcClass": "%s", "quantity": 5, "uom": "KGM"}],
                  "bizStep": "shipping", "disposition": "in_transit",
                  "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"},
                  "bizTransactionList": [{"type": "po", "bizTransaction": "%s"}],
                  "sourceList": [{"type": "owning_party", "source": "%s"}],
                  "destinationList": [{"type": "location", "destination": "%s"}]
                }
                """.formatted(E1, SGTIN_URN, SGTIN_988_DL, LGTIN_URN, SGLN_URN, SGLN_EXT_URN, BT, PGLN_URN,
                SGLN_URN));
        assertThat(first.statusCode()).as("POST /events: %s", first.body()).isEqualTo(201);
        HttpResponse<String> second = http.event("application/ld+json", """
                {
                  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                  "type": "AggregationEvent", "eventID": "%s", "action": "ADD",
                  "eventTime": "2024-03-01T10:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                  "parentID": "%s", "childEPCs": ["%s", "%s"],
                  "bizStep": "packing", "readPoint": {"id": "%s"}
                }
                """.formatted(E2, SSCC_URN, SGTIN_URN, SGTIN_988_DL, SGLN_DL));
        assertThat(second.statusCode()).as("POST /events: %s", second.body()).isEqualTo(201);
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(http.base().resolve("queries"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "format-objects", "query": {"eventType": ["ObjectEvent"]}}""",
                        StandardCharsets.UTF_8)).build());
        assertThat(query.statusCode()).as("POST /queries: %s", query.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    // ---- GS1-EPC-Format --------------------------------------------------------------------------------------

    @Test
    void withNeverTranslatesOrNoPreferenceTheIdentifiersComeAsWritten() throws Exception {
        for (String format : new String[] {"Never_Translates", "No_Preference"}) {
            JsonObject e1 = onlyEvent(json("/events?eventType=ObjectEvent", format));
            assertThat(e1.getString("eventID")).isEqualTo(E1);
            assertThat(strings(e1.getJsonArray("epcList"))).as("%s", format)
                    .containsExactly(SGTIN_URN, SGTIN_988_DL);
            assertThat(e1.getJsonArray("quantityList").getJsonObject(0).getString("epcClass")).isEqualTo(LGTIN_URN);
            assertThat(e1.getJsonObject("readPoint").getString("id")).isEqualTo(SGLN_URN);
            assertThat(e1.getJsonObject("bizLocation").getString("id")).isEqualTo(SGLN_EXT_URN);
            assertThat(e1.getJsonArray("sourceList").getJsonObject(0).getString("source")).isEqualTo(PGLN_URN);
            JsonObject e2 = onlyEvent(json("/events?eventType=AggregationEvent", format));
            assertThat(e2.getString("parentID")).isEqualTo(SSCC_URN);
            assertThat(strings(e2.getJsonArray("childEPCs"))).containsExactly(SGTIN_URN, SGTIN_988_DL);
            assertThat(e2.getJsonObject("readPoint").getString("id")).isEqualTo(SGLN_DL);
        }
    }

    @Test
    void withoutTheHeaderIdentifiersComeAsDigitalLinksAsTheBindingSays() throws Exception {
        assertDigitalLinks(onlyEvent(json("/events?eventType=ObjectEvent", null)));
        JsonObject e2 = onlyEvent(json("/events?eventType=AggregationEvent", null));
        assertThat(e2.getString("parentID")).isEqualTo(SSCC_DL);
    }

    @Test
    void alwaysDigitalLinkRendersEveryIdentifierOfTheEventAsCanonicalDigitalLink() throws Exception {
        JsonObject e1 = onlyEvent(json("/events?eventType=ObjectEvent", "Always_GS1_Digital_Link"));
        assertDigitalLinks(e1);

        JsonObject e2 = onlyEvent(json("/events?eventType=AggregationEvent", "Always_GS1_Digital_Link"));
        assertThat(e2.getString("parentID")).isEqualTo(SSCC_DL);
        assertThat(strings(e2.getJsonArray("childEPCs"))).containsExactly(SGTIN_DL, SGTIN_988_DL);
        assertThat(e2.getJsonObject("readPoint").getString("id")).isEqualTo(SGLN_DL);
    }

    @Test
    void alwaysEpcUrnRendersUrnsAndKeepsDigitalLinksWhoseCompanyPrefixLengthIsUnknown() throws Exception {
        JsonObject e1 = onlyEvent(json("/events?eventType=ObjectEvent", "Always_EPC_URN"));
        assertThat(strings(e1.getJsonArray("epcList"))).containsExactly(SGTIN_URN, SGTIN_988_DL);
        assertThat(e1.getJsonArray("quantityList").getJsonObject(0).getString("epcClass")).isEqualTo(LGTIN_URN);

        JsonObject e2 = onlyEvent(json("/events?eventType=AggregationEvent", "Always_EPC_URN"));
        assertThat(e2.getString("parentID")).isEqualTo(SSCC_URN);
        assertThat(strings(e2.getJsonArray("childEPCs"))).containsExactly(SGTIN_URN, SGTIN_988_DL);
        // captured as a Digital Link, without company prefix length: not guessed
        assertThat(e2.getJsonObject("readPoint").getString("id")).isEqualTo(SGLN_DL);
    }

    @Test
    void theHeaderIsHonouredByTheEventResourceAResourcesEventsAndANamedQuery() throws Exception {
        assertDigitalLinks(onlyEvent(json("/events/" + CaptureHttp.encoded(E1), "Always_GS1_Digital_Link")));
        assertDigitalLinks(onlyEvent(json("/bizSteps/shipping/events", "Always_GS1_Digital_Link")));
        assertDigitalLinks(onlyEvent(json("/queries/format-objects/events", "Always_GS1_Digital_Link")));
        assertDigitalLinks(onlyEvent(json("/epcs/" + CaptureHttp.encoded(SGTIN_988_DL)
                + "/events?eventType=ObjectEvent", "Always_GS1_Digital_Link")));

        JsonObject urns = onlyEvent(json("/bizSteps/packing/events", "Always_EPC_URN"));
        assertThat(urns.getString("eventID")).isEqualTo(E2);
        assertThat(urns.getString("parentID")).isEqualTo(SSCC_URN);
        JsonObject asWritten = onlyEvent(json("/events/" + CaptureHttp.encoded(E2), "Never_Translates"));
        assertThat(asWritten.getString("parentID")).isEqualTo(SSCC_URN);
        assertThat(asWritten.getJsonObject("readPoint").getString("id")).isEqualTo(SGLN_DL);
    }

    @Test
    void xmlResponsesCarryTheChosenIdentifierFormToo() throws Exception {
        HttpResponse<String> response = get("/events?eventType=ObjectEvent", "application/xml",
                "GS1-EPC-Format", "Always_GS1_Digital_Link");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ObjectEvent event = (ObjectEvent) onlyXmlEvent(response);
        assertThat(event.epcList()).containsExactly(SGTIN_DL, SGTIN_988_DL);
        assertThat(event.readPoint().id()).isEqualTo(SGLN_DL);
        assertThat(event.where().destinationList().get(0).id()).isEqualTo(SGLN_DL);
        assertThat(event.why().bizTransactionList().get(0).bizTransaction()).isEqualTo(BT);
    }

    // ---- GS1-CBV-XML-Format ----------------------------------------------------------------------------------

    @Test
    void cbvValuesInXmlAsUrnsOrAsWebUris() throws Exception {
        for (String format : new String[] {null, "Always_URN", "No_Preference", "Never_Translates"}) {
            String xml = xmlBody("/events?eventType=ObjectEvent", format);
            assertThat(xml).as("%s", format)
                    .contains("<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>")
                    .contains("<disposition>urn:epcglobal:cbv:disp:in_transit</disposition>")
                    .contains("type=\"urn:epcglobal:cbv:btt:po\"")
                    .contains("type=\"urn:epcglobal:cbv:sdt:owning_party\"")
                    .contains("type=\"urn:epcglobal:cbv:sdt:location\"")
                    .doesNotContain("https://ref.gs1.org/cbv/");
        }
        String web = xmlBody("/events?eventType=ObjectEvent", "Always_Web_URI");
        assertThat(web)
                .contains("<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>")
                .contains("<disposition>https://ref.gs1.org/cbv/Disp-in_transit</disposition>")
                .contains("type=\"https://ref.gs1.org/cbv/BTT-po\"")
                .contains("type=\"https://ref.gs1.org/cbv/SDT-owning_party\"")
                .contains("type=\"https://ref.gs1.org/cbv/SDT-location\"")
                .doesNotContain("urn:epcglobal:cbv:bizstep", "urn:epcglobal:cbv:disp", "urn:epcglobal:cbv:btt",
                        "urn:epcglobal:cbv:sdt");
        // the business transaction id is no CBV value of a vocabulary: as captured in both forms
        assertThat(web).contains(">" + BT + "<");
        String eventResource = xmlBody("/events/" + CaptureHttp.encoded(E2), "Always_Web_URI");
        assertThat(eventResource).contains("<bizStep>https://ref.gs1.org/cbv/BizStep-packing</bizStep>");
        assertThat(xmlBody("/queries/format-objects/events", "Always_Web_URI"))
                .contains("<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>");
    }

    @Test
    void jsonKeepsTheBareWordsWhateverTheCbvXmlFormat() throws Exception {
        HttpResponse<String> response = get("/events?eventType=ObjectEvent", "application/json",
                "GS1-CBV-XML-Format", "Always_Web_URI");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject event = onlyEvent(response);
        assertThat(event.getString("bizStep")).isEqualTo("shipping");
        assertThat(event.getString("disposition")).isEqualTo("in_transit");
    }

    // ---- refusals --------------------------------------------------------------------------------------------

    @Test
    void anUndefinedValueIsNotAcceptableOnEveryResponseWithEvents() throws Exception {
        for (String path : List.of("/events", "/events/" + CaptureHttp.encoded(E1), "/bizSteps/shipping/events",
                "/queries/format-objects/events")) {
            JsonObject problem = problem(get(path, "application/json", "GS1-EPC-Format", "Always_Digital_Link"),
                    path);
            assertThat(problem.getString("detail")).contains("GS1-EPC-Format", "\"Always_Digital_Link\"");
            assertThat(problem.getString("instance")).isEqualTo(path);
            assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("expected"))
                    .isEqualTo("GS1-EPC-Format: one of " + ALL_EPC_FORMATS);

            JsonObject cbv = problem(get(path, "application/json", "GS1-CBV-XML-Format", "Always_CURIE"), path);
            assertThat(cbv.getString("detail")).contains("GS1-CBV-XML-Format", "\"Always_CURIE\"");
            assertThat(cbv.getJsonArray("errors").getJsonObject(0).getString("expected"))
                    .isEqualTo("GS1-CBV-XML-Format: one of No_Preference, Always_Web_URI, Always_URN, "
                            + "Never_Translates");
            // asked for XML, the problem comes as XML
            HttpResponse<String> xml = get(path, "application/xml", "GS1-CBV-XML-Format", "Always_CURIE");
            assertThat(xml.statusCode()).as("GET %s: %s", path, xml.body()).isEqualTo(406);
            assertThat(xml.headers().firstValue("Content-Type")).hasValue("application/problem+xml");
            assertThat(xml.body()).contains("NotAcceptableException", "GS1-CBV-XML-Format",
                    "Always_Web_URI, Always_URN");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static void assertDigitalLinks(JsonObject e1) {
        assertThat(e1.getString("eventID")).isEqualTo(E1);
        assertThat(strings(e1.getJsonArray("epcList"))).containsExactly(SGTIN_DL, SGTIN_988_DL);
        JsonObject quantity = e1.getJsonArray("quantityList").getJsonObject(0);
        assertThat(quantity.getString("epcClass")).isEqualTo(LGTIN_DL);
        assertThat(quantity.getString("uom")).isEqualTo("KGM");
        assertThat(e1.getJsonObject("readPoint").getString("id")).isEqualTo(SGLN_DL);
        assertThat(e1.getJsonObject("bizLocation").getString("id")).isEqualTo(SGLN_EXT_DL);
        assertThat(e1.getJsonArray("sourceList").getJsonObject(0).getString("source")).isEqualTo(PGLN_DL);
        assertThat(e1.getJsonArray("destinationList").getJsonObject(0).getString("destination"))
                .isEqualTo(SGLN_DL);
        // not an EPC: never translated
        assertThat(e1.getJsonArray("bizTransactionList").getJsonObject(0).getString("bizTransaction"))
                .isEqualTo(BT);
    }

    private HttpResponse<String> get(String path, String accept, String header, String value)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.base().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .GET();
        if (value != null) {
            request.header(header, value);
        }
        return http.send(request.build());
    }

    private HttpResponse<String> json(String path, String epcFormat) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, "application/json", "GS1-EPC-Format", epcFormat);
        assertThat(response.statusCode()).as("GET %s (%s): %s", path, epcFormat, response.body()).isEqualTo(200);
        return response;
    }

    private String xmlBody(String path, String cbvFormat) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, "application/xml", "GS1-CBV-XML-Format", cbvFormat);
        assertThat(response.statusCode()).as("GET %s (%s): %s", path, cbvFormat, response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonObject onlyEvent(HttpResponse<String> response) {
        JsonArray events = new JsonObject(response.body()).getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList");
        assertThat(events).as(response.body()).hasSize(1);
        return events.getJsonObject(0);
    }

    private static EpcisEvent onlyXmlEvent(HttpResponse<String> response) {
        List<EpcisEvent> events = EpcisFormats.readDocument(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))).events();
        assertThat(events).as(response.body()).hasSize(1);
        return events.get(0);
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String.class::cast).toList();
    }

    private static JsonObject problem(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(406);
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:NotAcceptableException");
        assertThat(problem.getInteger("status")).isEqualTo(406);
        return problem;
    }
}
