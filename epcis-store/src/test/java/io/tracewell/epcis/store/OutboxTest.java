package io.tracewell.epcis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.outbox.Outbox;
import io.tracewell.epcis.store.outbox.OutboxEntry;
import io.tracewell.epcis.store.schema.Migrations;
import io.tracewell.epcis.store.testdb.TestDatabase;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.store.write.OutboxKind;
import io.tracewell.epcis.store.write.StoreResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The outbox seen by its consumers, on one MariaDB server; the subclasses choose the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OutboxTest {

    private TestDatabase database;
    private Sql sql;
    private EventStore store;
    private Outbox outbox;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void migrate() {
        database = createDatabase();
        Migrations.migrate(database.dataSource());
        sql = new Sql(database.dataSource());
        store = EventStore.of(database.dataSource());
        outbox = new Outbox(database.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        for (String table : List.of("epcis_outbox_receipt", "epcis_outbox_consumer", "epcis_outbox", "epcis_event")) {
            sql.execute("DELETE FROM " + table);
        }
    }

    @Test
    void eachConsumerSeesTheRowsItHasNotMarked() {
        outbox.register("subscriptions");
        outbox.register("connector-a");
        StoreResult first = store.store(List.of(FullEvents.objectEvent("urn:uuid:1"),
                FullEvents.aggregationEvent("urn:uuid:2")),
                        CaptureContext.capture("cap-1", "org-a", FullEvents.NAMESPACES));
        StoreResult second = store.store(List.of(FullEvents.transactionEvent("urn:uuid:3")),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES));

        outbox.markProcessed("subscriptions", first.outboxId());

        assertThat(outbox.pending("subscriptions", 10)).extracting(OutboxEntry::id)
                .containsExactly(second.outboxId());
        List<OutboxEntry> forConnector = outbox.pending("connector-a", 10);
        assertThat(forConnector).extracting(OutboxEntry::id).containsExactly(first.outboxId(), second.outboxId());
        assertThat(forConnector.get(0)).extracting(OutboxEntry::kind, OutboxEntry::captureId, OutboxEntry::eventCount)
                .containsExactly(OutboxKind.CAPTURE, "cap-1", 2);
        assertThat(forConnector.get(1)).extracting(OutboxEntry::kind, OutboxEntry::captureId, OutboxEntry::eventCount)
                .containsExactly(OutboxKind.EVENT, null, 1);
        assertThat(outbox.pending("connector-a", 1)).extracting(OutboxEntry::id).containsExactly(first.outboxId());
    }

    @Test
    void theEventsOfARowAreReadBackInCaptureOrder() {
        StoreResult result = store.store(List.of(FullEvents.objectEvent("urn:uuid:1"),
                FullEvents.aggregationEvent("urn:uuid:2")),
                        CaptureContext.capture("cap-1", "org-a", FullEvents.NAMESPACES));

        assertThat(outbox.events(result.outboxId())).extracting(EpcisEvent::eventID)
                .containsExactly("urn:uuid:1", "urn:uuid:2");
    }

    @Test
    void markingTwiceIsHarmless() {
        outbox.register("subscriptions");
        long id = store.store(List.of(FullEvents.objectEvent("urn:uuid:1")),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES)).outboxId();

        outbox.markProcessed("subscriptions", id);
        outbox.markProcessed("subscriptions", id);

        assertThat(sql.count("epcis_outbox_receipt")).isEqualTo(1);
        assertThat(outbox.pending("subscriptions", 10)).isEmpty();
    }

    @Test
    void oneNodeHoldsALeaseUntilItRunsOutOrIsReleased() throws InterruptedException {
        outbox.register("connector-a");

        assertThat(outbox.acquireLease("connector-a", "node-1", Duration.ofMinutes(1))).isTrue();
        assertThat(outbox.acquireLease("connector-a", "node-2", Duration.ofMinutes(1))).isFalse();
        assertThat(outbox.acquireLease("connector-a", "node-1", Duration.ofMinutes(1))).as("renewal").isTrue();

        outbox.releaseLease("connector-a", "node-2");
        assertThat(outbox.acquireLease("connector-a", "node-2", Duration.ofMinutes(1)))
                .as("a release by a non-holder changes nothing").isFalse();
        outbox.releaseLease("connector-a", "node-1");
        assertThat(outbox.acquireLease("connector-a", "node-2", Duration.ofMillis(20))).isTrue();

        Thread.sleep(50);
        assertThat(outbox.acquireLease("connector-a", "node-1", Duration.ofMinutes(1))).as("after expiry").isTrue();
        assertThat(sql.one("SELECT lease_owner FROM epcis_outbox_consumer WHERE consumer = 'connector-a'"))
                .isEqualTo("node-1");
    }

    @Test
    void leasesOfDifferentConsumersAreIndependent() {
        outbox.register("connector-a");
        outbox.register("connector-b");

        assertThat(outbox.acquireLease("connector-a", "node-1", Duration.ofMinutes(1))).isTrue();
        assertThat(outbox.acquireLease("connector-b", "node-2", Duration.ofMinutes(1))).isTrue();
    }
}
