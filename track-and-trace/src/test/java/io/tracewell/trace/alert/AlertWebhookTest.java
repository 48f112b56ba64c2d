package io.tracewell.trace.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tracewell.epcis.subscription.NotificationSignature;
import io.tracewell.trace.testdb.TraceTestDatabase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Webhook delivery to a real HTTP receiver, with the delivery state in a real MariaDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "alert-secret";

    private TraceTestDatabase database;
    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Answers of the receiver, in turn; when used up, 204. */
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger trigger = new AtomicInteger(1);

    private record Received(long alertId, String rule, byte[] body, String signature, String contentType, int status) {
    }

    @BeforeAll
    void start() throws Exception {
        database = TraceTestDatabase.create();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = answers.isEmpty() ? 204 : answers.remove(0);
            JsonNode alert = JSON.readTree(body);
            received.add(new Received(alert.get("id").asLong(), alert.get("rule").asText(), body,
                    exchange.getRequestHeaders().getFirst("GS1-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @BeforeEach
    void clean() {
        execute("DELETE FROM trace_alert");
        received.clear();
        answers.clear();
    }

    @AfterEach
    void nothingLeft() {
        answers.clear();
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
        database.close();
    }

    @Test
    void eachAlertIsPostedSignedAndRetriedUntilTheReceiverAnswers2xx() throws Exception {
        long first = raise("commissioned-twice");
        long second = raise("clone");
        answers.addAll(List.of(503, 500));
        try (AlertWebhook webhook = new AlertWebhook(database.dataSource(), settings(Duration.ofMillis(50)))) {
            assertThat(webhook.runOnce()).as("both refused the first time").isZero();
            assertThat(received).hasSize(2);
            Thread.sleep(200);
            assertThat(webhook.runOnce()).isEqualTo(2);
            assertThat(webhook.runOnce()).as("delivered alerts are not sent again").isZero();
        }
        assertThat(received).hasSize(4);
        assertThat(received).extracting(Received::alertId).containsExactly(first, second, first, second);
        for (Received r : received) {
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(NotificationSignature.verify(SECRET, r.body(), r.signature())).as("signed").isTrue();
            assertThat(NotificationSignature.verify("another", r.body(), r.signature())).isFalse();
        }
        JsonNode body = JSON.readTree(received.get(2).body());
        assertThat(body.get("rule").asText()).isEqualTo("commissioned-twice");
        assertThat(body.get("epc").asText()).isEqualTo("https://id.gs1.org/01/09506000134352/21/S" + first);
        assertThat(body.get("eventIDs").get(0).asText()).isEqualTo("ni:///sha-256;x?ver=CBV2.0");
        assertThat(body.get("state").asText()).isEqualTo("open");
        assertThat(state(first)).isEqualTo("delivered 2 204 null");
        assertThat(state(second)).isEqualTo("delivered 2 204 null");
    }

    @Test
    void failedAttemptsWaitLongerEachTimeUpToTheLongest() throws Exception {
        long id = raise("clone");
        answers.addAll(List.of(500, 500, 500, 500));
        AlertWebhook.Settings settings = new AlertWebhook.Settings(url(), Optional.of(SECRET), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(1), 10);
        try (AlertWebhook webhook = new AlertWebhook(database.dataSource(), settings)) {
            assertThat(webhook.runOnce()).isZero();
            assertThat(state(id)).isEqualTo("pending 1 500 the receiver answered 500");
            assertThat(secondsUntilNext(id)).isBetween(8L, 10L);
            assertThat(webhook.runOnce()).as("not due yet").isZero();
            assertThat(received).hasSize(1);

            execute("UPDATE trace_alert SET webhook_next_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND");
            webhook.runOnce();
            assertThat(secondsUntilNext(id)).as("twice the first wait").isBetween(18L, 20L);
            execute("UPDATE trace_alert SET webhook_next_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND");
            webhook.runOnce();
            assertThat(secondsUntilNext(id)).as("40 s, capped at 30 s").isBetween(28L, 30L);
            assertThat(received).hasSize(3);
        }
    }

    @Test
    void anAlertIsDeliveredAfterARestartAndAClaimOfAStoppedNodeRunsOut() {
        long notTried = raise("clone");
        long claimedByAStoppedNode = raise("clone");
        long claimedByALiveNode = raise("clone");
        // A node claimed two alerts and stopped before it could send or record anything; its claim on one of them
        // has run out by now, on the other it has not.
        execute("UPDATE trace_alert SET webhook_next_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = "
                + claimedByAStoppedNode);
        execute("UPDATE trace_alert SET webhook_next_at = UTC_TIMESTAMP(6) + INTERVAL 1 MINUTE WHERE id = "
                + claimedByALiveNode);
        try (AlertWebhook restarted = new AlertWebhook(database.dataSource(), settings(Duration.ofMillis(50)))) {
            assertThat(restarted.runOnce()).isEqualTo(2);
        }
        assertThat(received).extracting(Received::alertId).containsExactly(notTried, claimedByAStoppedNode);
        try (AlertWebhook again = new AlertWebhook(database.dataSource(), settings(Duration.ofMillis(50)))) {
            assertThat(again.runOnce()).isZero();
        }
        assertThat(state(claimedByALiveNode)).startsWith("pending 0");
    }

    @Test
    void wakingDeliversANewAlertAtOnceAndWithoutASecretNothingIsSigned() throws Exception {
        AlertWebhook.Settings unsigned = new AlertWebhook.Settings(url(), Optional.of(""), Duration.ofMillis(50),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(10), 10);
        try (AlertWebhook webhook = new AlertWebhook(database.dataSource(), unsigned)) {
            long id = raise("outside-market");
            webhook.wake();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(received).hasSize(1);
            assertThat(received.get(0).alertId()).isEqualTo(id);
            assertThat(received.get(0).signature()).isNull();
        }
    }

    private AlertWebhook.Settings settings(Duration firstRetry) {
        return new AlertWebhook.Settings(url(), Optional.of(SECRET), firstRetry, firstRetry.multipliedBy(4),
                Duration.ofSeconds(5), Duration.ofMinutes(10), 10);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    private long raise(String rule) {
        int row = trigger.getAndIncrement();
        try (Connection c = database.dataSource().getConnection()) {
            AlertStore.raise(c, new Finding(rule, "https://id.gs1.org/01/09506000134352/21/S" + row, row,
                    List.of("ni:///sha-256;x?ver=CBV2.0"), "found " + row));
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id FROM trace_alert WHERE trigger_event_row = " + row)) {
                r.next();
                long id = r.getLong(1);
                // the EPC names the alert's id, so that the body can be checked against it
                s.executeUpdate("UPDATE trace_alert SET epc = 'https://id.gs1.org/01/09506000134352/21/S" + id
                        + "' WHERE id = " + id);
                return id;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "delivered|pending attempts status error". */
    private String state(long id) {
        return query("SELECT CONCAT(IF(webhook_delivered_at IS NULL, 'pending', 'delivered'), ' ', webhook_attempts,"
                + " ' ', IFNULL(webhook_status, 'null'), ' ', IFNULL(webhook_error, 'null')) FROM trace_alert"
                + " WHERE id = " + id);
    }

    private long secondsUntilNext(long id) {
        return Long.parseLong(query("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), webhook_next_at) FROM trace_alert"
                + " WHERE id = " + id));
    }

    private String query(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
