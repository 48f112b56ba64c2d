package io.tracewell.server.capture;

import static io.tracewell.server.config.TracewellConfig.CAPTURE_MAX_BYTES;
import static io.tracewell.server.config.TracewellConfig.CAPTURE_MAX_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.server.TracewellServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * {@code POST /capture} and the capture jobs over real HTTP: what {@code rollback} and {@code proceed} keep of a
 * document with an invalid event, the limits, duplicates and resent documents, refused bodies and the job list.
 * Runs on the embedded MariaDB; {@link CaptureJobsOnConfiguredServerHttpTest} runs the same on the server
 * {@code TRACEWELL_TEST_DB_URL} names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureJobsHttpTest {

    private static final Path DATA = Path.of("target", "capture jobs http test").toAbsolutePath();
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_EVENTS = 3;
    private static final int MAX_BYTES = 4096;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private TestServers servers;
    private CaptureHttp http;
    private CaptureHttp limited;

    /** The servers of this run; the subclass chooses another database server. */
    TestServers createServers() throws Exception {
        return TestServers.embedded(DATA);
    }

    @BeforeAll
    void start() throws Exception {
        servers = createServers();
        http = new CaptureHttp(servers.main().baseUri());
        TracewellServer small = servers.startOnFreshDatabase(Map.of(
                CAPTURE_MAX_EVENTS, Integer.toString(MAX_EVENTS),
                CAPTURE_MAX_BYTES, Integer.toString(MAX_BYTES)));
        limited = new CaptureHttp(small.baseUri());
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    // ---- rollback and proceed ------------------------------------------------------------------------------

    @Test
    void rollbackOfAJsonLdDocumentWithAnInvalidThirdEventStoresNothing() throws Exception {
        List<String> ids = TestDocuments.eventIds(5);
        String document = TestDocuments.jsonDocument(ids, 2);

        JsonObject job = http.awaitFinished(CaptureHttp.accepted(
                http.capture("application/ld+json", "rollback", document)), JOB_TIMEOUT);

        assertThat(job.getBoolean("running")).isFalse();
        assertThat(job.getBoolean("success")).isFalse();
        assertThat(job.getString("captureErrorBehaviour")).isEqualTo("rollback");
        assertThat(job.getString("finishedAt")).isNotNull();
        JsonObject error = onlyErrorOf(job);
        assertThat(error.getInteger("eventIndex")).isEqualTo(2);
        assertThat(error.getString("pointer")).isEqualTo("/epcisBody/eventList/2/action");
        assertThat(error.getString("detail")).contains("SHIP");
        assertThat(error.getString("expected")).isNotBlank();
        assertThat(error.getString("type")).isEqualTo("epcisException:ValidationException");
        for (String id : ids) {
            assertThat(http.events(id, "application/json").status()).as("GET /events/%s", id).isEqualTo(404);
        }
    }

    @Test
    void proceedOfAJsonLdDocumentWithAnInvalidThirdEventStoresTheOtherFour() throws Exception {
        List<String> ids = TestDocuments.eventIds(5);
        String document = TestDocuments.jsonDocument(ids, 2);

        JsonObject job = http.awaitFinished(CaptureHttp.accepted(
                http.capture("application/json", "proceed", document)), JOB_TIMEOUT);

        assertThat(job.getBoolean("running")).isFalse();
        assertThat(job.getBoolean("success")).isFalse();
        assertThat(job.getString("captureErrorBehaviour")).isEqualTo("proceed");
        JsonObject error = onlyErrorOf(job);
        assertThat(error.getInteger("eventIndex")).isEqualTo(2);
        assertThat(error.getString("pointer")).isEqualTo("/epcisBody/eventList/2/action");
        assertStoredExceptTheInvalidOne(ids, document);
    }

    @Test
    void rollbackOfAnXmlDocumentWithAnInvalidThirdEventStoresNothing() throws Exception {
        List<String> ids = TestDocuments.eventIds(5);
        String document = TestDocuments.xmlDocument(ids, 2);

        JsonObject job = http.awaitFinished(CaptureHttp.accepted(
                http.capture("application/xml", "rollback", document)), JOB_TIMEOUT);

        assertThat(job.getBoolean("running")).isFalse();
        assertThat(job.getBoolean("success")).isFalse();
        assertXmlErrorAtTheThirdEvent(job, document);
        for (String id : ids) {
            assertThat(http.events(id, "application/xml").status()).as("GET /events/%s", id).isEqualTo(404);
        }

        // The same job as epcis:EPCISCaptureJob.
        String location = "/capture/" + job.getString("captureID");
        HttpResponse<String> asXml = http.get(location, "application/xml");
        assertThat(asXml.statusCode()).isEqualTo(200);
        assertThat(asXml.headers().firstValue("Content-Type")).hasValue("application/xml");
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(asXml.body()))).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:epcglobal:epcis:xsd:2");
        assertThat(root.getLocalName()).isEqualTo("EPCISCaptureJob");
        // Valid against the EPCIS 2.0 schema: our added error members are in another namespace (##other).
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getClassLoader().getResource(io.tracewell.xsd.SchemaResources.EPCIS_2_XSD))
                .newValidator().validate(new javax.xml.transform.stream.StreamSource(new StringReader(asXml.body())));
        assertThat(root.getAttribute("captureID")).isEqualTo(job.getString("captureID"));
        assertThat(root.getAttribute("running")).isEqualTo("false");
        assertThat(root.getAttribute("success")).isEqualTo("false");
        assertThat(root.getElementsByTagName("captureErrorBehaviour").item(0).getTextContent()).isEqualTo("rollback");
        Element error = (Element) root.getElementsByTagName("error").item(0);
        assertThat(error.getElementsByTagName("type").item(0).getTextContent())
                .isEqualTo("epcisException:ValidationException");
        assertThat(error.getElementsByTagNameNS("urn:ietf:rfc:7807", "eventIndex").item(0).getTextContent())
                .isEqualTo("2");
        assertThat(error.getElementsByTagNameNS("urn:ietf:rfc:7807", "line").item(0).getTextContent()).isEqualTo(
                Integer.toString(TestDocuments.lineOf(document, "<action>" + TestDocuments.INVALID_ACTION)));
    }

    @Test
    void anUnknownJobIs404() throws Exception {
        HttpResponse<String> missing = http.get("/capture/" + UUID.randomUUID(), "application/json");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(missing.body()).getString("type")).isEqualTo("epcisException:NoSuchResourceException");
    }

    @Test
    void proceedOfAnXmlDocumentWithAnInvalidThirdEventStoresTheOtherFour() throws Exception {
        List<String> ids = TestDocuments.eventIds(5);
        String document = TestDocuments.xmlDocument(ids, 2);

        JsonObject job = http.awaitFinished(CaptureHttp.accepted(
                http.capture("text/xml; charset=UTF-8", "proceed", document)), JOB_TIMEOUT);

        assertThat(job.getBoolean("running")).isFalse();
        assertThat(job.getBoolean("success")).isFalse();
        assertXmlErrorAtTheThirdEvent(job, document);
        assertStoredExceptTheInvalidOne(ids, document);
    }

    @Test
    void aValidDocumentWithoutTheBehaviourHeaderIsCapturedWhole() throws Exception {
        List<String> ids = TestDocuments.eventIds(3);
        String document = TestDocuments.jsonDocument(ids, -1);

        JsonObject job = http.awaitFinished(CaptureHttp.accepted(
                http.capture("application/ld+json", null, document)), JOB_TIMEOUT);

        assertThat(job.getBoolean("success")).as(job.encode()).isTrue();
        assertThat(job.getString("captureErrorBehaviour")).isEqualTo("rollback");
        assertThat(job.getJsonArray("errors")).isEmpty();
        List<EpcisEvent> posted = eventsOf(document);
        for (int i = 0; i < ids.size(); i++) {
            CaptureHttp.StoredLookup stored = http.events(ids.get(i), "application/xml");
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.events()).hasSize(1);
            assertThat(withoutRecordTime(stored.events().get(0))).isEqualTo(withoutRecordTime(posted.get(i)));
        }
    }

    private static JsonObject onlyErrorOf(JsonObject job) {
        JsonArray errors = job.getJsonArray("errors");
        assertThat(errors).as("errors of %s", job.encode()).hasSize(1);
        return errors.getJsonObject(0);
    }

    private static void assertXmlErrorAtTheThirdEvent(JsonObject job, String document) {
        JsonArray errors = job.getJsonArray("errors");
        assertThat(errors).as(job.encode()).isNotEmpty();
        int line = TestDocuments.lineOf(document, "<action>" + TestDocuments.INVALID_ACTION + "</action>");
        for (int i = 0; i < errors.size(); i++) {
            JsonObject error = errors.getJsonObject(i);
            assertThat(error.getInteger("eventIndex")).as(error.encode()).isEqualTo(2);
            assertThat(error.getInteger("line")).as(error.encode()).isEqualTo(line);
            assertThat(error.getInteger("column")).as(error.encode()).isPositive();
            assertThat(error.containsKey("pointer")).isFalse();
            assertThat(error.getString("type")).isEqualTo("epcisException:ValidationException");
        }
        assertThat(errors.getJsonObject(0).getString("detail")).contains(TestDocuments.INVALID_ACTION);
    }

    private void assertStoredExceptTheInvalidOne(List<String> ids, String document) throws Exception {
        List<EpcisEvent> posted = eventsOf(document.replace(TestDocuments.INVALID_ACTION, "OBSERVE"));
        boolean xml = document.startsWith("<");
        for (int i = 0; i < ids.size(); i++) {
            // Each comes back in the other format than it was posted in.
            CaptureHttp.StoredLookup stored = http.events(ids.get(i), xml ? "application/json" : "application/xml");
            if (i == 2) {
                assertThat(stored.status()).as("the invalid event %s", ids.get(i)).isEqualTo(404);
                continue;
            }
            assertThat(stored.status()).as("GET /events/%s: %s", ids.get(i), stored.body()).isEqualTo(200);
            assertThat(stored.events()).hasSize(1);
            assertThat(stored.events().get(0).recordTime()).isNotNull();
            assertThat(withoutRecordTime(stored.events().get(0))).isEqualTo(withoutRecordTime(posted.get(i)));
        }
    }

    // ---- limits --------------------------------------------------------------------------------------------

    @Test
    void aDocumentWithMoreEventsThanTheLimitIs413AndNoJob() throws Exception {
        List<String> ids = TestDocuments.eventIds(MAX_EVENTS + 1);
        String json = TestDocuments.jsonDocument(ids, -1);
        String xml = TestDocuments.xmlDocument(TestDocuments.eventIds(MAX_EVENTS + 1), -1);
        assertThat(json.length()).isLessThan(MAX_BYTES);
        assertThat(xml.length()).isLessThan(MAX_BYTES);

        assertCaptureLimitExceeded(limited.capture("application/json", "rollback", json), "more than 3 events");
        assertCaptureLimitExceeded(limited.capture("application/xml", "proceed", xml), "more than 3 events");
        assertCaptureLimitExceeded(limited.captureChunked("application/ld+json", null,
                json.getBytes(StandardCharsets.UTF_8)), "more than 3 events");

        assertNoJobListed(limited);
        for (String id : ids) {
            assertThat(limited.events(id, null).status()).isEqualTo(404);
        }
    }

    @Test
    void documentsAtTheLimitsAreAccepted() throws Exception {
        // A server of its own: the one above must never list a job.
        CaptureHttp atLimit = new CaptureHttp(servers.startOnFreshDatabase(Map.of(
                CAPTURE_MAX_EVENTS, Integer.toString(MAX_EVENTS),
                CAPTURE_MAX_BYTES, Integer.toString(MAX_BYTES))).baseUri());
        List<String> ids = TestDocuments.eventIds(MAX_EVENTS);
        String document = TestDocuments.jsonDocument(ids, -1);
        String exactly = document + " ".repeat(MAX_BYTES - document.getBytes(StandardCharsets.UTF_8).length);
        assertThat(exactly.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BYTES);

        JsonObject sized = atLimit.awaitFinished(CaptureHttp.accepted(atLimit.capture("application/json", null,
                exactly)), JOB_TIMEOUT);
        JsonObject streamed = atLimit.awaitFinished(CaptureHttp.accepted(atLimit.captureChunked("application/xml",
                "proceed", TestDocuments.xmlDocument(TestDocuments.eventIds(MAX_EVENTS), -1)
                        .getBytes(StandardCharsets.UTF_8))), JOB_TIMEOUT);

        assertThat(sized.getBoolean("success")).as(sized.encode()).isTrue();
        assertThat(streamed.getBoolean("success")).as(streamed.encode()).isTrue();
        for (String id : ids) {
            assertThat(atLimit.events(id, null).events()).hasSize(1);
        }
    }

    @Test
    void anUnknownErrorBehaviourIs400AndNoJob() throws Exception {
        List<String> ids = TestDocuments.eventIds(1);

        HttpResponse<String> refused = limited.capture("application/json", "ignore",
                TestDocuments.jsonDocument(ids, -1));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:ValidationException");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("expected")).contains("rollback")
                .contains("proceed");
        assertNoJobListed(limited);
        assertThat(limited.events(ids.get(0), null).status()).isEqualTo(404);
    }

    @Test
    void aDocumentOverTheByteLimitIs413AndNoJob() throws Exception {
        List<String> ids = TestDocuments.eventIds(1);
        String document = TestDocuments.jsonDocument(ids, -1);
        String padded = document + " ".repeat(MAX_BYTES + 1 - document.getBytes(StandardCharsets.UTF_8).length);
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BYTES + 1);

        // Refused by its Content-Length before it is read, and when streamed without one, once the limit is passed.
        assertCaptureLimitExceeded(limited.capture("application/json", "rollback", padded), "larger than 4096 bytes");
        assertCaptureLimitExceeded(limited.captureChunked("application/json", "rollback",
                padded.getBytes(StandardCharsets.UTF_8)), "larger than 4096 bytes");

        assertNoJobListed(limited);
        assertThat(limited.events(ids.get(0), null).status()).isEqualTo(404);
    }

    private static void assertCaptureLimitExceeded(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("GS1-EPCIS-Capture-Limit")).hasValue(Integer.toString(MAX_EVENTS));
        assertThat(response.headers().firstValue("GS1-EPCIS-Capture-File-Size-Limit"))
                .hasValue(Integer.toString(MAX_BYTES));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:CaptureLimitExceededException");
        assertThat(problem.getInteger("status")).isEqualTo(413);
        assertThat(problem.getString("detail")).contains(detail);
        assertThat(problem.getString("instance")).isEqualTo("/capture");
    }

    private static void assertNoJobListed(CaptureHttp server) throws Exception {
        HttpResponse<String> list = server.get("/capture", "application/json");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(new JsonArray(list.body())).isEmpty();
    }

    // ---- duplicates and resending --------------------------------------------------------------------------

    @Test
    void anEventCapturedByPostCaptureIsAConflictForPostEvents() throws Exception {
        String id = TestDocuments.eventIds(1).get(0);
        JsonObject job = http.awaitFinished(CaptureHttp.accepted(http.capture("application/json", "rollback",
                TestDocuments.jsonDocument(List.of(id), -1))), JOB_TIMEOUT);
        assertThat(job.getBoolean("success")).as(job.encode()).isTrue();

        String single = TestDocuments.jsonEvent(id, "OBSERVE").replaceFirst("\\{",
                "{\n  \"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],");
        HttpResponse<String> again = http.event("application/ld+json", single);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        JsonObject problem = new JsonObject(again.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:ResourceAlreadyExistsException");
        assertThat(problem.getInteger("status")).isEqualTo(409);
        assertThat(http.events(id, null).events()).hasSize(1);
    }

    @Test
    void aResentDocumentIsNotCapturedTwice() throws Exception {
        List<String> ids = TestDocuments.eventIds(4);
        String document = TestDocuments.jsonDocument(ids, -1);
        String first = CaptureHttp.accepted(http.capture("application/json", "rollback", document));
        // Once while the first job may still run, once after it has finished.
        String whileRunning = CaptureHttp.accepted(http.capture("application/json", "rollback", document));
        JsonObject job = http.awaitFinished(first, JOB_TIMEOUT);
        assertThat(job.getBoolean("success")).as(job.encode()).isTrue();

        String afterwards = CaptureHttp.accepted(http.capture("application/json", "rollback", document));

        assertThat(whileRunning).isEqualTo(first);
        assertThat(afterwards).isEqualTo(first);
        for (String id : ids) {
            CaptureHttp.StoredLookup stored = http.events(id, "application/json");
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.events()).as("events with eventID %s", id).hasSize(1);
        }
    }

    @Test
    void theSameEventsInANewDocumentAreNotStoredAgain() throws Exception {
        List<String> ids = TestDocuments.eventIds(3);
        JsonObject first = http.awaitFinished(CaptureHttp.accepted(http.capture("application/json", "proceed",
                TestDocuments.jsonDocument(ids, -1))), JOB_TIMEOUT);
        assertThat(first.getBoolean("success")).isTrue();
        // Other bytes (XML), same events: a new job, which succeeds and stores none of them again.
        String secondLocation = CaptureHttp.accepted(http.capture("application/xml", "proceed",
                TestDocuments.xmlDocument(ids, -1).replace("urn:epcglobal:cbv:bizstep:receiving",
                        "urn:epcglobal:cbv:bizstep:shipping").replace("<readPoint><id>urn:epc:id:sgln:4012345.00002.0",
                        "<disposition>urn:epcglobal:cbv:disp:in_transit</disposition>"
                                + "<readPoint><id>urn:epc:id:sgln:4012345.00001.0")));
        JsonObject second = http.awaitFinished(secondLocation, JOB_TIMEOUT);

        assertThat(secondLocation).isNotEqualTo("/capture/" + first.getString("captureID"));
        assertThat(second.getBoolean("success")).as(second.encode()).isTrue();
        for (String id : ids) {
            assertThat(http.events(id, "application/json").events()).as("events with eventID %s", id).hasSize(1);
        }
    }

    @Test
    void twoDocumentsWithTheSameEventsInOppositeOrderCapturedAtOnceBothSucceedAndStoreEachOnce() throws Exception {
        // Their transactions take the unique key's locks in opposite orders: InnoDB resolves the deadlock by
        // rolling one back, and that job is worked again, finding the events stored.
        for (int round = 0; round < 2; round++) {
            List<String> ids = TestDocuments.eventIds(3000);
            List<String> reversed = new java.util.ArrayList<>(ids);
            java.util.Collections.reverse(reversed);
            String forward = CaptureHttp.accepted(http.capture("application/json", "rollback",
                    TestDocuments.jsonDocument(ids, -1)));
            String backward = CaptureHttp.accepted(http.capture("application/json", "rollback",
                    TestDocuments.jsonDocument(reversed, -1)));

            for (String location : List.of(forward, backward)) {
                JsonObject job = http.awaitFinished(location, JOB_TIMEOUT);
                assertThat(job.getBoolean("success")).as(job.encode()).isTrue();
            }
            for (String id : List.of(ids.get(0), ids.get(1500), ids.get(2999))) {
                assertThat(http.events(id, "application/json").events()).as("events with eventID %s", id).hasSize(1);
            }
        }
    }

    // ---- refused bodies ------------------------------------------------------------------------------------

    @Test
    void plainTextIs415() throws Exception {
        HttpResponse<String> refused = http.capture("text/plain", "rollback", "ObjectEvent, OBSERVE");

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:UnsupportedMediaTypeException");
        assertThat(problem.getInteger("status")).isEqualTo(415);
        assertThat(problem.getString("detail")).contains("text/plain").contains("application/ld+json");
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() throws Exception {
        List<String> ids = TestDocuments.eventIds(2);
        String document = TestDocuments.jsonDocument(ids, -1).replace("\"action\": \"OBSERVE\",",
                "\"action\": \"OBSERVE\",,");
        int line = TestDocuments.lineOf(document, ",,");
        int column = document.substring(0, document.indexOf(",,")).length()
                - document.substring(0, document.indexOf(",,")).lastIndexOf('\n') + 1;

        HttpResponse<String> refused = http.capture("application/json", "rollback", document);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:ValidationException");
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getInteger("line")).as(error.encode()).isEqualTo(line);
        assertThat(error.getInteger("column")).as(error.encode()).isEqualTo(column);
        assertThat(error.getString("message")).startsWith("malformed JSON");
        assertThat(error.getString("expected")).isNotBlank();
        for (String id : ids) {
            assertThat(http.events(id, null).status()).isEqualTo(404);
        }
    }

    // ---- the job list --------------------------------------------------------------------------------------

    @Test
    void theJobListIsPagedByLinkAndRefusesATamperedToken() throws Exception {
        CaptureHttp own = new CaptureHttp(servers.startOnFreshDatabase(Map.of()).baseUri());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String location = CaptureHttp.accepted(own.capture("application/json", "rollback",
                    TestDocuments.jsonDocument(TestDocuments.eventIds(1), -1)));
            own.awaitFinished(location, JOB_TIMEOUT);
            created.add(location.substring("/capture/".length()));
        }

        HttpResponse<String> first = own.get("/capture?perPage=2", "application/json");

        assertThat(first.statusCode()).isEqualTo(200);
        JsonArray firstPage = new JsonArray(first.body());
        assertThat(firstPage).hasSize(2);
        String link = first.headers().firstValue("Link").orElseThrow();
        Matcher next = NEXT_LINK.matcher(link);
        assertThat(next.find()).as(link).isTrue();
        assertThat(first.headers().firstValue("GS1-Next-Page-Token-Expires")).isPresent();

        HttpResponse<String> second = own.get(next.group(1), "application/json");

        assertThat(second.statusCode()).isEqualTo(200);
        JsonArray secondPage = new JsonArray(second.body());
        assertThat(secondPage).hasSize(1);
        assertThat(second.headers().firstValue("Link")).isEmpty();
        List<String> listed = new ArrayList<>();
        for (JsonArray page : List.of(firstPage, secondPage)) {
            for (int i = 0; i < page.size(); i++) {
                listed.add(page.getJsonObject(i).getString("captureID"));
            }
        }
        // Newest first.
        assertThat(listed).containsExactly(created.get(2), created.get(1), created.get(0));
        assertThat(secondPage.getJsonObject(0).getBoolean("running")).isFalse();
        assertThat(secondPage.getJsonObject(0).getBoolean("success")).isTrue();

        for (String perPage : List.of("0", "-1", "two")) {
            HttpResponse<String> refused = own.get("/capture?perPage=" + perPage, "application/json");
            assertThat(refused.statusCode()).as("perPage=%s", perPage).isEqualTo(400);
        }
        String token = next.group(1).substring(next.group(1).indexOf("nextPageToken=") + "nextPageToken=".length());
        for (String tampered : tamperedForms(token)) {
            HttpResponse<String> refused = own.get("/capture?perPage=2&nextPageToken=" + tampered, "application/json");
            assertThat(refused.statusCode()).as("token %s: %s", tampered, refused.body()).isEqualTo(400);
            JsonObject problem = new JsonObject(refused.body());
            assertThat(problem.getString("type")).isEqualTo("epcisException:ValidationException");
            assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("expected")).contains("nextPageToken");
        }
    }

    /** A token broken by hand: not base64url, another version, an expiry in the past. */
    private static List<String> tamperedForms(String token) {
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String[] parts = text.split("\\|", 4);
        assertThat(parts).hasSize(4);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return List.of(
                token.substring(0, token.length() / 2) + "%25" + token.substring(token.length() / 2),
                encoder.encodeToString(("2|" + parts[1] + "|" + parts[2] + "|" + parts[3])
                        .getBytes(StandardCharsets.UTF_8)),
                encoder.encodeToString(("1|" + (Long.parseLong(parts[1]) - 2 * 24 * 3600) + "|" + parts[2] + "|"
                        + parts[3]).getBytes(StandardCharsets.UTF_8)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static List<EpcisEvent> eventsOf(String document) {
        return EpcisFormats.readDocument(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)))
                .events();
    }

    private static EpcisEvent withoutRecordTime(EpcisEvent event) {
        return event.withCommon(event.common().withRecordTime(null));
    }
}
