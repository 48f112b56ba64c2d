package io.tracewell.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.capture.http.EpcFormat;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.tracewell.server.config.ConfigException;
import io.tracewell.server.config.ConfigSource;
import io.tracewell.server.config.HttpSettings;
import io.tracewell.server.config.TracewellConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Details of the REST binding over real HTTP: the request URI limit answered with a {@code 414} problem, the format
 * headers each resource announces on {@code OPTIONS}, and {@code GS1-EPC-Format} on the lists of identifiers
 * ({@code /epcs}, {@code /bizLocations}, {@code /readPoints}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestDetailsTest {

    private static final Path DATA = Path.of("target", "rest details test").toAbsolutePath();

    private static final String E1 = "urn:uuid:6b0f2c1e-7d44-4c55-9a0e-00000000d001";
    private static final String E2 = "urn:uuid:6b0f2c1e-7d44-4c55-9a0e-00000000d002";

    private static final String SGTIN_URN = "urn:epc:id:sgtin:4012345.011111.987";
    private static final String SGTIN_DL = "https://id.gs1.org/01/04012345111118/21/987";
    /** Captured as a Digital Link only. */
    private static final String SGTIN_988_DL = "https://id.gs1.org/01/04012345111118/21/988";
    private static final String SSCC_URN = "urn:epc:id:sscc:4012345.3111111111";
    private static final String SSCC_DL = "https://id.gs1.org/00/340123451111111111";
    private static final String SGLN_URN = "urn:epc:id:sgln:4012345.00005.0";
    private static final String SGLN_DL = "https://id.gs1.org/414/4012345000054";
    private static final String SGLN_EXT_URN = "urn:epc:id:sgln:4012345.00005.122";
    private static final String SGLN_EXT_DL = "https://id.gs1.org/414/4012345000054/254/122";

    /** What the server answers URIs up to, by default. */
    private static final int LIMIT = HttpSettings.DEFAULT_MAX_URI_LENGTH;
    /** The request-line limit of Vert.x's HTTP server unless it is told otherwise. */
    private static final int VERTX_DEFAULT_LINE_LIMIT = 4096;

    private static final List<String> CBV_XML_FORMATS =
            List.of("No_Preference", "Always_Web_URI", "Always_URN", "Never_Translates");

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
                  "eventTime": "2024-05-01T11:00:00.000Z", "eventTimeZoneOffset": "+01:00",
                  "epcList": ["%s", "%s"], "bizStep": "shipping", "disposition": "in_transit",
                  "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"}
                }
                """.formatted(E1, SGTIN_URN, SGTIN_988_DL, SGLN_URN, SGLN_EXT_URN));
        assertThat(first.statusCode()).as("POST /events: %s", first.body()).isEqualTo(201);
        HttpResponse<String> second = http.event("application/ld+json", """
                {
                  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                  "type": "AggregationEvent", "eventID": "%s", "action": "ADD",
                  "eventTime": "2024-05-01T10:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                  "parentID": "%s", "childEPCs": ["%s"], "bizStep": "packing", "readPoint": {"id": "%s"}
                }
                """.formatted(E2, SSCC_URN, SGTIN_URN, SGLN_DL));
        assertThat(second.statusCode()).as("POST /events: %s", second.body()).isEqualTo(201);
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(http.base().resolve("queries"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "details-objects", "query": {"eventType": ["ObjectEvent"]}}""",
                        StandardCharsets.UTF_8)).build());
        assertThat(query.statusCode()).as("POST /queries: %s", query.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    // ---- 1. request URI limit ---------------------------------------------------------------------------------

    @Test
    void aRequestUriOverTheLimitIsA414ProblemThatSaysTheLimitAndTheLength() throws Exception {
        String target = eventsQueryOfLength(LIMIT + 3_000);
        HttpResponse<String> response = send("GET", target, "Accept", "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:URITooLongException");
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getInteger("status")).isEqualTo(414);
        assertThat(problem.getString("detail"))
                .contains("is " + (LIMIT + 3_000) + " bytes long")
                .contains("at most " + LIMIT + " bytes");
        assertThat(problem.getString("instance")).isEqualTo("/events");
    }

    @Test
    void theLimitIsExactAndItsProblemComesInXmlWhenXmlIsPreferred() throws Exception {
        HttpResponse<String> atLimit = send("GET", eventsQueryOfLength(LIMIT), "Accept", "application/json");
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);
        assertThat(atLimit.headers().firstValue("Content-Type")).hasValue("application/json");

        HttpResponse<String> overByOne = send("GET", eventsQueryOfLength(LIMIT + 1), "Accept", "application/xml");
        assertThat(overByOne.statusCode()).as(overByOne.body()).isEqualTo(414);
        assertThat(overByOne.headers().firstValue("Content-Type")).hasValue("application/problem+xml");
        assertThat(overByOne.body()).contains("epcisException:URITooLongException", "<status>414</status>",
                "is " + (LIMIT + 1) + " bytes long", "at most " + LIMIT + " bytes");
    }

    @Test
    void uriLongerThanTheHttpServersUsualLineLimitButWithinTheLimitAreServed() throws Exception {
        String target = eventsQueryOfLength(VERTX_DEFAULT_LINE_LIMIT * 2);
        HttpResponse<String> response = send("GET", target, "Accept", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getString("type")).isEqualTo("EPCISQueryDocument");
        // a long path too: answered by its resource (no such event), not refused as too long
        String longId = "urn:uuid:" + "0".repeat(6_000);
        HttpResponse<String> resource = send("GET", "/events/" + CaptureHttp.encoded(longId),
                "Accept", "application/json");
        assertThat(resource.statusCode()).as(resource.body()).isIn(400, 404);
        assertThat(new JsonObject(resource.body()).getString("type")).isNotEqualTo("epcisException:URITooLongException");
    }

    @Test
    void aRequestLineTooLongForTheServerToReadIsStillA414Problem() throws Exception {
        // over the server's request-line limit (the URI limit plus 64 KiB), which is all it reads of the line
        String target = eventsQueryOfLength(LIMIT + 64 * 1024 + 1_000);
        String head = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
        URI base = http.base();
        String answer;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = readUntilClosed(in);
        }
        int split = answer.indexOf("\r\n\r\n");
        assertThat(split).as(answer).isPositive();
        String headers = answer.substring(0, split);
        assertThat(headers).startsWith("HTTP/1.").contains(" 414 ")
                .containsIgnoringCase("content-type: application/problem+json");
        JsonObject problem = new JsonObject(answer.substring(split + 4));
        assertThat(problem.getString("type")).isEqualTo("epcisException:URITooLongException");
        assertThat(problem.getInteger("status")).isEqualTo(414);
        assertThat(problem.getString("detail")).contains(LIMIT + " bytes");
    }

    @Test
    void theLimitIsReadFromTheConfigurationAndChecked() {
        assertThat(TracewellConfig.from(ConfigSource.defaultsWith(Map.of())).http().maxUriLength())
                .isEqualTo(LIMIT);
        assertThat(TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                TracewellConfig.HTTP_MAX_URI_LENGTH, "8192"))).http().maxUriLength()).isEqualTo(8192);
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                TracewellConfig.HTTP_MAX_URI_LENGTH, "100"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("epcis.http.max-uri-length")
                .hasMessageContaining("1024 to 1048576")
                .hasMessageContaining("\"100\"");
    }

    // ---- 2. OPTIONS announces the formats a resource honours --------------------------------------------------

    @Test
    void optionsOnEveryResourceWithEventsAnnouncesBothFormatHeaders() throws Exception {
        List<String> paths = List.of("/events", "/events/" + CaptureHttp.encoded(E1),
                "/eventTypes/ObjectEvent/events", "/epcs/" + CaptureHttp.encoded(SGTIN_URN) + "/events",
                "/bizSteps/shipping/events", "/bizLocations/" + CaptureHttp.encoded(SGLN_EXT_DL) + "/events",
                "/readPoints/" + CaptureHttp.encoded(SGLN_URN) + "/events", "/dispositions/in_transit/events",
                "/queries/details-objects/events");
        for (String path : paths) {
            HttpResponse<String> response = send("OPTIONS", path);
            assertThat(response.statusCode()).as("OPTIONS %s", path).isEqualTo(204);
            assertThat(allowed(response)).as("OPTIONS %s", path).contains("OPTIONS", "GET");
            assertThat(values(response, "GS1-EPC-Format")).as("OPTIONS %s", path)
                    .isEqualTo(EpcFormat.headerValues());
            assertThat(values(response, "GS1-CBV-XML-Format")).as("OPTIONS %s", path).isEqualTo(CBV_XML_FORMATS);
            assertThat(response.headers().firstValue("GS1-EPCIS-Version")).hasValue("2.0.0");
            assertThat(response.headers().firstValue("GS1-Vendor-Version")).isPresent();
        }
    }

    @Test
    void optionsOnTheListsOfIdentifiersAnnouncesTheEpcFormatOnly() throws Exception {
        for (String path : List.of("/epcs", "/bizLocations", "/readPoints")) {
            HttpResponse<String> response = send("OPTIONS", path);
            assertThat(response.statusCode()).as("OPTIONS %s", path).isEqualTo(204);
            assertThat(allowed(response)).as("OPTIONS %s", path).containsExactlyInAnyOrder("OPTIONS", "GET");
            assertThat(values(response, "GS1-EPC-Format")).as("OPTIONS %s", path)
                    .isEqualTo(EpcFormat.headerValues());
            // the list is JSON and holds no CBV value: nothing to choose
            assertThat(response.headers().firstValue("GS1-CBV-XML-Format")).as("OPTIONS %s", path).isEmpty();
        }
    }

    @Test
    void everyAnnouncedValueIsAcceptedAndARefusalNamesTheSameValues() throws Exception {
        List<String> epcFormats = values(send("OPTIONS", "/epcs"), "GS1-EPC-Format");
        for (String value : epcFormats) {
            assertThat(get("/epcs", "GS1-EPC-Format", value).statusCode()).as(value).isEqualTo(200);
            assertThat(get("/events", "GS1-EPC-Format", value).statusCode()).as(value).isEqualTo(200);
        }
        List<String> cbvFormats = values(send("OPTIONS", "/events"), "GS1-CBV-XML-Format");
        for (String value : cbvFormats) {
            HttpResponse<String> response = get("/events", "GS1-CBV-XML-Format", value, "application/xml");
            assertThat(response.statusCode()).as(value).isEqualTo(200);
        }
        assertThat(notAcceptable(get("/events", "GS1-EPC-Format", "Always_URI"), "/events")
                .getJsonArray("errors").getJsonObject(0).getString("expected"))
                .isEqualTo("GS1-EPC-Format: one of " + String.join(", ", epcFormats));
        assertThat(notAcceptable(get("/events", "GS1-CBV-XML-Format", "Always_CURIE"), "/events")
                .getJsonArray("errors").getJsonObject(0).getString("expected"))
                .isEqualTo("GS1-CBV-XML-Format: one of " + String.join(", ", cbvFormats));
    }

    // ---- 3. GS1-EPC-Format on the lists of identifiers --------------------------------------------------------

    @Test
    void theListsOfIdentifiersRefuseAFormatTheBindingDoesNotDefine() throws Exception {
        for (String path : List.of("/epcs", "/bizLocations", "/readPoints")) {
            JsonObject problem = notAcceptable(get(path, "GS1-EPC-Format", "Always_Digital_Link"), path);
            assertThat(problem.getString("detail")).contains("GS1-EPC-Format", "\"Always_Digital_Link\"");
            assertThat(problem.getString("instance")).isEqualTo(path);
            assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("expected"))
                    .isEqualTo("GS1-EPC-Format: one of " + String.join(", ", EpcFormat.headerValues()));
        }
        // the next page too: the header is read before the paging parameters
        assertThat(get("/epcs?perPage=1", "GS1-EPC-Format", "urn").statusCode()).isEqualTo(406);
    }

    @Test
    void theListsOfIdentifiersGiveCanonicalDigitalLinksByDefaultAndInEveryDefinedForm() throws Exception {
        List<String> epcs = List.of(SSCC_DL, SGTIN_DL, SGTIN_988_DL);
        List<String> locations = List.of(SGLN_EXT_DL);
        List<String> readPoints = List.of(SGLN_DL);
        for (String format : new String[] {null, "Always_GS1_Digital_Link", "Never_Translates", "No_Preference",
                                           "Always_EPC_URN"}) {
            // stored in canonical form; no company prefix lengths are configured, so no URN is guessed
            assertThat(members("/epcs", format)).as("%s", format).containsExactlyInAnyOrderElementsOf(epcs);
            assertThat(members("/bizLocations", format)).as("%s", format).isEqualTo(locations);
            assertThat(members("/readPoints", format)).as("%s", format).isEqualTo(readPoints);
        }
        // GS1-CBV-XML-Format does not apply to a list of identifiers and is not read there
        assertThat(get("/epcs", "GS1-CBV-XML-Format", "Always_CURIE").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesOfAListOfIdentifiersFollowTheStoredValuesWhateverTheForm() throws Exception {
        HttpResponse<String> first = get("/epcs?perPage=2", "GS1-EPC-Format", "Always_EPC_URN");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String link = first.headers().firstValue("Link").orElseThrow();
        String next = link.substring(1, link.indexOf('>'));
        HttpResponse<String> second = get(next, "GS1-EPC-Format", "Always_EPC_URN");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        List<String> all = new ArrayList<>(members(first));
        all.addAll(members(second));
        assertThat(all).containsExactlyInAnyOrder(SSCC_DL, SGTIN_DL, SGTIN_988_DL);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** {@code /events?EQ_stringValue=aaa...}: a valid query whose request target is exactly {@code length} long. */
    private static String eventsQueryOfLength(int length) {
        String prefix = "/events?EQ_stringValue=";
        return prefix + "a".repeat(length - prefix.length());
    }

    private HttpResponse<String> send(String method, String target, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.base().resolve(target.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build());
    }

    private HttpResponse<String> get(String path, String header, String value)
            throws IOException, InterruptedException {
        return get(path, header, value, "application/json");
    }

    private HttpResponse<String> get(String path, String header, String value, String accept)
            throws IOException, InterruptedException {
        return value == null ? send("GET", path, "Accept", accept)
                : send("GET", path, "Accept", accept, header, value);
    }

    private List<String> members(String path, String epcFormat) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, "GS1-EPC-Format", epcFormat);
        assertThat(response.statusCode()).as("GET %s (%s): %s", path, epcFormat, response.body()).isEqualTo(200);
        return members(response);
    }

    private static List<String> members(HttpResponse<String> response) {
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("type")).isEqualTo("Collection");
        JsonArray member = body.getJsonArray("member");
        return member.stream().map(String.class::cast).toList();
    }

    private static JsonObject notAcceptable(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:NotAcceptableException");
        assertThat(problem.getInteger("status")).isEqualTo(406);
        return problem;
    }

    private static List<String> allowed(HttpResponse<?> response) {
        return Arrays.stream(response.headers().firstValue("Allow").orElseThrow().split(","))
                .map(String::trim).toList();
    }

    private static List<String> values(HttpResponse<?> response, String header) {
        String value = response.headers().firstValue(header).orElseThrow(
                () -> new AssertionError("no " + header + " header in " + response.headers().map()));
        return Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer: what was read is the answer
            if (bytes.size() == 0) {
                throw e;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
