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
