package io.tracewell.regulatory.dscsa;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.delivery.Deliveries.State;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.regulatory.as2.As2LibPartner;
import io.tracewell.regulatory.as2.As2PartnerProfile;
import io.tracewell.regulatory.as2.As2Sender;
import io.tracewell.regulatory.as2.MdnVerifier;
import io.tracewell.regulatory.as2.TestPki;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous MDNs end to end: a DSCSA delivery sent over AS2 to a partner in asynchronous mode is sent and waits;
 * the MDN that as2-lib (an independent AS2 implementation) posts to {@link AsyncMdnReceiver} settles it, and a
 * missing MDN fails it at its deadline, to be resent with the same Message-ID.
 */
class AsyncMdnReceiverTest {

    private static final TestPki.Identity US = TestPki.identity("Tracewell AS2");
    private static final TestPki.Identity PARTNER = TestPki.identity("Example Wholesale AS2");
    private static final Duration MDN_TIMEOUT = Duration.ofMinutes(10);

    private DscsaTestDatabase database;
    private CamelContext camel;
    private As2Sender sender;
    private AsyncMdnReceiver receiver;
    private Deliveries deliveries;
    private final HttpClient http = HttpClient.newHttpClient();
    private final DscsaConnectorTest.MutableClock clock =
            new DscsaConnectorTest.MutableClock(Instant.parse("2026-03-04T09:00:00Z"));

    @BeforeEach
    void start() {
        database = DscsaTestDatabase.create();
        ExampleShipment.store(new EventStore(database.dataSource(), EventHasher.standard(),
                Clock.fixed(ExampleShipment.RECORD_TIME, ZoneOffset.UTC)));
        camel = new DefaultCamelContext();
        camel.start();
        sender = new As2Sender(camel);
        deliveries = new Deliveries(database.dataSource());
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        sender.close();
        camel.stop();
        database.close();
    }

    @Test
    void theMdnPostedByThePartnerAcknowledgesTheSentDelivery() throws Exception {
        try (As2LibPartner partner = new As2LibPartner(PARTNER, US.certificate())) {
            DscsaConnector connector = connector(partner.url(), null);
            connector.collect(100);
            long id = deliveryId();
            connector.sendDue(100);

            Deliveries.Delivery done = await(id, d -> d.state() == State.ACKNOWLEDGED);
            assertThat(done.state()).as(done.lastError()).isEqualTo(State.ACKNOWLEDGED);
            assertThat(done.receiptInfo()).endsWith("processed");
            assertThat(done.receipt()).isNotEmpty();
            assertThat(done.mic()).endsWith("sha-256");
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(received(partner, done.messageId()))
                    .extracting(As2LibPartner.Received::receiptDeliveryOption)
                    .containsExactly(receiver.localUrl().toString());
            assertThat(deliveries.attempts(id)).extracting(Deliveries.Attempt::outcome).containsExactly("acknowledged");

            clock.advance(MDN_TIMEOUT.plusMinutes(1));
            connector.sendDue(100);
            assertThat(deliveries.find(id).orElseThrow().state()).as("no timeout after the MDN came")
                    .isEqualTo(State.ACKNOWLEDGED);
            assertThat(received(partner, done.messageId())).hasSize(1);
        }
    }

    @Test
    void anMdnForOtherContentKillsTheDeliveryWithTheReasonAndGarbageChangesNothing() throws Exception {
        BlockingQueue<byte[]> bodies = new ArrayBlockingQueue<>(10);
        BlockingQueue<String> types = new ArrayBlockingQueue<>(10);
        HttpServer relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relay.createContext("/mdn", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(in.readAllBytes());
            }
            types.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        relay.start();
        try (As2LibPartner partner = new As2LibPartner(PARTNER, US.certificate())) {
            DscsaConnector connector = connector(partner.url(),
                    URI.create("http://127.0.0.1:" + relay.getAddress().getPort() + "/mdn"));
            connector.collect(100);
            long id = deliveryId();
            connector.sendDue(100);
            Deliveries.Delivery sent = deliveries.find(id).orElseThrow();
            byte[] mdn = null;
            String type = null;
            while (mdn == null) { // the example holds more than one shipment: take this delivery's MDN
                byte[] body = bodies.poll(20, TimeUnit.SECONDS);
                assertThat(body).as("the partner's MDN for " + sent.messageId()).isNotNull();
                String bodyType = types.take();
                if (MdnVerifier.originalMessageId(body, bodyType).orElse("").equals(sent.messageId())) {
                    mdn = body;
                    type = bodyType;
                }
            }
            assertThat(sent.state()).isEqualTo(State.SENT);

            assertThat(post("not an MDN".getBytes(), "text/plain").statusCode()).isEqualTo(400);
            setColumn(id, "message_id", "<someone-else@tracewell.test>");
            assertThat(post(mdn, type).statusCode()).as("unknown Message-ID").isEqualTo(404);
            setColumn(id, "message_id", sent.messageId());
            assertThat(deliveries.find(id).orElseThrow().state()).isEqualTo(State.SENT);

            // as if the partner had received other content: the MIC we hold differs from the one it reports
            setColumn(id, "mic", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=, sha-256");
            HttpResponse<String> answer = post(mdn, type);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            Deliveries.Delivery dead = deliveries.find(id).orElseThrow();
            assertThat(dead.state()).isEqualTo(State.DEAD);
            assertThat(dead.lastError()).contains("MIC_MISMATCH").contains("Received-Content-MIC");
            assertThat(dead.receipt()).isEqualTo(mdn);
        } finally {
            relay.stop(0);
        }
    }

    @Test
    void withoutAnMdnBeforeTheDeadlineTheDeliveryFailsAndIsResentWithTheSameMessageId() throws Exception {
        List<String> messageIds = new CopyOnWriteArrayList<>();
        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            messageIds.add(exchange.getRequestHeaders().getFirst("Message-ID"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        silent.start();
        try {
            DscsaConnector connector = connector(
                    URI.create("http://127.0.0.1:" + silent.getAddress().getPort() + "/as2"), null);
            connector.collect(100);
            long id = deliveryId();
            connector.sendDue(100);
            Deliveries.Delivery sent = deliveries.find(id).orElseThrow();
            assertThat(sent.state()).as(sent.lastError()).isEqualTo(State.SENT);
            assertThat(sent.nextAttemptAt()).isEqualTo(clock.instant().plus(MDN_TIMEOUT));

            clock.advance(MDN_TIMEOUT.minusSeconds(1));
            connector.sendDue(100);
            assertThat(deliveries.find(id).orElseThrow().state()).as("before the deadline").isEqualTo(State.SENT);

            clock.advance(Duration.ofSeconds(1));
            connector.sendDue(100);
            Deliveries.Delivery failed = deliveries.find(id).orElseThrow();
            assertThat(failed.state()).isEqualTo(State.FAILED);
            assertThat(failed.lastError()).contains("no receipt").contains(sent.messageId());
            assertThat(messageIds.stream().filter(sent.messageId()::equals)).hasSize(1);

            clock.advance(Duration.ofSeconds(30));
            connector.sendDue(100);
            Deliveries.Delivery again = deliveries.find(id).orElseThrow();
            assertThat(again.state()).isEqualTo(State.SENT);
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(again.payload()).isEqualTo(sent.payload());
            assertThat(messageIds.stream().filter(sent.messageId()::equals)).as("resent with the same Message-ID")
                    .hasSize(2);
        } finally {
            silent.stop(0);
        }
    }

    private DscsaConnector connector(URI partnerUrl, URI mdnUrl) {
        Map<String, As2PartnerProfile> profiles = Map.of(ExampleShipment.buyer().name(),
                profile(partnerUrl, URI.create("http://127.0.0.1:1/mdn")));
        receiver = AsyncMdnReceiver.start("127.0.0.1", 0, "/mdn", database.dataSource(), profiles, clock);
        URI posted = mdnUrl == null ? receiver.localUrl() : mdnUrl;
        Map<String, As2PartnerProfile> sending = Map.of(ExampleShipment.buyer().name(), profile(partnerUrl, posted));
        return new DscsaConnector(database.dataSource(), List.of(ExampleShipment.buyer()), ExampleShipment.settings(),
                new As2Transport(sender, sending),
                new DscsaConnector.Schedule(Duration.ofSeconds(30), Duration.ofMinutes(5), 5, Duration.ofMinutes(1),
                        MDN_TIMEOUT),
                "node-1", clock);
    }

    private static As2PartnerProfile profile(URI partnerUrl, URI mdnUrl) {
        return As2PartnerProfile.builder()
                .ourAs2Id(As2LibPartner.OUR_AS2_ID)
                .partnerAs2Id(As2LibPartner.PARTNER_AS2_ID)
                .url(partnerUrl)
                .fromAddress("as2@tracewell.test")
                .partnerCertificate(PARTNER.certificate())
                .signing(US.keys().getPrivate(), List.of(US.certificate()))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
                .asyncMdn(mdnUrl)
                .build();
    }

    private static List<As2LibPartner.Received> received(As2LibPartner partner, String messageId) {
        return partner.received().stream().filter(r -> r.messageId().equals(messageId)).toList();
    }

    private long deliveryId() {
        return deliveries.page(DscsaConnector.NAME, null, 0, 100).stream()
                .filter(d -> d.subject().equals(ExampleShipment.SHIPPING_ID)).findFirst().orElseThrow().id();
    }

    private Deliveries.Delivery await(long id, Predicate<Deliveries.Delivery> done) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Deliveries.Delivery d = deliveries.find(id).orElseThrow();
        while (!done.test(d) && System.nanoTime() < until) {
            Thread.sleep(100);
            d = deliveries.find(id).orElseThrow();
        }
        return d;
    }

    private HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(receiver.localUrl()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void setColumn(long id, String column, String value) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE regulatory_delivery SET " + column + " = ? WHERE id = ?")) {
            s.setString(1, value);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }
}
