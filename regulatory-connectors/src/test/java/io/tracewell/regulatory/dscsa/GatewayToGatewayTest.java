package io.tracewell.regulatory.dscsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.capture.job.CaptureJobRunner;
import io.tracewell.epcis.capture.job.DocumentCapture;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.job.CaptureJob;
import io.tracewell.epcis.store.job.CaptureJobState;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.tracewell.epcis.store.schema.Migrations;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.regulatory.as2.As2PartnerProfile;
import io.tracewell.regulatory.as2.As2Receiver;
import io.tracewell.regulatory.as2.As2ReceiverSettings;
import io.tracewell.regulatory.as2.As2Sender;
import io.tracewell.regulatory.as2.InboundPartnerProfile;
import io.tracewell.regulatory.as2.TestPki;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Two gateways: the seller's sends the example shipment's DSCSA document over AS2, the buyer's receives it
 * (signature and decryption checked, signed MDN), turns the EPCIS 1.2 into a capture job and its capture workers
 * store the events. Each side has a database of its own; nothing in between is simulated.
 */
class GatewayToGatewayTest {

    private static final String SELLER_AS2 = "SELLER-AS2";
    private static final String BUYER_AS2 = "BUYER-AS2";

    @Test
    void aShipmentSentByOneGatewayIsCapturedByTheOther() throws Exception {
        TestPki.Identity seller = TestPki.identity("Seller AS2");
        TestPki.Identity buyer = TestPki.identity("Buyer AS2");
        try (DscsaTestDatabase sellerDb = DscsaTestDatabase.create();
             DscsaTestDatabase buyerDb = DscsaTestDatabase.create()) {
            ExampleShipment.store(new EventStore(sellerDb.dataSource(), EventHasher.standard(),
                    Clock.fixed(ExampleShipment.RECORD_TIME, ZoneOffset.UTC)));
            Migrations.migrate(buyerDb.dataSource());

            // The buyer: AS2 receiver, capture jobs and their workers on its own database.
            CaptureJobs jobs = new CaptureJobs(buyerDb.dataSource());
            EventStore buyerStore = EventStore.of(buyerDb.dataSource());
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.start();
            try (CaptureJobRunner workers = new CaptureJobRunner(jobs, DocumentCapture.of(jobs, buyerStore),
                         "buyer-node", 1, Duration.ofSeconds(30)).start();
                 As2Receiver receiver = As2Receiver.start(As2ReceiverSettings.builder().listen("127.0.0.1", 0)
                                 .path("/as2").messageIdDomain("as2.buyer.example")
                                 .identity(BUYER_AS2, buyer.keys().getPrivate(), List.of(buyer.certificate())).build(),
                         List.of(InboundPartnerProfile.builder().partnerAs2Id(SELLER_AS2).ourAs2Id(BUYER_AS2)
                                 .partnerCertificate(seller.certificate())
                                 .decryption(buyer.keys().getPrivate(), buyer.certificate())
                                 .signing(buyer.keys().getPrivate(), List.of(buyer.certificate())).build()),
                         buyerDb.dataSource(), new InboundCapture(jobs, workers::owner, workers.lease(),
                                 workers::submit, "buyer-org"));
                 As2Sender sender = new As2Sender(camel)) {

                // The seller: its DSCSA connector with the buyer as trading partner, over AS2 to the buyer's URL.
                As2PartnerProfile toBuyer = As2PartnerProfile.builder().ourAs2Id(SELLER_AS2).partnerAs2Id(BUYER_AS2)
                        .url(receiver.url()).fromAddress("as2@seller.example").partnerCertificate(buyer.certificate())
                        .signing(seller.keys().getPrivate(), List.of(seller.certificate()))
                        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)).build();
                DscsaConnector connector = new DscsaConnector(sellerDb.dataSource(),
                        List.of(ExampleShipment.buyer()), ExampleShipment.settings(),
                        new As2Transport(sender, Map.of(ExampleShipment.buyer().name(), toBuyer)),
                        DscsaConnector.Schedule.defaults(), "seller-node", Clock.systemUTC());
                connector.collect(100);
                connector.sendDue(100);

                // Every shipment to the buyer (the example has two) acknowledged, and captured by the buyer.
                List<Deliveries.Delivery> sent = new Deliveries(sellerDb.dataSource()).page(DscsaConnector.NAME,
                        Deliveries.State.ACKNOWLEDGED, 0, 100);
                assertThat(sent).extracting(Deliveries.Delivery::subject).contains(ExampleShipment.SHIPPING_ID);
                int stored = 0;
                for (Deliveries.Delivery d : sent) {
                    String captureId = InboundCapture.captureIdOf(SELLER_AS2, d.messageId());
                    Instant deadline = Instant.now().plusSeconds(60);
                    CaptureJob job = jobs.find(captureId).orElseThrow();
                    while (job.state() == CaptureJobState.RUNNING || job.state() == CaptureJobState.RECEIVING) {
                        assertThat(Instant.now()).as("the capture job finishes").isBefore(deadline);
                        Thread.sleep(100);
                        job = jobs.find(captureId).orElseThrow();
                    }
                    assertThat(job.state()).as(job.errorsJson()).isEqualTo(CaptureJobState.SUCCESS);
                    stored += job.eventsStored();
                }
                assertThat(stored).isGreaterThan(10);
                assertThat(count(buyerDb.dataSource(), "SELECT COUNT(*) FROM epcis_event")).isEqualTo(stored);
                assertThat(count(buyerDb.dataSource(), "SELECT COUNT(*) FROM epcis_event"
                        + " WHERE organisation = 'buyer-org'")).as("received events are the buyer's").isEqualTo(stored);
                assertThat(count(buyerDb.dataSource(), "SELECT COUNT(*) FROM epcis_event WHERE event_id = '"
                        + ExampleShipment.SHIPPING_ID + "' AND biz_step LIKE '%shipping'")).isEqualTo(1);
                assertThat(count(buyerDb.dataSource(), "SELECT COUNT(*) FROM as2_inbound_message"))
                        .isEqualTo(sent.size());
            } finally {
                camel.stop();
            }
        }
    }

    private static int count(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}
