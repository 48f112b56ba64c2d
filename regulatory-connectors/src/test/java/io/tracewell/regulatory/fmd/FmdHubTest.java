package io.tracewell.regulatory.fmd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.delivery.Deliveries.State;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.regulatory.dscsa.DscsaTestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The FMD connector against a WireMock EU hub over HTTPS that requires our client certificate (mutual TLS;
 * certificates made by {@link HubPki} in the test run), on a real MariaDB holding {@link FmdExample}. The hub stub
 * ({@link HubStub}) processes each client transaction id once, so that duplicates can be counted.
 */
class FmdHubTest {

    private static final Pattern TRX = Pattern.compile("<hub:ClientTrxId>([^<]*)</hub:ClientTrxId>");

    private static Path dir;
    private static HubPki pki;
    private static HubStub hub;
    private static WireMockServer wireMock;

    private DscsaTestDatabase database;
    private EventStore store;
    private Deliveries deliveries;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));

    @BeforeAll
    static void startHub() throws Exception {
        dir = Files.createTempDirectory("fmd-hub-test");
        pki = new HubPki(dir);
        hub = new HubStub();
        wireMock = new WireMockServer(WireMockConfiguration.wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(pki.serverKeyStore.toString()).keystorePassword("changeit")
                .keyManagerPassword("changeit").keystoreType("PKCS12")
                .trustStorePath(pki.serverTrustStore.toString()).trustStorePassword("changeit")
                .trustStoreType("PKCS12").needClientAuth(true).extensions(hub));
        wireMock.start();
        wireMock.stubFor(post(urlPathEqualTo("/obp")).willReturn(aResponse().withTransformers(HubStub.NAME)));
        // The first exchange of the JVM (TLS, WireMock) can take longer than the tests' request timeout.
        HubOutcome warm = adapter(pki.client(), Duration.ofSeconds(30)).status("warm-up");
        assertThat(warm.kind()).as(warm.detail()).isEqualTo(HubOutcome.Kind.NOT_RECEIVED);
    }

    private static SoapHubAdapter adapter(SSLContext tls, Duration requestTimeout) {
        return new SoapHubAdapter(new SoapHubAdapter.Settings(
                URI.create("https://localhost:" + wireMock.httpsPort() + "/obp"), "OBP-TEST-01", tls,
                Duration.ofSeconds(5), requestTimeout));
    }

    @AfterAll
    static void stopHub() throws Exception {
        if (wireMock != null) {
            wireMock.stop();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void database() {
        hub.reset();
        hub.lateMillis = 4_000;
        wireMock.resetRequests();
        database = DscsaTestDatabase.create();
        store = new EventStore(database.dataSource(), EventHasher.standard(),
                Clock.fixed(Instant.parse("2026-05-04T08:30:00Z"), ZoneOffset.UTC));
        deliveries = new Deliveries(database.dataSource());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private FmdConnector connector(ReleaseRule rule, SSLContext tls) {
        return new FmdConnector(database.dataSource(), adapter(tls, Duration.ofSeconds(2)), rule,
                new FmdConnector.Schedule(Duration.ofSeconds(30), Duration.ofMinutes(5), 4, Duration.ofMinutes(1)),
                "node-1", clock);
    }

    private FmdConnector connector(ReleaseRule rule) throws Exception {
        return connector(rule, pki.client());
    }

    private Deliveries.Delivery delivery(String subject) {
        return deliveries.page(FmdConnector.NAME, null, 0, 100).stream().filter(d -> d.subject().equals(subject))
                .findFirst().flatMap(d -> deliveries.find(d.id())).orElseThrow(() -> new AssertionError(
                        "no delivery " + subject));
    }

    /** The requests WireMock received for an operation, oldest first. */
    private static List<String> requests(String operation) {
        return wireMock.getAllServeEvents().stream().sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest).map(r -> r.getBodyAsString())
                .filter(b -> b.contains("<hub:" + operation + ">")).toList();
    }

    private static String trxId(String body) {
        Matcher m = TRX.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static final String PRODUCT = FmdConnector.PRODUCT + FmdExample.GTIN;
    private static final String BATCH = FmdConnector.BATCH + FmdExample.GTIN + ":" + FmdExample.LOT;

    private void uploaded(FmdConnector connector) {
        FmdExample.commission(store);
        assertThat(connector.collect(100)).isEqualTo(2);
        connector.sendDue(100);
        assertThat(delivery(PRODUCT).state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(delivery(BATCH).state()).isEqualTo(State.ACKNOWLEDGED);
    }

    @Test
    void productMasterDataThenTheBatchAreUploadedAndAccepted() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        uploaded(connector);
        assertThat(hub.processed()).extracting(HubStub.Processed::operation)
                .containsExactly("ProductMasterDataUpload", "BatchUpload");
        String batch = hub.processed().get(1).body();
        assertThat(batch).contains("<hub:Product scheme=\"GTIN\">04098765000010</hub:Product>")
                .contains("<hub:Id>B2026-07</hub:Id>").contains("<hub:ExpDate>280630</hub:ExpDate>")
                .contains("<hub:Packs count=\"5\">").contains("<hub:Pack sn=\"SN1001\"/>")
                .contains("<hub:Pack sn=\"SN1005\"/>").contains("<hub:Sender>OBP-TEST-01</hub:Sender>");
        String product = hub.processed().get(0).body();
        assertThat(product).contains("<hub:CommonName>examplocillin</hub:CommonName>")
                .contains("<hub:Market country=\"DE\">").contains("<hub:Market country=\"FR\">")
                .contains("<hub:NationalCode>3400912345678</hub:NationalCode>")
                .contains("<hub:Address>Lagerweg 7, 60311 Frankfurt am Main, DE</hub:Address>");
        Deliveries.Delivery d = delivery(BATCH);
        assertThat(d.messageId()).isEqualTo(hub.processed().get(1).clientTrxId()).hasSize(32);
        assertThat(new String(d.payload(), StandardCharsets.UTF_8)).isEqualTo(batch);
        assertThat(d.receiptInfo()).startsWith("ACCEPTED hubTrxId=HUB-");
        assertThat(d.contentType()).contains("action=\"urn:tracewell:fmd:hub:1:BatchUpload\"");
        assertThat(connector.collect(100)).as("the outbox rows are processed").isZero();
    }

    @Test
    void aSoapFaultIsRecordedWithItsCodeAndReasonAndTheBatchWaits() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        FmdExample.commission(store);
        connector.collect(100);
        hub.then(HubStub.Behaviour.SENDER_FAULT);
        connector.sendDue(100);
        Deliveries.Delivery product = delivery(PRODUCT);
        assertThat(product.state()).as("a refusal of the content is final").isEqualTo(State.DEAD);
        assertThat(product.lastError()).contains("rejected by the hub").contains("env:Sender A16")
                .contains("mandatory data missing: Common Name");
        assertThat(new String(product.receipt(), StandardCharsets.UTF_8)).contains("<env:Fault>");
        assertThat(product.receiptInfo()).contains("REJECTED").contains("code=A16");
        Deliveries.Delivery batch = delivery(BATCH);
        assertThat(batch.state()).isEqualTo(State.FAILED);
        assertThat(batch.lastError()).contains("waiting for " + PRODUCT).contains("dead");
        assertThat(batch.payload()).as("not built while it waits").isNull();
        assertThat(requests("BatchUpload")).isEmpty();

        // the operator fixes it on the hub's side and replays: the same bytes and id are accepted
        assertThat(deliveries.replay(product.id(), clock.instant())).isTrue();
        connector.sendDue(100);
        assertThat(delivery(PRODUCT).state()).isEqualTo(State.ACKNOWLEDGED);
        List<String> sent = requests("ProductMasterDataUpload");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo(sent.get(0));
    }

    @Test
    void aTimeoutIsRetriedWithTheSameClientTransactionIdAndTheHubProcessesItOnce() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        FmdExample.commission(store);
        connector.collect(100);
        hub.then(HubStub.Behaviour.ACCEPT_LATE);
        connector.sendDue(100);
        Deliveries.Delivery product = delivery(PRODUCT);
        assertThat(product.state()).isEqualTo(State.FAILED);
        assertThat(product.lastError()).contains("no answer within PT2S");
        clock.advance(Duration.ofSeconds(31));
        connector.sendDue(100);
        assertThat(delivery(PRODUCT).state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(delivery(PRODUCT).receiptInfo()).startsWith("ACCEPTED");
        assertThat(deliveries.attempts(product.id())).extracting(Deliveries.Attempt::outcome)
                .containsExactly("failed", "acknowledged");
        List<String> sent = requests("ProductMasterDataUpload");
        assertThat(sent).hasSize(2);
        assertThat(trxId(sent.get(1))).isEqualTo(trxId(sent.get(0))).isEqualTo(product.messageId());
        assertThat(hub.processed()).filteredOn(p -> p.operation().equals("ProductMasterDataUpload")).hasSize(1);
    }

    @Test
    void aConnectionResetThenSuccessLeavesExactlyOneUploadAcceptedByTheHub() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        FmdExample.commission(store);
        connector.collect(100);
        hub.then(HubStub.Behaviour.ACCEPT, HubStub.Behaviour.ACCEPT_THEN_RESET);
        connector.sendDue(100);
        Deliveries.Delivery batch = delivery(BATCH);
        assertThat(batch.state()).isEqualTo(State.FAILED);
        assertThat(batch.lastError()).contains("the hub may have processed it");
        clock.advance(Duration.ofSeconds(31));
        connector.sendDue(100);
        assertThat(delivery(BATCH).state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(delivery(BATCH).lastError()).isNull();
        List<String> sent = requests("BatchUpload");
        assertThat(sent).hasSize(2);
        assertThat(trxId(sent.get(1))).isEqualTo(trxId(sent.get(0))).isEqualTo(batch.messageId());
        assertThat(sent.get(1)).isEqualTo(sent.get(0));
        assertThat(hub.processed()).filteredOn(p -> p.operation().equals("BatchUpload")).hasSize(1);
    }

    @Test
    void aClientCertificateTheHubDoesNotTrustIsRefusedAndNothingIsProcessed() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING, pki.rogue());
        FmdExample.commission(store);
        connector.collect(100);
        connector.sendDue(100);
        Deliveries.Delivery product = delivery(PRODUCT);
        assertThat(product.state()).isEqualTo(State.FAILED);
        assertThat(product.lastError()).contains("TLS with the hub failed");
        assertThat(hub.processed()).isEmpty();
        assertThat(wireMock.getAllServeEvents()).as("no request got through").isEmpty();

        // the same delivery with the right certificate goes through, with its bytes and id
        clock.advance(Duration.ofSeconds(31));
        connector(ReleaseRule.COMMISSIONING).sendDue(100);
        assertThat(delivery(PRODUCT).state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(hub.processed().get(0).clientTrxId()).isEqualTo(product.messageId());
    }

    @Test
    void aRecallAfterATimeoutIsNotSentAgainWhenTheHubHasIt() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        uploaded(connector);
        FmdExample.store(store, FmdExample.recall());
        assertThat(connector.collect(100)).isEqualTo(1);
        hub.then(HubStub.Behaviour.ACCEPT_LATE);
        connector.sendDue(100);
        String subject = FmdConnector.RECALL + FmdExample.GTIN + ":" + FmdExample.LOT;
        assertThat(delivery(subject).state()).isEqualTo(State.FAILED);
        clock.advance(Duration.ofSeconds(31));
        connector.sendDue(100);
        Deliveries.Delivery recall = delivery(subject);
        assertThat(recall.state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(recall.receiptInfo()).startsWith("ACCEPTED");
        assertThat(deliveries.attempts(recall.id()).get(1).detail()).startsWith("status asked before resending");
        assertThat(requests("BatchRecall")).as("the recall went out once").hasSize(1);
        List<String> asked = requests("TransactionStatusRequest");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).contains("<hub:ClientTrxId>" + recall.messageId() + "</hub:ClientTrxId>");
        assertThat(requests("BatchRecall").get(0)).contains("<hub:Market>DE</hub:Market>")
                .contains("<hub:Market>FR</hub:Market>")
                .contains("<hub:Reason>out-of-specification dissolution results</hub:Reason>");

        // the same recall captured again is no second delivery
        FmdExample.store(store, FmdExample.recall().withCommon(FmdExample.recall().common().withEventID(
                FmdExample.id(31))));
        assertThat(connector.collect(100)).isZero();
    }

    @Test
    void aRecallTheHubNeverReceivedIsSentAgainAfterAskingWithTheSameBytes() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        uploaded(connector);
        FmdExample.store(store, FmdExample.recall());
        connector.collect(100);
        hub.then(HubStub.Behaviour.LATE_UNPROCESSED);
        connector.sendDue(100);
        clock.advance(Duration.ofSeconds(31));
        connector.sendDue(100);
        Deliveries.Delivery recall = delivery(FmdConnector.RECALL + FmdExample.GTIN + ":" + FmdExample.LOT);
        assertThat(recall.state()).isEqualTo(State.ACKNOWLEDGED);
        List<String> sent = requests("BatchRecall");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo(sent.get(0));
        assertThat(requests("TransactionStatusRequest")).hasSize(1);
        assertThat(hub.processed()).filteredOn(p -> p.operation().equals("BatchRecall")).hasSize(1);
    }

    @Test
    void underTheFirstShipmentRuleTheBatchGoesOutWithItsFirstShipmentAndLaterPacksOnTheirOwn() throws Exception {
        FmdConnector connector = connector(ReleaseRule.FIRST_SHIPMENT);
        FmdExample.commission(store);
        assertThat(connector.collect(100)).as("nothing before the release").isZero();
        FmdExample.store(store, FmdExample.shipping());
        assertThat(connector.collect(100)).isEqualTo(2);
        connector.sendDue(100);
        assertThat(delivery(BATCH).state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(hub.processed().get(1).body()).contains("<hub:Packs count=\"5\">");

        FmdExample.store(store, FmdExample.commissioning("2026-05-05T10:00:00.000+01:00",
                FmdExample.LATE_COMMISSIONING_ID, 6, 7));
        FmdExample.store(store, FmdExample.shipping().withCommon(FmdExample.shipping().common()
                .withEventID(FmdExample.id(11))));
        assertThat(connector.collect(100)).isEqualTo(1);
        connector.sendDue(100);
        Deliveries.Delivery later = delivery(FmdConnector.PACKS + FmdExample.GTIN + ":" + FmdExample.LOT + ":"
                + FmdExample.LATE_COMMISSIONING_ID);
        assertThat(later.state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(new String(later.payload(), StandardCharsets.UTF_8)).contains("<hub:Packs count=\"2\">")
                .contains("<hub:Pack sn=\"SN1006\"/>").contains("<hub:Pack sn=\"SN1007\"/>")
                .doesNotContain("SN1001");
    }

    @Test
    void packStateChangesCarryTheEmvsStateWithBatchAndExpiry() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        uploaded(connector);
        FmdExample.store(store, FmdExample.dispensing(), FmdExample.export());
        assertThat(connector.collect(100)).isEqualTo(2);
        connector.sendDue(100);
        String supplied = new String(delivery(FmdConnector.STATE + FmdExample.DISPENSING_ID).payload(),
                StandardCharsets.UTF_8);
        assertThat(supplied).contains("<hub:State>SUPPLIED</hub:State>").contains("<hub:Pack sn=\"SN1003\">")
                .contains("<hub:ExpDate>280630</hub:ExpDate>");
        Deliveries.Delivery exported = delivery(FmdConnector.STATE + FmdExample.EXPORT_ID);
        assertThat(exported.state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(new String(exported.payload(), StandardCharsets.UTF_8)).contains("<hub:State>EXPORTED</hub:State>")
                .contains("<hub:Packs count=\"2\">");
    }

    @Test
    void afterABatchRecallNoStateChangeOfItsPacksIsSent() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        uploaded(connector);
        FmdExample.store(store, FmdExample.recall());
        connector.collect(100);
        connector.sendDue(100);
        assertThat(delivery(FmdConnector.RECALL + FmdExample.GTIN + ":" + FmdExample.LOT).state())
                .isEqualTo(State.ACKNOWLEDGED);
        FmdExample.store(store, FmdExample.dispensing());
        connector.collect(100);
        connector.sendDue(100);
        Deliveries.Delivery state = delivery(FmdConnector.STATE + FmdExample.DISPENSING_ID);
        assertThat(state.state()).isEqualTo(State.DEAD);
        assertThat(state.lastError()).contains("recall:" + FmdExample.GTIN + ":" + FmdExample.LOT + " was accepted");
        assertThat(requests("PackStateChange")).isEmpty();
    }

    @Test
    void aStateChangeRetractedByAnErrorDeclarationBeforeSendingIsNotSent() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        uploaded(connector);
        var dispensing = FmdExample.dispensing();
        FmdExample.store(store, dispensing);
        FmdExample.store(store, dispensing.withCommon(new io.tracewell.epcis.model.CommonFields(
                dispensing.eventTime(), dispensing.eventTimeZoneOffset(), null, dispensing.eventID(),
                new io.tracewell.epcis.model.ErrorDeclaration(io.tracewell.epcis.model.EpcisTime.parse(
                        "2026-05-06T12:00:00.000Z"), io.tracewell.epcis.cbv.ErrorReason.INCORRECT_DATA, List.of(),
                        List.of()), null)));
        assertThat(connector.collect(100)).isEqualTo(1);
        connector.sendDue(100);
        Deliveries.Delivery state = delivery(FmdConnector.STATE + FmdExample.DISPENSING_ID);
        assertThat(state.state()).isEqualTo(State.DEAD);
        assertThat(state.lastError()).contains("retracted by an error declaration");
        assertThat(requests("PackStateChange")).isEmpty();
    }

    @Test
    void aBatchNumberBeyondTheRulesIsRefusedBeforeSendingWithTheReason() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        FmdExample.commission(store);
        String lot = "B2026-07-EXTRA-LONG-LOT";
        var event = FmdExample.commissioning("2026-05-04T09:00:00.000+01:00", FmdExample.id(3), 8, 8);
        event = new io.tracewell.epcis.model.ObjectEvent(event.common(), event.action(), event.epcList(), List.of(),
                event.where(), event.why(), List.of(), new io.tracewell.epcis.model.Ilmd(List.of(
                io.tracewell.epcis.model.ExtensionElement.text(new javax.xml.namespace.QName("urn:epcglobal:cbv:mda",
                        "lotNumber", "cbvmda"), lot),
                io.tracewell.epcis.model.ExtensionElement.text(new javax.xml.namespace.QName(
                        EmvsPackState.EXTENSION_NAMESPACE, "packExpiry", "fmd"), "280600"))), List.of());
        FmdExample.store(store, event);
        connector.collect(100);
        connector.sendDue(100);
        Deliveries.Delivery bad = delivery(FmdConnector.BATCH + FmdExample.GTIN + ":" + lot);
        assertThat(bad.state()).isEqualTo(State.DEAD);
        assertThat(bad.lastError()).contains("breaks the rules").contains("batch number \"" + lot + "\" has 23"
                + " characters, at most 20");
        assertThat(bad.payload()).isNull();
        assertThat(requests("BatchUpload")).hasSize(1).allMatch(b -> b.contains("<hub:Id>B2026-07</hub:Id>"));
    }

    @Test
    void theExpiryAsPrintedMayHaveDayZeroButMustNotContradictTheIlmdDate() throws Exception {
        FmdConnector connector = connector(ReleaseRule.COMMISSIONING);
        FmdExample.commission(store);
        FmdExample.store(store, printed(FmdExample.id(4), 8, "B-END-OF-MONTH", "280600"),
                printed(FmdExample.id(5), 9, "B-CONTRADICTED", "280700"));
        connector.collect(100);
        connector.sendDue(100);
        Deliveries.Delivery endOfMonth = delivery(FmdConnector.BATCH + FmdExample.GTIN + ":B-END-OF-MONTH");
        assertThat(endOfMonth.state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(new String(endOfMonth.payload(), StandardCharsets.UTF_8))
                .contains("<hub:ExpDate>280600</hub:ExpDate>");
        Deliveries.Delivery contradicted = delivery(FmdConnector.BATCH + FmdExample.GTIN + ":B-CONTRADICTED");
        assertThat(contradicted.state()).isEqualTo(State.DEAD);
        assertThat(contradicted.lastError()).contains("expiry date \"280700 (itemExpirationDate 2028-06-30)\" is not"
                + " YYMMDD");
        assertThat(requests("BatchUpload")).noneMatch(b -> b.contains("B-CONTRADICTED"));
    }

    /** A commissioning of one pack whose ILMD has the expiry date 2028-06-30 and {@code fmd:packExpiry}. */
    private static io.tracewell.epcis.model.ObjectEvent printed(String eventId, int pack, String lot,
                                                                String packExpiry) {
        var event = FmdExample.commissioning("2026-05-04T09:00:00.000+01:00", eventId, pack, pack);
        return new io.tracewell.epcis.model.ObjectEvent(event.common(), event.action(), event.epcList(), List.of(),
                event.where(), event.why(), List.of(), new io.tracewell.epcis.model.Ilmd(List.of(
                io.tracewell.epcis.model.ExtensionElement.text(new javax.xml.namespace.QName("urn:epcglobal:cbv:mda",
                        "lotNumber", "cbvmda"), lot),
                io.tracewell.epcis.model.ExtensionElement.text(new javax.xml.namespace.QName("urn:epcglobal:cbv:mda",
                        "itemExpirationDate", "cbvmda"), "2028-06-30"),
                io.tracewell.epcis.model.ExtensionElement.text(new javax.xml.namespace.QName(
                        EmvsPackState.EXTENSION_NAMESPACE, "packExpiry", "fmd"), packExpiry))), List.of());
    }

    /** A clock the test moves. */
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
