package io.tracewell.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mutated documents, events and queries against a running server. Whatever arrives, the answer is a 2xx or a 4xx
 * with problem details, within a bounded time; a capture job always finishes; a failed {@code rollback} job has
 * stored nothing; and the server is healthy afterwards.
 *
 * <p>Seeded: {@code -Dtracewell.fuzz.seed=N} replays a run, {@code -Dtracewell.fuzz.cases=N} sets how many cases of
 * each kind (default 150, a minute or so). A failure names its seed and case and leaves the input under
 * {@code target/fuzz-failures}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzTest {

    private static final Path DATA = Path.of("target", "fuzz test").toAbsolutePath();
    private static final Path FAILURES = Path.of("target", "fuzz-failures");
    private static final long SEED = Long.getLong("tracewell.fuzz.seed", 20261122L);
    private static final int CASES = Integer.getInteger("tracewell.fuzz.cases", 150);
    private static final Duration BOUND = Duration.ofSeconds(30);

    private static final String CONTEXT = "\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\","
            + "{\"ex\":\"https://example.com/ns/\"}]";

    private static final String JSON_EVENTS = """
            {"type":"ObjectEvent","eventTime":"2026-03-01T10:00:00.123Z","eventTimeZoneOffset":"+01:00",\
            "epcList":["urn:epc:id:sgtin:0614141.107346.2017","https://id.gs1.org/01/09521568251204/21/77"],\
            "action":"ADD","bizStep":"commissioning","disposition":"active",\
            "readPoint":{"id":"urn:epc:id:sgln:0614141.00777.0"},"bizLocation":{"id":"urn:epc:id:sgln:0614141.00888.0"},\
            "bizTransactionList":[{"type":"po","bizTransaction":"urn:epcglobal:cbv:bt:0614141073467:1152"}],\
            "sourceList":[{"type":"owning_party","source":"urn:epc:id:pgln:0614141.00000"}],\
            "ilmd":{"cbvmda:lotNumber":"LOT1","cbvmda:itemExpirationDate":"2027-01-31"},\
            "ex:note":{"ex:level":"3","ex:flag":"true"},\
            "sensorElementList":[{"sensorMetadata":{"time":"2026-03-01T10:00:00Z"},\
            "sensorReport":[{"type":"Temperature","value":4.5,"uom":"CEL"}]}]},\
            {"type":"AggregationEvent","eventTime":"2026-03-01T11:00:00Z","eventTimeZoneOffset":"+00:00",\
            "parentID":"urn:epc:id:sscc:0614141.1234567890","childEPCs":["urn:epc:id:sgtin:0614141.107346.2017"],\
            "childQuantityList":[{"epcClass":"urn:epc:class:lgtin:4012345.012345.998877","quantity":10,"uom":"KGM"}],\
            "action":"ADD","bizStep":"packing"},\
            {"type":"TransformationEvent","eventTime":"2026-03-01T12:00:00Z","eventTimeZoneOffset":"+00:00",\
            "inputEPCList":["urn:epc:id:sgtin:0614141.107346.2018"],"outputEPCList":["urn:epc:id:sgtin:0614141.107346.2019"],\
            "transformationID":"urn:epc:id:gdti:0614141.12345.400"},\
            {"type":"ObjectEvent","eventTime":"2026-03-02T10:00:00Z","eventTimeZoneOffset":"+00:00",\
            "epcList":[],"action":"DELETE","errorDeclaration":{"declarationTime":"2026-03-03T00:00:00Z",\
            "reason":"incorrect_data","correctiveEventIDs":["urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8"]}}""";

    private static final String XML_DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:ex="https://example.com/ns/" \
            xmlns:cbvmda="urn:epcglobal:cbv:mda" schemaVersion="2.0" creationDate="2026-03-01T00:00:00Z">
            <EPCISBody><EventList>
            <ObjectEvent><eventTime>2026-03-01T10:00:00Z</eventTime><eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
            <epcList><epc>urn:epc:id:sgtin:0614141.107346.3017</epc></epcList><action>ADD</action>
            <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep><disposition>urn:epcglobal:cbv:disp:active</disposition>
            <readPoint><id>urn:epc:id:sgln:0614141.00777.0</id></readPoint>
            <bizTransactionList><bizTransaction type="urn:epcglobal:cbv:btt:po">urn:epcglobal:cbv:bt:0614141073467:1</bizTransaction></bizTransactionList>
            <ilmd><cbvmda:lotNumber>LOT2</cbvmda:lotNumber></ilmd><ex:note ex:a="1"><ex:level>3</ex:level></ex:note>
            </ObjectEvent>
            <AggregationEvent><eventTime>2026-03-01T11:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
            <parentID>urn:epc:id:sscc:0614141.1234567891</parentID><childEPCs><epc>urn:epc:id:sgtin:0614141.107346.3017</epc></childEPCs>
            <action>ADD</action><bizStep>urn:epcglobal:cbv:bizstep:packing</bizStep></AggregationEvent>
            </EventList></EPCISBody></epcis:EPCISDocument>
            """;

    private static final List<String> PARAMETERS = List.of("eventType", "GE_eventTime", "LT_eventTime",
            "GE_recordTime", "LT_recordTime", "EQ_action", "EQ_bizStep", "EQ_disposition", "EQ_readPoint",
            "WD_readPoint", "EQ_bizLocation", "WD_bizLocation", "EQ_bizTransaction_po", "EQ_source_owning_party",
            "EQ_destination_location", "EQ_transformationID", "MATCH_epc", "MATCH_parentID", "MATCH_inputEPC",
            "MATCH_outputEPC", "MATCH_anyEPC", "MATCH_epcClass", "MATCH_anyEPCClass", "EQ_quantity", "GT_quantity",
            "LE_quantity", "EQ_eventID", "EXISTS_errorDeclaration", "GE_errorDeclarationTime", "EQ_errorReason",
            "EQ_correctiveEventID", "EQ_ex:note", "EQ_INNER_ex:level", "GT_ex:level", "EXISTS_ex:note",
            "EQ_ILMD_cbvmda:lotNumber", "EXISTS_ILMD_cbvmda:lotNumber", "EQ_type", "GE_value", "LT_value", "EQ_uom",
            "EQ_deviceID", "GE_time", "EXISTS_sensorElementList", "EQ_booleanValue", "EQ_stringValue",
            "EQATTR_bizLocation_sst", "HASATTR_readPoint", "orderBy", "orderDirection", "eventCountLimit",
            "maxEventCount", "perPage", "nextPageToken", "EQ_persistentDisposition_set", "EQ_unknownThing");

    private static final List<String> VALUES = List.of("ObjectEvent", "AggregationEvent|TransformationEvent",
            "2026-03-01T00:00:00Z", "2026-03-01T10:00:00.123+01:00", "2026-13-01T00:00:00Z", "ADD", "OBSERVE|DELETE",
            "commissioning", "urn:epcglobal:cbv:bizstep:packing", "active", "urn:epc:id:sgln:0614141.00777.0",
            "urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.*", "urn:epc:idpat:sgtin:0614141.*.*",
            "https://id.gs1.org/01/09521568251204/21/77", "urn:epc:class:lgtin:4012345.012345.998877", "10", "4.5",
            "-1", "0", "1e308", "eventTime", "recordTime", "ASC", "DESC", "3", "LOT1", "Temperature", "CEL", "true",
            "ni:///sha-256;abc?ver=CBV2.0", "urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8", "incorrect_data",
            "x".repeat(300), "", "|", "a|b|c|d|e|f|g", "%", "'; DROP TABLE epcis_event; --", "\\", "\u00e9", "*");

    private TestServers servers;
    private CaptureHttp http;
    private final List<String> failedRollbackJobs = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        http = new CaptureHttp(servers.main().baseUri());
        // Some events to find, so that queries run against rows, not an empty table.
        String location = CaptureHttp.accepted(http.capture("application/ld+json", "rollback", jsonDocument()));
        assertThat(http.awaitFinished(location, BOUND).getBoolean("success")).isTrue();
        assertThat(CaptureHttp.accepted(http.capture("application/xml", "rollback", XML_DOCUMENT))).isNotNull();
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void mutatedDocumentsAreCapturedOrRefusedAndAFailedRollbackStoresNothing() throws Exception {
        Mutator mutator = new Mutator(SEED);
        for (int i = 0; i < CASES; i++) {
            boolean xml = mutator.random().nextBoolean();
            String behaviour = mutator.random().nextBoolean() ? "rollback" : "proceed";
            String input = mutator.mutate(xml ? XML_DOCUMENT : jsonDocument());
            Case c = new Case("document", i, input);
            HttpResponse<String> response = c.check(() -> http.capture(xml ? "application/xml" : "application/ld+json",
                    behaviour, input));
            if (response.statusCode() == 202) {
                String location = response.headers().firstValue("Location").orElseThrow();
                JsonObject job = c.finished(location);
                if (!job.getBoolean("success") && behaviour.equals("rollback")) {
                    failedRollbackJobs.add(location.substring("/capture/".length()));
                }
            }
        }
        assertThat(failedRollbackJobs).as("no failed rollback job (the mutations did nothing?)").isNotEmpty();
        try (Connection c = servers.main().dataSource().getConnection();
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM epcis_event WHERE capture_id = ?")) {
            for (String job : failedRollbackJobs) {
                count.setString(1, job);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("events stored by the failed rollback job %s", job).isZero();
                }
            }
        }
        assertHealthy();
    }

    @Test
    void mutatedSingleEventsAreStoredOrRefused() throws Exception {
        Mutator mutator = new Mutator(SEED + 1);
        String[] events = JSON_EVENTS.split("(?<=\\}),(?=\\{\"type\")");
        for (int i = 0; i < CASES; i++) {
            String event = events[mutator.random().nextInt(events.length)];
            String input = mutator.mutate("{" + CONTEXT + "," + event.substring(1));
            Case c = new Case("event", i, input);
            c.check(() -> http.event("application/ld+json", input));
        }
        assertHealthy();
    }

    @Test
    void mutatedAndGeneratedQueriesAreAnsweredOrRefused() throws Exception {
        Mutator mutator = new Mutator(SEED + 2);
        Random random = mutator.random();
        int answered = 0;
        for (int i = 0; i < CASES * 2; i++) {
            StringBuilder query = new StringBuilder();
            int parameters = 1 + random.nextInt(4);
            for (int p = 0; p < parameters; p++) {
                query.append(p == 0 ? "" : "&").append(encode(PARAMETERS.get(random.nextInt(PARAMETERS.size()))))
                        .append('=').append(encode(VALUES.get(random.nextInt(VALUES.size()))));
            }
            String mutated = random.nextInt(3) == 0 ? mutator.mutate(query.toString()) : query.toString();
            // UTF-8 cannot carry a lone surrogate (mutations insert them): it travels as '?', as any client sends it
            String raw = new String(mutated.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            Case c = new Case("query", i, raw);
            URI uri;
            try {
                // What goes on the wire is ASCII: other characters travel percent-encoded as UTF-8.
                uri = http.base().resolve("events?" + URI.create("x:/?" + raw).toASCIIString().substring(4));
            } catch (IllegalArgumentException notAUri) {
                uri = http.base().resolve("events?" + encodeLoosely(raw));
            }
            URI target = uri;
            HttpResponse<String> response = c.check(() -> http.send(HttpRequest.newBuilder(target)
                    .timeout(BOUND).header("Accept", "application/ld+json").GET().build()));
            if (response.statusCode() == 200) {
                answered++;
            }
        }
        assertThat(answered).as("queries answered with 200 (the generator only made refusals?)").isPositive();
        assertHealthy();
    }

    @Test
    void mutatedNamedQueriesAreCreatedOrRefused() throws Exception {
        Mutator mutator = new Mutator(SEED + 3);
        String definition = "{\"name\":\"q%d\",\"query\":{\"eventType\":[\"ObjectEvent\"],\"EQ_bizStep\":"
                + "[\"commissioning\"],\"GE_eventTime\":\"2026-01-01T00:00:00Z\",\"MATCH_epc\":"
                + "[\"urn:epc:id:sgtin:0614141.107346.2017\"]}}";
        for (int i = 0; i < CASES; i++) {
            String input = mutator.mutate(String.format(definition, i));
            Case c = new Case("named query", i, input);
            HttpResponse<String> created = c.check(() -> http.send(HttpRequest.newBuilder(http.base().resolve("queries"))
                    .timeout(BOUND).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(input)).build()));
            if (created.statusCode() == 201) {
                String location = created.headers().firstValue("Location").orElseThrow();
                c.check(() -> http.get(location + (location.endsWith("/") ? "" : "/") + "events", "application/ld+json"));
            }
        }
        assertHealthy();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** One input: its kind and number (with the seed, enough to replay it) and the input itself. */
    private final class Case {
        private final String kind;
        private final int number;
        private final String input;

        Case(String kind, int number, String input) {
            this.kind = kind;
            this.number = number;
            this.input = input;
        }

        /** Sends, and checks the answer is a 2xx, or a 4xx with problem details, in time. */
        HttpResponse<String> check(Call call) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = call.send();
            } catch (IOException e) {
                throw fail("no answer: " + e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int status = response.statusCode();
            if (took.compareTo(BOUND) > 0) {
                throw fail("answered in " + took);
            }
            if (status >= 200 && status < 300) {
                return response;
            }
            if (status < 400 || status >= 500) {
                throw fail("status " + status + ": " + response.body());
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.contains("problem+json") && !type.contains("problem+xml")) {
                throw fail("status " + status + " without problem details (" + type + "): " + response.body());
            }
            if (type.contains("json")) {
                JsonObject problem = new JsonObject(response.body());
                if (!problem.getString("type", "").startsWith("epcisException:")
                        || problem.getInteger("status", 0) != status || problem.getString("detail", "").isBlank()) {
                    throw fail("a problem without an EPCIS type, status or detail: " + response.body());
                }
            }
            return response;
        }

        /** Waits for the job and checks that it finished, with errors when it failed. */
        JsonObject finished(String location) throws Exception {
            JsonObject job;
            try {
                job = http.awaitFinished(location, BOUND);
            } catch (AssertionError e) {
                throw fail(e.getMessage());
            }
            if (!job.getBoolean("success") && job.getJsonArray("errors").isEmpty()) {
                throw fail("a failed job without errors: " + job);
            }
            return job;
        }

        private AssertionError fail(String what) throws IOException {
            Files.createDirectories(FAILURES);
            Path file = FAILURES.resolve(kind.replace(' ', '-') + "-" + SEED + "-" + number + ".txt");
            // getBytes replaces a lone surrogate (which mutations insert) instead of throwing
            Files.write(file, input.getBytes(StandardCharsets.UTF_8));
            return new AssertionError(kind + " case " + number + " of seed " + SEED + " (input in " + file + "): "
                    + what);
        }
    }

    private void assertHealthy() throws Exception {
        HttpResponse<String> health = http.get("/health", "application/json");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    }

    private static String jsonDocument() {
        return "{" + CONTEXT + ",\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\","
                + "\"creationDate\":\"2026-03-01T00:00:00Z\",\"epcisBody\":{\"eventList\":[" + JSON_EVENTS + "]}}";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Percent-encodes what java.net.URI refuses, keeping the mutated structure (&, =, %) as it is. */
    private static String encodeLoosely(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}#[] ".indexOf(c) < 0 && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
