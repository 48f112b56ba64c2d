package io.tracewell.regulatory.dscsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.delivery.Deliveries.State;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.regulatory.as2.As2LibPartner;
import io.tracewell.regulatory.as2.As2PartnerProfile;
import io.tracewell.regulatory.as2.As2Sender;
import io.tracewell.regulatory.as2.TestPki;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DSCSA gateway end to end: example shipments stored in MariaDB, the connector's deliveries sent over AS2
 * (signed, encrypted, signed MDN verified) to an independent AS2 implementation (as2-lib) on 127.0.0.1.
 */
class DscsaOverAs2Test {

    private static final TestPki.Identity US = TestPki.identity("Tracewell AS2");
    private static final TestPki.Identity PARTNER = TestPki.identity("Example Wholesale AS2");

    private DscsaTestDatabase database;
    private CamelContext camel;
    private As2Sender sender;
    private final DscsaConnectorTest.MutableClock clock =
            new DscsaConnectorTest.MutableClock(java.time.Instant.parse("2026-03-04T09:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        database = DscsaTestDatabase.create();
        ExampleShipment.store(new EventStore(database.dataSource(), EventHasher.standard(),
                Clock.fixed(ExampleShipment.RECORD_TIME, ZoneOffset.UTC)));
        camel = new DefaultCamelContext();
        camel.start();
        sender = new As2Sender(camel);
    }

    @AfterEach
    void stop() {
        sender.close();
        camel.stop();
        database.close();
    }

    @Test
    void aShipmentIsDeliveredOnceAfterThePartnerComesBackAndItsMdnIsKept() throws Exception {
        int port = As2LibPartner.freePort();
        DscsaConnector connector = connector(URI.create("http://127.0.0.1:" + port + "/as2"));
        connector.collect(100);
        Deliveries deliveries = new Deliveries(database.dataSource());
        long id = deliveries.page(DscsaConnector.NAME, null, 0, 100).stream()
                .filter(d -> d.subject().equals(ExampleShipment.SHIPPING_ID)).findFirst().orElseThrow().id();

        connector.sendDue(100); // the partner is down
        Deliveries.Delivery down = deliveries.find(id).orElseThrow();
        assertThat(down.state()).isEqualTo(State.FAILED);
        assertThat(down.lastError()).containsIgnoringCase("refused");

        try (As2LibPartner partner = new As2LibPartner(PARTNER, US.certificate(), port)) {
            clock.advance(Duration.ofMinutes(1));
            connector.sendDue(100);
            Deliveries.Delivery done = deliveries.find(id).orElseThrow();
            assertThat(done.state()).as(done.lastError()).isEqualTo(State.ACKNOWLEDGED);
            assertThat(done.receiptInfo()).contains("processed");
            assertThat(done.mic()).endsWith("sha-256");
            assertThat(done.receipt()).isNotEmpty();
            List<As2LibPartner.Received> received = partner.received().stream()
                    .filter(r -> r.messageId().equals(done.messageId())).toList();
            assertThat(received).hasSize(1);
            assertThat(received.get(0).payload()).isEqualTo(done.payload());

            clock.advance(Duration.ofHours(1));
            connector.sendDue(100);
            assertThat(partner.received().stream().filter(r -> r.messageId().equals(done.messageId())))
                    .as("an acknowledged delivery is not sent again").hasSize(1);
        }
    }

    @Test
    void aPartnerHoldingAnotherCertificateForUsRefusesAndTheDeliveryIsDeadWithTheReason() throws Exception {
        TestPki.Identity stranger = TestPki.identity("Stranger");
        try (As2LibPartner partner = new As2LibPartner(PARTNER, stranger.certificate())) {
            DscsaConnector connector = connector(partner.url());
            connector.collect(100);
            connector.sendDue(100);
            Deliveries deliveries = new Deliveries(database.dataSource());
            Deliveries.Delivery d = deliveries.page(DscsaConnector.NAME, null, 0, 100).stream()
                    .filter(x -> x.subject().equals(ExampleShipment.SHIPPING_ID)).findFirst().orElseThrow();
            assertThat(d.state()).isEqualTo(State.DEAD);
            assertThat(d.lastError()).containsIgnoringCase("integrity-check-failed");
        }
    }

    private DscsaConnector connector(URI partnerUrl) {
        As2PartnerProfile profile = As2PartnerProfile.builder()
                .ourAs2Id(As2LibPartner.OUR_AS2_ID)
                .partnerAs2Id(As2LibPartner.PARTNER_AS2_ID)
                .url(partnerUrl)
                .fromAddress("as2@tracewell.test")
                .partnerCertificate(PARTNER.certificate())
                .signing(US.keys().getPrivate(), List.of(US.certificate()))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
                .build();
        return new DscsaConnector(database.dataSource(), List.of(ExampleShipment.buyer()), ExampleShipment.settings(),
                new As2Transport(sender, Map.of(ExampleShipment.buyer().name(), profile)),
                new DscsaConnector.Schedule(Duration.ofSeconds(30), Duration.ofMinutes(5), 5, Duration.ofMinutes(1)),
                "node-1", clock);
    }
}
