package io.tracewell.server;

import static io.tracewell.server.config.TracewellConfig.DATA_DIR;
import static io.tracewell.server.config.TracewellConfig.HTTP_HOST;
import static io.tracewell.server.config.TracewellConfig.HTTP_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.jsonld.JsonLdEventReader;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.server.config.ConfigSource;
import io.tracewell.server.config.TracewellConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /events} and {@code GET /events/{eventID}} over real HTTP, on the embedded MariaDB. */
class CaptureEventsHttpTest {

    // A database of its own, emptied before the run, so that the first post of an event is never a duplicate.
    private static final Path DATA = Path.of("target", "capture events test").toAbsolutePath();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TracewellServer server;

    @BeforeAll
    static void start() throws Exception {
        if (Files.exists(DATA)) {
            try (Stream<Path> paths = Files.walk(DATA)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        server = new TracewellServer(TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                HTTP_HOST, "127.0.0.1",
                HTTP_PORT, "0",
                DATA_DIR, DATA.toString())))).start();
        TestCaller.actingAsEveryone(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String jsonEvent(String epc, String action) {
        return """
                {
                  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                  "type": "ObjectEvent",
                  "eventTime": "2024-03-01T11:00:00.000+01:00",
                  "eventTimeZoneOffset": "+01:00",
                  "epcList": ["%s"],
                  "action": "%s",
                  "bizStep": "shipping",
                  "disposition": "in_transit",
                  "readPoint": {"id": "urn:epc:id:sgln:4012345.00001.0"}
                }
                """.formatted(epc, action);
    }

    private static String xmlDocument(String eventID, String epc) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    creationDate="2024-03-01T10:00:00Z">
                  <EPCISBody>
                    <EventList>
                      <ObjectEvent>
                        <eventTime>2024-03-01T11:00:00+01:00</eventTime>
                        <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
                        <eventID>%s</eventID>
                        <epcList><epc>%s</epc></epcList>
                        <action>OBSERVE</action>
                        <bizStep>urn:epcglobal:cbv:bizstep:receiving</bizStep>
                        <readPoint><id>urn:epc:id:sgln:4012345.00002.0</id></readPoint>
                      </ObjectEvent>
                    </EventList>
                  </EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(eventID, epc);
    }

    private static HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .header("GS1-EPC-Format", "Never_Translates") // compared with what was sent, as written
                .GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static EpcisEvent withoutServerFields(EpcisEvent event) {
        return event.withCommon(event.common().withRecordTime(null).withEventID(null));
    }

    /** The encoding clients use for a URI in a path segment; URLEncoder differs from it only for space. */
    private static String encoded(String eventID) {
        return URLEncoder.encode(eventID, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void aPostedJsonLdEventIsCreatedAndComesBackFromItsLocation() throws Exception {
        String body = jsonEvent("urn:epc:id:sgtin:4012345.011111.1001", "OBSERVE");
        EpcisEvent posted = JsonLdEventReader.readEvent(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        String hashId = EventHasher.standard().hashId(posted).toString();

        HttpResponse<String> created = post("application/ld+json", body);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/events/" + encoded(hashId));
        assertThat(created.headers().firstValue("Location").orElseThrow()).contains("%2F%2F%2F").doesNotContain("/sha");
        assertThat(created.headers().firstValue("GS1-EPCIS-Version")).hasValue("2.0.0");
        assertThat(created.headers().firstValue("GS1-CBV-Version")).hasValue("2.0.0");
        assertThat(created.headers().firstValue("Content-Type")).isEmpty();
        assertThat(created.body()).isEmpty();

        HttpResponse<String> fetched = get(created.headers().firstValue("Location").orElseThrow(), null);

        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(fetched.headers().firstValue("GS1-EPCIS-Version")).hasValue("2.0.0");
        EpcisDocument document = EpcisFormats.readDocument(
                new ByteArrayInputStream(fetched.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.header().kind()).isEqualTo(DocumentKind.EPCIS_QUERY_DOCUMENT);
        assertThat(document.events()).hasSize(1);
        EpcisEvent stored = document.events().get(0);
        assertThat(stored.eventID()).isEqualTo(hashId);
        assertThat(stored.recordTime()).isNotNull();
        assertThat(withoutServerFields(stored)).isEqualTo(withoutServerFields(posted));
    }

    @Test
    void theSameEventPostedAgainIsAConflict() throws Exception {
        String body = jsonEvent("urn:epc:id:sgtin:4012345.011111.1002", "ADD");
        String hashId = EventHasher.standard().hashId(JsonLdEventReader.readEvent(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).toString();
        assertThat(post("application/json", body).statusCode()).isEqualTo(201);

        HttpResponse<String> again = post("application/json", body);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(again.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:ResourceAlreadyExistsException");
        assertThat(problem.getInteger("status")).isEqualTo(409);
        assertThat(problem.getString("title")).isEqualTo("A resource with the provided identifier already exists");
        assertThat(problem.getString("detail")).isEqualTo("the event is stored already (event hash ID " + hashId + ")");
        assertThat(problem.getString("instance")).isEqualTo("/events");
    }

    @Test
    void anEventWithABadActionIsRefusedWithItsJsonPointer() throws Exception {
        HttpResponse<String> refused = post("application/json",
                jsonEvent("urn:epc:id:sgtin:4012345.011111.1003", "SHIP"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:ValidationException");
        assertThat(problem.getInteger("status")).isEqualTo(400);
        assertThat(problem.getString("detail")).isEqualTo("the event is not valid EPCIS 2.0: 1 error(s)");
        assertThat(problem.getString("instance")).isEqualTo("/events");
        JsonArray errors = problem.getJsonArray("errors");
        assertThat(errors).hasSize(1);
        JsonObject error = errors.getJsonObject(0);
        assertThat(error.getString("pointer")).isEqualTo("/action");
        assertThat(error.getString("message")).isEqualTo("value \"SHIP\" is not allowed");
        assertThat(error.getString("expected")).isEqualTo("ADD, OBSERVE or DELETE (EPCIS 2.0 section 7.3.2)");
    }

    @Test
    void anXmlDocumentWithOneEventIsCreatedAndComesBackAsXml() throws Exception {
        String eventID = "urn:uuid:" + UUID.randomUUID();
        String body = xmlDocument(eventID, "urn:epc:id:sgtin:4012345.011111.1004");
        EpcisEvent posted = EpcisFormats.readDocument(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).events().get(0);

        HttpResponse<String> created = post("text/xml; charset=UTF-8", body);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/events/" + encoded(eventID));
        assertThat(created.body()).isEmpty();

        HttpResponse<String> fetched = get("/events/" + encoded(eventID), "application/xml");

        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(fetched.body()).contains("EPCISQueryDocument");
        EpcisDocument document = EpcisFormats.readDocument(
                new ByteArrayInputStream(fetched.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.header().kind()).isEqualTo(DocumentKind.EPCIS_QUERY_DOCUMENT);
        assertThat(document.events()).hasSize(1);
        assertThat(document.events().get(0).eventID()).isEqualTo(eventID);
        assertThat(withoutServerFields(document.events().get(0))).isEqualTo(withoutServerFields(posted));
    }

    @Test
    void anUnsupportedContentTypeIs415() throws Exception {
        HttpResponse<String> refused = post("text/plain", "ObjectEvent, OBSERVE");

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:UnsupportedMediaTypeException");
        assertThat(problem.getInteger("status")).isEqualTo(415);
        assertThat(problem.getString("detail")).isEqualTo("Content-Type text/plain is not supported;"
                + " POST /events takes application/json, application/ld+json, application/xml or text/xml");
    }

    @Test
    void anUnknownEventIdIs404WithTheIdDecodedOnce() throws Exception {
        String eventID = "ni:///sha-256;0000000000000000000000000000000000000000000000000000000000000000?ver=CBV2.0";
        String path = "/events/" + encoded(eventID);

        HttpResponse<String> missing = get(path, null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(missing.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:NoSuchResourceException");
        assertThat(problem.getInteger("status")).isEqualTo(404);
        assertThat(problem.getString("detail")).isEqualTo("no event with eventID " + eventID + " is stored");
        assertThat(problem.getString("instance")).isEqualTo(path);
    }

    @Test
    void problemsAreXmlWhenTheClientPrefersXml() throws Exception {
        String path = "/events/" + encoded("urn:uuid:" + UUID.randomUUID());

        HttpResponse<String> missing = get(path, "application/xml");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+xml");
        assertThat(missing.body()).contains("<problem xmlns=\"urn:ietf:rfc:7807\">")
                .contains("<type>epcisException:NoSuchResourceException</type>")
                .contains("<status>404</status>")
                .contains("<instance>" + path + "</instance>");
    }

    @Test
    void anAcceptHeaderAllowingNeitherJsonNorXmlIs406() throws Exception {
        HttpResponse<String> refused = get("/events/" + encoded("urn:uuid:" + UUID.randomUUID()), "text/html");

        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:NotAcceptableException");
        assertThat(problem.getString("detail"))
                .isEqualTo("events are available as application/json, application/ld+json, application/xml, text/xml");
    }

    @Test
    void twoIdenticalPostsAtOnceStoreTheEventOnce() throws Exception {
        String body = jsonEvent("urn:epc:id:sgtin:4012345.011111.1005", "OBSERVE");
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            statuses.add(response.get().statusCode());
        }

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    }

    @Test
    void anXmlDocumentWithTwoEventsIsRefusedAtTheSecondEvent() throws Exception {
        String one = xmlDocument("urn:uuid:" + UUID.randomUUID(), "urn:epc:id:sgtin:4012345.011111.1006");
        int start = one.indexOf("<ObjectEvent>");
        int end = one.indexOf("</ObjectEvent>") + "</ObjectEvent>".length();
        String event = one.substring(start, end);
        String two = one.substring(0, end) + "\n" + event.replace("1006", "1007") + one.substring(end);

        HttpResponse<String> refused = post("application/xml", two);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:ValidationException");
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getInteger("line")).isEqualTo(lineOf(two, event.replace("1006", "1007")));
        assertThat(error.containsKey("pointer")).isFalse();
        assertThat(error.getString("message")).isEqualTo("the EPCISDocument holds more than one event");
        assertThat(error.getString("expected"))
                .isEqualTo("an EPCISDocument with exactly one event in its EventList (POST /capture takes many)");
    }

    @Test
    void anInvalidXmlEventIsRefusedWithLineAndColumnInXmlWhenXmlIsPreferred() throws Exception {
        String body = xmlDocument("urn:uuid:" + UUID.randomUUID(), "urn:epc:id:sgtin:4012345.011111.1008")
                .replace("<action>OBSERVE</action>", "<action>SHIP</action>");
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/xml")
                .header("Accept", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> refused = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+xml");
        assertThat(refused.body())
                .contains("<type>epcisException:ValidationException</type>")
                .contains("<line>" + lineOf(body, "<action>SHIP</action>") + "</line>")
                .contains("SHIP")
                .doesNotContain("<pointer>");
    }

    @Test
    void anExtensionOfAJsonEventKeepsItsNamespace() throws Exception {
        String body = jsonEvent("urn:epc:id:sgtin:4012345.011111.1009", "OBSERVE")
                .replace("[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"]",
                        "[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
                                + " {\"example\": \"http://ns.example.com/epcis/\"}]")
                .replace("\"action\"", "\"example:batch\": \"B-17\",\n  \"action\"");
        EpcisEvent posted = JsonLdEventReader.readEvent(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> created = post("application/json", body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> fetched = get(created.headers().firstValue("Location").orElseThrow(), "application/json");
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(fetched.body()).contains("http://ns.example.com/epcis/").contains("B-17");
        EpcisEvent stored = EpcisFormats.readDocument(
                new ByteArrayInputStream(fetched.body().getBytes(StandardCharsets.UTF_8))).events().get(0);
        assertThat(withoutServerFields(stored)).isEqualTo(withoutServerFields(posted));
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String padding = " ".repeat(5 * 1024 * 1024);
        HttpResponse<String> refused = post("application/json",
                jsonEvent("urn:epc:id:sgtin:4012345.011111.1010", "OBSERVE") + padding);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:CaptureLimitExceededException");
        assertThat(problem.getInteger("status")).isEqualTo(413);
        assertThat(problem.getString("detail")).isEqualTo("the request body is larger than 4194304 bytes");
    }

    /** The 1-based line on which {@code text} starts in {@code document}. */
    private static int lineOf(String document, String text) {
        int at = document.indexOf(text);
        return (int) document.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
