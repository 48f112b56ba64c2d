package io.tracewell.server.reliability;

import static io.tracewell.server.config.TracewellConfig.DB_CONNECTION_TIMEOUT_MS;
import static io.tracewell.server.config.TracewellConfig.DB_URL;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database goes away while a capture job runs, and comes back. The server reaches its database through a
 * {@link TcpProxy}, which the test cuts: every connection is reset (the database rolls back the job's open
 * transaction) and new ones are refused. While it is away {@code /health} says 503; once it is back the server
 * serves again without a restart, and the job finishes: all its events stored once, or none and a reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

    private static final Path DATA = Path.of("target", "database outage test").toAbsolutePath();
    private static final int EVENTS = 20_000;

    private TestServers servers;
    private TcpProxy proxy;
    private String database;
    private String databaseServer;
    private CaptureHttp http;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        int port = servers.main().embeddedDatabase().orElseThrow().port();
        databaseServer = "jdbc:mariadb://127.0.0.1:" + port + "/";
        proxy = new TcpProxy("127.0.0.1", port);
        database = servers.createDatabase();
        TracewellServer server = servers.startOn(database, Map.of(
                DB_URL, "jdbc:mariadb://127.0.0.1:" + proxy.port() + "/" + database,
                DB_CONNECTION_TIMEOUT_MS, "2000"));
        http = new CaptureHttp(server.baseUri());
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aJobRunningWhenTheDatabaseGoesAwayFinishesWholeOrNotAtAllAndTheServerRecoversWithoutARestart()
            throws Exception {
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        String location = CaptureHttp.accepted(http.capture("application/ld+json", "rollback", document(prefix)));
        String job = location.substring("/capture/".length());
        awaitStoring(job);

        proxy.cut();
        try {
            Instant asked = Instant.now();
            HttpResponse<String> health = http.get("/health", "application/json");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
            assertThat(new JsonObject(health.body()).getString("database")).isEqualTo("DOWN");
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
            HttpResponse<String> query = http.get("/events?perPage=1", "application/ld+json");
            assertThat(query.statusCode()).as(query.body()).isEqualTo(503);
            assertThat(query.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(new JsonObject(query.body()).getString("type")).isEqualTo("epcisException:ImplementationException");
            assertThat(countEvents(job)).as("a rollback job keeps nothing before it commits").isZero();
            Thread.sleep(3_000); // long enough for the worker to notice, far shorter than the job lease
        } finally {
            proxy.restore();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (http.get("/health", "application/json").statusCode() != 200) {
            assertThat(Instant.now()).as("health UP again after the database came back").isBefore(deadline);
            Thread.sleep(200);
        }
        JsonObject finished = http.awaitFinished(location, Duration.ofSeconds(120));
        int stored = countEvents(job);
        if (finished.getBoolean("success")) {
            assertThat(stored).as("every event of the finished job, once").isEqualTo(EVENTS);
            assertThat(countDistinctEventIds(job)).isEqualTo(EVENTS);
        } else {
            assertThat(stored).as("a failed rollback job keeps nothing").isZero();
            assertThat(finished.getJsonArray("errors").encode()).contains("detail");
        }
        // The server serves captures again, without a restart.
        HttpResponse<String> event = http.event("application/ld+json", "{\"@context\":["
                + "\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"]," + event(prefix + "-after", 0)
                .substring(1));
        assertThat(event.statusCode()).as(event.body()).isEqualTo(201);
        // What the test expects of this server: the job is not lost to the outage.
        assertThat(finished.getBoolean("success")).as("the job finished after the outage: %s", finished).isTrue();
    }

    private void awaitStoring(String job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Connection c = direct(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT state FROM capture_job WHERE capture_id = '" + job + "'")) {
                if (rs.next() && rs.getString(1).equalsIgnoreCase("running")) {
                    Thread.sleep(300); // into the storing pass
                    return;
                }
            }
            assertThat(Instant.now()).as("job %s running", job).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private int countEvents(String job) throws Exception {
        try (Connection c = direct(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM epcis_event WHERE capture_id = '" + job + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int countDistinctEventIds(String job) throws Exception {
        try (Connection c = direct(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT event_id) FROM epcis_event WHERE capture_id = '"
                     + job + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A connection that does not go through the proxy. */
    private Connection direct() throws Exception {
        return DriverManager.getConnection(databaseServer + database, "root", "");
    }

    private static String document(String prefix) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            events.append(i == 0 ? "" : ",").append(event(prefix, i));
        }
        return "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
                + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-03-01T00:00:00Z\",\"epcisBody\":{\"eventList\":["
                + events + "]}}";
    }

    private static String event(String prefix, int i) {
        return "{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:" + UUID.nameUUIDFromBytes((prefix + i).getBytes())
                + "\",\"eventTime\":\"2026-03-01T10:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"OBSERVE\","
                + "\"epcList\":[\"urn:epc:id:sgtin:0614141.107346." + Math.abs((prefix + i).hashCode()) + "\"],"
                + "\"bizStep\":\"receiving\",\"readPoint\":{\"id\":\"urn:epc:id:sgln:0614141.00777." + i + "\"}}";
    }
}
