package io.tracewell.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Input written to hurt: deep nesting, huge numbers and strings, an event with 10,000 EPCs, XML entity expansion and
 * external entities, compressed and multipart bodies. Each is answered within a bounded time with a problem that
 * says what is wrong (or, for the large but legal event, stored and found), and none leaves anything stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final Path DATA = Path.of("target", "hostile input test").toAbsolutePath();
    /** Far above what a refusal takes (tens of milliseconds); a parser that expands or spins would exceed it. */
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String CONTEXT = "\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"]";

    private TestServers servers;
    private CaptureHttp http;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        http = new CaptureHttp(servers.main().baseUri());
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedWithTheDepthLimit() throws Exception {
        String nested = "{\"a\":".repeat(200_000);
        HttpResponse<String> capture = timed(() -> http.capture("application/ld+json", null, nested));
        assertProblem(capture, 400, "ValidationException", "nesting depth");
        HttpResponse<String> event = timed(() -> http.event("application/ld+json", "[".repeat(200_000)));
        assertProblem(event, 400, "ValidationException", "not a JSON object");
        assertNothingStored();
    }

    @Test
    void aHugeNumberIsRefusedWithTheNumberLimit() throws Exception {
        String event = event("\"quantityList\":[{\"epcClass\":\"urn:epc:class:lgtin:4012345.012345.998877\","
                + "\"quantity\":1" + "0".repeat(100_000) + "}]", "\"epcList\":[]");
        HttpResponse<String> response = timed(() -> http.event("application/ld+json", "{" + CONTEXT + "," + event
                .substring(1)));
        assertProblem(response, 400, "ValidationException", "Number value length");
        assertNothingStored();
    }

    @Test
    void aHugeStringIsRefusedBySizeForOneEventAndByTheStringLimitInADocument() throws Exception {
        String big = "https://example.com/steps/" + "x".repeat(25_000_000);
        HttpResponse<String> single = timed(() -> http.event("application/ld+json",
                "{" + CONTEXT + "," + event("\"bizStep\":\"" + big + "\"", null).substring(1)));
        assertProblem(single, 413, "CaptureLimitExceededException", "larger than");
        for (String behaviour : new String[] {"rollback", "proceed"}) {
            String location = CaptureHttp.accepted(timed(() -> http.capture("application/ld+json", behaviour,
                    document(event("\"bizStep\":\"" + big + "\"", null)))));
            // Before the fix this job never finished: the reader's failure was read again and again.
            JsonObject job = http.awaitFinished(location, BOUND);
            assertThat(job.getBoolean("success")).as(behaviour + ": " + job).isFalse();
            assertThat(job.getJsonArray("errors").encode()).contains("String value length");
        }
        assertNothingStored();
    }

    @Test
    void anEventOfTenThousandEpcsIsStoredAndFoundByItsLastEpc() throws Exception {
        StringBuilder epcs = new StringBuilder("\"epcList\":[");
        for (int i = 0; i < 10_000; i++) {
            epcs.append(i == 0 ? "" : ",").append("\"urn:epc:id:sgtin:0614141.107346.").append(900_000 + i)
                    .append('"');
        }
        epcs.append(']');
        // Dated after the events the other tests send, which look for what they left before that date.
        HttpResponse<String> response = timed(() -> http.event("application/ld+json",
                "{" + CONTEXT + "," + event(null, epcs.toString()).substring(1).replace("2026-01-01", "2026-07-01")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        HttpResponse<String> found = http.get("/events?MATCH_epc=" + URLEncoder.encode(
                "urn:epc:id:sgtin:0614141.107346.909999", StandardCharsets.UTF_8), "application/ld+json");
        assertThat(found.statusCode()).isEqualTo(200);
        JsonArray events = new JsonObject(found.body()).getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList");
        assertThat(events).hasSize(1);
        assertThat(events.getJsonObject(0).getJsonArray("epcList")).hasSize(10_000);
    }

    @Test
    void entityExpansionAndExternalEntitiesAreRefusedBeforeAnyIsExpanded() throws Exception {
        String laughs = xml("<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>",
                "&f;");
        String external = xml("<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;");
        for (String document : new String[] {laughs, external}) {
            HttpResponse<String> capture = timed(() -> http.capture("application/xml", null, document));
            assertProblem(capture, 400, "ValidationException", "DTD");
            assertThat(capture.body()).doesNotContain("root:");
            HttpResponse<String> event = timed(() -> http.event("application/xml", document));
            assertProblem(event, 400, "ValidationException", "DTD");
            assertThat(event.body()).doesNotContain("root:");
        }
        assertNothingStored();
    }

    @Test
    void aCompressedBodyIs415AndIsNeverInflated() throws Exception {
        // 200 MB of spaces in 200 KB: refused from the header, so its size never matters.
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            gzip.write('{');
            for (int i = 0; i < 200; i++) {
                gzip.write(spaces);
            }
        }
        for (String path : new String[] {"capture", "events", "queries"}) {
            HttpResponse<String> response = timed(() -> http.send(HttpRequest.newBuilder(http.base().resolve(path))
                    .timeout(BOUND)
                    .header("Content-Type", "application/ld+json")
                    .header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray()))
                    .build()));
            assertProblem(response, 415, "UnsupportedMediaTypeException", "Content-Encoding gzip is not supported");
            assertThat(response.headers().firstValue("Accept-Encoding")).hasValue("identity");
        }
        assertNothingStored();
    }

    @Test
    void aMultipartBodyIs415() throws Exception {
        String boundary = "b";
        String part = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"d.json\"\r\n"
                + "Content-Type: application/ld+json\r\n\r\n" + document(event(null, null)) + "\r\n";
        String body = part.repeat(1_000) + "--b--\r\n";
        HttpResponse<String> response = timed(() -> http.send(http.captureRequest(
                        "multipart/form-data; boundary=" + boundary, null)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
        assertProblem(response, 415, "UnsupportedMediaTypeException", "multipart/form-data");
        assertNothingStored();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> timed(Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = call.send();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("answered in %s", took).isLessThan(BOUND);
        return response;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String exception, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:" + exception);
        assertThat(response.body()).contains(detail);
    }

    private void assertNothingStored() throws Exception {
        HttpResponse<String> all = http.get("/events?perPage=1&LT_eventTime=2026-06-01T00:00:00Z",
                "application/ld+json");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(all.body()).getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList")).isEmpty();
    }

    /** An ObjectEvent of 2026-01-01 as JSON, with the extra members given (null for none); epcList defaults to one EPC. */
    private static String event(String extra, String epcList) {
        return "{\"type\":\"ObjectEvent\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
                + "\"action\":\"OBSERVE\","
                + (epcList != null ? epcList : "\"epcList\":[\"urn:epc:id:sgtin:0614141.107346.1\"]")
                + (extra != null ? "," + extra : "") + "}";
    }

    private static String document(String event) {
        return "{" + CONTEXT + ",\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\","
                + "\"creationDate\":\"2026-01-01T00:00:00Z\",\"epcisBody\":{\"eventList\":[" + event + "]}}";
    }

    private static String xml(String doctype, String epc) {
        return "<?xml version=\"1.0\"?>" + doctype
                + "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\""
                + " creationDate=\"2026-01-01T00:00:00Z\"><EPCISBody><EventList><ObjectEvent>"
                + "<eventTime>2026-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>"
                + "<epcList><epc>" + epc + "</epc></epcList><action>OBSERVE</action></ObjectEvent></EventList>"
                + "</EPCISBody></epcis:EPCISDocument>";
    }
}
