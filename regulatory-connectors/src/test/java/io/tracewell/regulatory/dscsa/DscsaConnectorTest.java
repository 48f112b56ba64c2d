package io.tracewell.regulatory.dscsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.delivery.Deliveries.State;
import io.tracewell.epcis.store.write.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DSCSA connector on a real MariaDB holding the example shipments: deliveries created from the outbox once per
 * shipment and partner, documents built once and resent byte for byte, failures retried on the back-off and ended
 * as dead letters, missing transaction data reported. The transport is a recording one here; the AS2 transport has
 * tests of its own against an independent AS2 implementation.
 */
class DscsaConnectorTest {

    private DscsaTestDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T09:00:00Z"));
    private final RecordingTransport transport = new RecordingTransport();
    private DscsaConnector connector;
    private Deliveries deliveries;

    /** Each test on a database of its own holding the example shipments. */
    @BeforeEach
    void store() {
        database = DscsaTestDatabase.create();
        ExampleShipment.store(new EventStore(database.dataSource(), EventHasher.standard(),
                Clock.fixed(ExampleShipment.RECORD_TIME, ZoneOffset.UTC)));
        connector = new DscsaConnector(database.dataSource(), List.of(ExampleShipment.buyer(),
                ExampleShipment.otherBuyer()), ExampleShipment.settings(), transport,
                new DscsaConnector.Schedule(Duration.ofSeconds(30), Duration.ofMinutes(2), 4, Duration.ofMinutes(1)),
                "node-1", clock);
        deliveries = new Deliveries(database.dataSource());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shipmentsBecomeOneDeliveryPerPartnerAndAreSentByteForByteUntilAcknowledged() {
        int created = connector.collect(100);
        Map<String, Deliveries.Delivery> bySubject = deliveries.page(DscsaConnector.NAME, null, 0, 100).stream()
                .collect(Collectors.toMap(Deliveries.Delivery::subject, Function.identity()));
        assertThat(created).isEqualTo(bySubject.size());
        assertThat(bySubject).containsKeys(ExampleShipment.SHIPPING_ID, ExampleShipment.OTHER_SHIPPING_ID,
                ExampleShipment.INCOMPLETE_SHIPPING_ID);
        assertThat(bySubject.get(ExampleShipment.SHIPPING_ID).partner()).isEqualTo("Example Wholesale");
        assertThat(bySubject.get(ExampleShipment.OTHER_SHIPPING_ID).partner()).isEqualTo("Other Pharmacy");
        assertThat(connector.collect(100)).as("the outbox rows are processed").isZero();

        // The partner is down on the first attempt: the delivery waits for its back-off, then goes with the same
        // bytes and message id.
        long shipment = bySubject.get(ExampleShipment.SHIPPING_ID).id();
        transport.answer = (partner, messageId) -> PartnerTransport.Outcome.failed(true, null, null,
                "connection refused");
        connector.sendDue(100);
        Deliveries.Delivery failed = deliveries.find(shipment).orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.lastError()).isEqualTo("connection refused");
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        List<Sent> first = transport.sentTo(shipment, failed.messageId());
        assertThat(first).hasSize(1);
        assertThat(new String(first.get(0).payload())).contains("EPCISDocument").contains("dscsaTransactionStatement");

        transport.answer = (partner, messageId) -> PartnerTransport.Outcome.acknowledged("mic=, sha-256",
                "MDN".getBytes(), "processed");
        clock.advance(Duration.ofSeconds(10));
        connector.sendDue(100);
        assertThat(transport.sentTo(shipment, failed.messageId())).as("not before its time").hasSize(1);
        clock.advance(Duration.ofSeconds(25));
        connector.sendDue(100);
        List<Sent> both = transport.sentTo(shipment, failed.messageId());
        assertThat(both).hasSize(2);
        assertThat(both.get(1).payload()).isEqualTo(both.get(0).payload());
        Deliveries.Delivery done = deliveries.find(shipment).orElseThrow();
        assertThat(done.state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(done.mic()).isEqualTo("mic=, sha-256");
        assertThat(done.payload()).isEqualTo(both.get(0).payload());
        assertThat(deliveries.attempts(shipment)).extracting(Deliveries.Attempt::outcome)
                .containsExactly("failed", "acknowledged");

        // Transaction data missing from the store: every missing item named, retried, finally dead.
        long incomplete = bySubject.get(ExampleShipment.INCOMPLETE_SHIPPING_ID).id();
        Deliveries.Delivery missing = deliveries.find(incomplete).orElseThrow();
        assertThat(missing.state()).isIn(State.FAILED, State.DEAD);
        assertThat(missing.lastError()).contains(ExampleShipment.UNKNOWN_GTIN.substring(1));
        assertThat(missing.payload()).as("no document with holes").isNull();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(3));
            connector.sendDue(100);
        }
        assertThat(deliveries.find(incomplete).orElseThrow().state()).isEqualTo(State.DEAD);
        assertThat(deliveries.find(incomplete).orElseThrow().attempts()).isEqualTo(4);
        assertThat(transport.sent.stream().noneMatch(s -> s.deliveryId() == incomplete)).isTrue();
    }

    @Test
    void aRefusalThatRetryingCannotChangeIsDeadAtOnceAndAReplaySendsTheSameBytes() {
        connector.collect(100);
        long other = deliveries.page(DscsaConnector.NAME, null, 0, 100).stream()
                .filter(d -> d.subject().equals(ExampleShipment.OTHER_SHIPPING_ID)).findFirst().orElseThrow().id();
        transport.answer = (partner, messageId) -> PartnerTransport.Outcome.failed(false, "x", "MDN".getBytes(),
                "processed/error: decryption-failed");
        clock.advance(Duration.ofHours(1));
        connector.sendDue(100);
        Deliveries.Delivery dead = deliveries.find(other).orElseThrow();
        assertThat(dead.state()).isEqualTo(State.DEAD);
        assertThat(dead.lastError()).contains("decryption-failed");
        assertThat(deliveries.replay(other, clock.instant())).isTrue();
        transport.answer = (partner, messageId) -> PartnerTransport.Outcome.acknowledged("x", null, "processed");
        connector.sendDue(100);
        List<Sent> sent = transport.sentTo(other, dead.messageId());
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).payload()).isEqualTo(sent.get(0).payload());
        assertThat(deliveries.find(other).orElseThrow().state()).isEqualTo(State.ACKNOWLEDGED);
    }

    // ---------------------------------------------------------------------------------------------------------

    record Sent(long deliveryId, String partner, String messageId, byte[] payload) {}

    interface Answer {
        PartnerTransport.Outcome of(TradingPartner partner, String messageId);
    }

    /** Records what would go to partners and answers as told. */
    final class RecordingTransport implements PartnerTransport {
        final List<Sent> sent = new ArrayList<>();
        volatile Answer answer = (partner, messageId) -> Outcome.acknowledged(null, null, "processed");

        @Override
        public Outcome send(TradingPartner partner, String messageId, byte[] payload, String contentType) {
            long id = deliveries.page(DscsaConnector.NAME, null, 0, 100).stream()
                    .filter(d -> messageId.equals(d.messageId())).findFirst().orElseThrow().id();
            sent.add(new Sent(id, partner.name(), messageId, payload));
            return answer.of(partner, messageId);
        }

        List<Sent> sentTo(long deliveryId, String messageId) {
            List<Sent> found = sent.stream().filter(s -> s.deliveryId() == deliveryId).toList();
            assertThat(found).allMatch(s -> s.messageId().equals(messageId));
            return found;
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
