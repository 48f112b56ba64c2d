package io.tracewell.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GS1-EPC-Format: Always_EPC_URN} turns Digital Links into EPC URIs only where the company prefix length
 * is known, from the table {@code epcis.company-prefix-lengths} names: the same stored event is answered with the
 * URN by a server that has the table and as captured by one that has not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyPrefixLengthsTest {

    private static final Path DATA = Path.of("target", "company prefix lengths test").toAbsolutePath();
    private static final String DL = "https://id.gs1.org/01/10614141073464/21/2017";
    private static final String URN = "urn:epc:id:sgtin:0614141.107346.2017";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServers servers;
    private TracewellServer withTable;
    private TracewellServer withoutTable;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        Path table = Files.createDirectories(DATA.resolveSibling("company prefix lengths table"))
                .resolve("lengths.txt");
        Files.writeString(table, "# our suppliers\n0614141=7\n");
        String database = servers.createDatabase();
        withTable = servers.startOn(database, Map.of("epcis.company-prefix-lengths", table.toString()));
        withoutTable = servers.startOn(database, Map.of());
        String document = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-03-01T10:00:00Z",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "eventID": "urn:uuid:7d1e2c5a-3b4f-4c6d-8e9f-000000000001",
                    "action": "OBSERVE", "eventTime": "2024-03-01T09:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                    "epcList": ["%s"], "bizStep": "shipping"}]}}""".formatted(DL);
        CaptureHttp http = new CaptureHttp(withTable.baseUri());
        JsonObject job = http.awaitFinished(CaptureHttp.accepted(http.capture("application/ld+json", null, document)),
                Duration.ofSeconds(60));
        assertThat(job.getBoolean("success")).as("capture job %s", job).isTrue();
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void alwaysEpcUrnUsesTheConfiguredLengths() throws Exception {
        assertThat(epcOf(withTable, "Always_EPC_URN")).isEqualTo(URN);
        assertThat(epcOf(withoutTable, "Always_EPC_URN")).isEqualTo(DL);
        assertThat(epcOf(withTable, "Always_GS1_Digital_Link")).isEqualTo(DL);
        assertThat(listedEpcs(withTable, "Always_EPC_URN")).contains(URN).doesNotContain(DL);
    }

    private static String epcOf(TracewellServer server, String format) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve(
                "events?MATCH_epc=" + URLEncoder.encode(DL, StandardCharsets.UTF_8)))
                .header("GS1-EPC-Format", format).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList").getJsonObject(0).getJsonArray("epcList")
                .getString(0);
    }

    private static String listedEpcs(TracewellServer server, String format) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("epcs"))
                .header("GS1-EPC-Format", format).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
