package io.tracewell.epcis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.delivery.Deliveries.State;
import io.tracewell.epcis.store.schema.Migrations;
import io.tracewell.epcis.store.testdb.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The deliveries of the regulatory connectors, on one MariaDB server; the subclasses choose the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveriesTest {

    private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

    private TestDatabase database;
    private Sql sql;
    private Deliveries deliveries;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void migrate() {
        database = createDatabase();
        Migrations.migrate(database.dataSource());
        sql = new Sql(database.dataSource());
        deliveries = new Deliveries(database.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        sql.execute("DELETE FROM regulatory_delivery");
    }

    @Test
    void aSubjectIsDeliveredToAPartnerOnce() {
        assertThat(deliveries.create("dscsa", "wholesaler", "urn:uuid:ship-1", 7L, T0)).isTrue();
        assertThat(deliveries.create("dscsa", "wholesaler", "urn:uuid:ship-1", 8L, T0)).isFalse();
        assertThat(deliveries.create("dscsa", "pharmacy", "urn:uuid:ship-1", 7L, T0)).isTrue();
        assertThat(deliveries.create("eu-fmd", "wholesaler", "urn:uuid:ship-1", 7L, T0)).isTrue();
        assertThat(deliveries.page(null, null, 0, 10)).hasSize(3);
        assertThat(deliveries.page("dscsa", State.PENDING, 0, 10)).extracting(Deliveries.Delivery::partner)
                .containsExactly("wholesaler", "pharmacy");
    }

    @Test
    void aDeliveryCreatedInARolledBackTransactionDoesNotExist() throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            assertThat(Deliveries.create(c, "dscsa", "wholesaler", "urn:uuid:ship-2", 9L, T0)).isTrue();
            c.rollback();
        }
        assertThat(deliveries.due("dscsa", T0, 10)).isEmpty();
    }

    @Test
    void aLeaseKeepsOtherNodesOffAndPreparingFixesTheBytesOnce() {
        deliveries.create("dscsa", "wholesaler", "urn:uuid:ship-3", null, T0);
        long id = deliveries.due("dscsa", T0, 10).get(0);
        assertThat(deliveries.claim(id, "node-a", T0, T0.plusSeconds(60))).isTrue();
        assertThat(deliveries.claim(id, "node-b", T0.plusSeconds(10), T0.plusSeconds(70))).isFalse();
        assertThat(deliveries.due("dscsa", T0.plusSeconds(10), 10)).isEmpty();
        byte[] first = "<EPCISDocument/>".getBytes(StandardCharsets.UTF_8);
        assertThat(deliveries.prepared(id, "node-a", "<msg-1@tracewell>", first, "application/xml")).isTrue();
        assertThat(deliveries.prepared(id, "node-a", "<msg-2@tracewell>", "other".getBytes(StandardCharsets.UTF_8),
                "application/xml")).isFalse();
        Deliveries.Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.messageId()).isEqualTo("<msg-1@tracewell>");
        assertThat(d.payload()).isEqualTo(first);
        assertThat(d.payloadSha256()).hasSize(64);
        // A lease that ran out can be taken over, and the old holder can no longer record anything.
        assertThat(deliveries.claim(id, "node-b", T0.plusSeconds(61), T0.plusSeconds(121))).isTrue();
        assertThat(deliveries.attempted(id, "node-a", T0, T0.plusSeconds(62), State.ACKNOWLEDGED, null, null, null,
                null, "late")).isFalse();
        assertThat(deliveries.find(id).orElseThrow().state()).isEqualTo(State.PENDING);
    }

    @Test
    void failuresAreRetriedAtTheirTimeThenDeadThenReplayedWithTheSameBytes() {
        deliveries.create("dscsa", "wholesaler", "urn:uuid:ship-4", null, T0);
        long id = deliveries.due("dscsa", T0, 10).get(0);
        deliveries.claim(id, "node-a", T0, T0.plusSeconds(60));
        byte[] bytes = "<doc/>".getBytes(StandardCharsets.UTF_8);
        deliveries.prepared(id, "node-a", "<m@t>", bytes, "application/xml");
        Instant retry = T0.plus(Duration.ofMinutes(2));
        assertThat(deliveries.attempted(id, "node-a", T0, T0.plusSeconds(1), State.FAILED, retry, null, null, null,
                "connection refused")).isTrue();
        deliveries.release(id, "node-a");
        assertThat(deliveries.due("dscsa", retry.minusSeconds(1), 10)).isEmpty();
        assertThat(deliveries.due("dscsa", retry, 10)).containsExactly(id);

        deliveries.claim(id, "node-a", retry, retry.plusSeconds(60));
        assertThat(deliveries.attempted(id, "node-a", retry, retry.plusSeconds(1), State.DEAD, null, null,
                "MDN".getBytes(StandardCharsets.UTF_8), "processed/error: decryption-failed",
                "the partner could not decrypt")).isTrue();
        deliveries.release(id, "node-a");
        assertThat(deliveries.due("dscsa", retry.plus(Duration.ofDays(1)), 10)).isEmpty();
        Deliveries.Delivery dead = deliveries.find(id).orElseThrow();
        assertThat(dead.state()).isEqualTo(State.DEAD);
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(dead.lastError()).isEqualTo("the partner could not decrypt");
        assertThat(dead.receiptInfo()).contains("decryption-failed");
        assertThat(deliveries.attempts(id)).extracting(Deliveries.Attempt::outcome, Deliveries.Attempt::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("failed", "connection refused"),
                        org.assertj.core.groups.Tuple.tuple("dead", "the partner could not decrypt"));
        assertThat(deliveries.page("dscsa", State.DEAD, 0, 10)).extracting(Deliveries.Delivery::id)
                .containsExactly(id);

        Instant later = retry.plus(Duration.ofHours(3));
        assertThat(deliveries.replay(id, later)).isTrue();
        assertThat(deliveries.due("dscsa", later, 10)).containsExactly(id);
        deliveries.claim(id, "node-b", later, later.plusSeconds(60));
        assertThat(deliveries.attempted(id, "node-b", later, later.plusSeconds(1), State.ACKNOWLEDGED, null,
                "mic, sha-256", null, "processed", "acknowledged")).isTrue();
        Deliveries.Delivery done = deliveries.find(id).orElseThrow();
        assertThat(done.state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(done.messageId()).isEqualTo("<m@t>");
        assertThat(done.payload()).isEqualTo(bytes);
        assertThat(done.acknowledgedAt()).isEqualTo(later.plusSeconds(1));
        assertThat(done.lastError()).isNull();
        assertThat(deliveries.replay(id, later)).as("an acknowledged delivery is not replayed").isFalse();
    }

    @Test
    void aSentDeliveryAwaitsItsReceiptUntilItsDeadlineThenFailsAndALateReceiptStillSettlesIt() {
        deliveries.create("dscsa", "wholesaler", "urn:uuid:ship-6", null, T0);
        long id = deliveries.due("dscsa", T0, 10).get(0);
        deliveries.claim(id, "node-a", T0, T0.plusSeconds(60));
        deliveries.prepared(id, "node-a", "<async@t>", "<doc/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        Instant deadline = T0.plus(Duration.ofHours(1));
        assertThat(deliveries.attempted(id, "node-a", T0, T0.plusSeconds(1), State.SENT, deadline, "mic, sha-256",
                null, null, "awaiting the MDN")).isTrue();
        deliveries.release(id, "node-a");
        Deliveries.Delivery sent = deliveries.find(id).orElseThrow();
        assertThat(sent.state()).isEqualTo(State.SENT);
        assertThat(sent.nextAttemptAt()).isEqualTo(deadline);
        assertThat(sent.mic()).isEqualTo("mic, sha-256");
        assertThat(deliveries.due("dscsa", deadline.minusSeconds(1), 10)).isEmpty();
        assertThat(deliveries.due("dscsa", deadline, 10)).containsExactly(id);

        assertThat(deliveries.receiptOverdue(id, "node-a", deadline, State.FAILED, deadline.plusSeconds(30), "late"))
                .as("only the lease holder records an overdue receipt").isFalse();
        deliveries.claim(id, "node-a", deadline, deadline.plusSeconds(60));
        Instant retry = deadline.plusSeconds(30);
        assertThat(deliveries.receiptOverdue(id, "node-a", deadline, State.FAILED, retry, "no MDN within 1 h"))
                .isTrue();
        assertThat(deliveries.receiptOverdue(id, "node-a", deadline, State.FAILED, retry, "again"))
                .as("a failed delivery no longer awaits its receipt").isFalse();
        deliveries.release(id, "node-a");
        Deliveries.Delivery failed = deliveries.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.attempts()).as("the overdue receipt is the send's outcome, not another attempt")
                .isEqualTo(1);
        assertThat(failed.nextAttemptAt()).isEqualTo(retry);
        assertThat(failed.lastError()).isEqualTo("no MDN within 1 h");
        assertThat(deliveries.attempts(id)).extracting(Deliveries.Attempt::outcome).containsExactly("failed");

        assertThat(deliveries.receiptArrived("dscsa", "<other@t>", retry, State.ACKNOWLEDGED, null, new byte[] {1},
                "processed", "acknowledged")).isEmpty();
        assertThat(deliveries.receiptArrived("eu-fmd", "<async@t>", retry, State.ACKNOWLEDGED, null, new byte[] {1},
                "processed", "acknowledged")).as("another connector's message ids are not ours").isEmpty();
        byte[] mdn = "MDN".getBytes(StandardCharsets.UTF_8);
        Instant late = retry.minusSeconds(5);
        assertThat(deliveries.receiptArrived("dscsa", "<async@t>", late, State.ACKNOWLEDGED, null, mdn,
                "automatic-action/MDN-sent-automatically; processed", "acknowledged")).contains(id);
        Deliveries.Delivery done = deliveries.find(id).orElseThrow();
        assertThat(done.state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(done.receipt()).isEqualTo(mdn);
        assertThat(done.receiptInfo()).endsWith("processed");
        assertThat(done.acknowledgedAt()).isEqualTo(late);
        assertThat(done.lastError()).isNull();
        assertThat(done.nextAttemptAt()).isNull();
        assertThat(deliveries.attempts(id)).extracting(Deliveries.Attempt::outcome).containsExactly("acknowledged");
        assertThat(deliveries.due("dscsa", retry.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(deliveries.findByMessageId("dscsa", "<async@t>")).map(Deliveries.Delivery::id).contains(id);

        assertThat(deliveries.receiptArrived("dscsa", "<async@t>", late, State.DEAD, null, mdn, "processed/error",
                "refused")).as("an acknowledged delivery keeps its receipt").isEmpty();
        assertThat(deliveries.find(id).orElseThrow().state()).isEqualTo(State.ACKNOWLEDGED);
    }

    @Test
    void aReceiptCanRefuseASentDeliveryForGood() {
        deliveries.create("dscsa", "wholesaler", "urn:uuid:ship-7", null, T0);
        long id = deliveries.due("dscsa", T0, 10).get(0);
        deliveries.claim(id, "node-a", T0, T0.plusSeconds(60));
        deliveries.prepared(id, "node-a", "<refused@t>", new byte[] {1}, "application/xml");
        deliveries.attempted(id, "node-a", T0, T0, State.SENT, T0.plusSeconds(600), "mic, sha-256", null, null,
                "awaiting the MDN");
        deliveries.release(id, "node-a");
        assertThat(deliveries.receiptArrived("dscsa", "<refused@t>", T0.plusSeconds(5), State.DEAD, null,
                new byte[] {2}, "processed/error: decryption-failed", "the partner could not decrypt")).contains(id);
        Deliveries.Delivery dead = deliveries.find(id).orElseThrow();
        assertThat(dead.state()).isEqualTo(State.DEAD);
        assertThat(dead.lastError()).isEqualTo("the partner could not decrypt");
        assertThat(dead.nextAttemptAt()).isNull();
        assertThat(deliveries.due("dscsa", T0.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThatThrownBy(() -> deliveries.receiptArrived("dscsa", "<refused@t>", T0, State.SENT, null, null, null,
                "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAttemptMustSayWhatComesNext() {
        deliveries.create("dscsa", "wholesaler", "urn:uuid:ship-5", null, T0);
        long id = deliveries.due("dscsa", T0, 10).get(0);
        deliveries.claim(id, "node-a", T0, T0.plusSeconds(60));
        assertThatThrownBy(() -> deliveries.attempted(id, "node-a", T0, T0, State.FAILED, null, null, null, null,
                "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deliveries.attempted(id, "node-a", T0, T0, State.PENDING, T0, null, null, null,
                "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(deliveries.find(id).orElseThrow().attempts())).containsExactly(0);
    }
}
