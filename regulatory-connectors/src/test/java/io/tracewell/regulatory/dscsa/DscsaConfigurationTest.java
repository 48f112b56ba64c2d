package io.tracewell.regulatory.dscsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.regulatory.delivery.ConnectorService;
import io.tracewell.regulatory.as2.As2LibPartner;
import io.tracewell.regulatory.as2.As2Sender;
import io.tracewell.regulatory.as2.TestPki;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DSCSA configuration file, and the connector it configures running on its own thread: from stored shipments
 * to an acknowledged AS2 delivery at an as2-lib partner without anyone calling the connector.
 */
class DscsaConfigurationTest {

    private static final TestPki.Identity US = TestPki.identity("Tracewell AS2");
    private static final TestPki.Identity PARTNER = TestPki.identity("Example Wholesale AS2");

    @TempDir
    Path dir;

    @Test
    void readsSellerKeysAndPartners() throws Exception {
        DscsaConfiguration c = DscsaConfiguration.load(config("http://127.0.0.1:4080/as2", "secret"),
                ExampleShipment.lengths());
        assertThat(c.settings().senderGln()).isEqualTo(ExampleShipment.SELLER);
        assertThat(c.partners()).extracting(TradingPartner::name).containsExactly("Example Wholesale");
        assertThat(c.partners().get(0).locationGlns()).contains(ExampleShipment.SHIP_TO);
        assertThat(c.profiles().get("Example Wholesale").partnerCertificate()).isEqualTo(PARTNER.certificate());
        assertThat(c.profiles().get("Example Wholesale").signingChain()).containsExactly(US.certificate());
        assertThat(c.profiles().get("Example Wholesale").ourAs2Id()).isEqualTo(As2LibPartner.OUR_AS2_ID);
        assertThat(c.inbound()).isEmpty();

        String text = Files.readString(config("http://127.0.0.1:4080/as2", "secret"));
        DscsaConfiguration receiving = DscsaConfiguration.load(write("inbound.json", text.replaceFirst("\\{",
                "{\"inbound\": {\"port\": 4081, \"path\": \"/as2/in\", \"messageIdDomain\": \"as2.seller.example\"},")),
                ExampleShipment.lengths());
        assertThat(receiving.inbound()).isPresent();
        assertThat(receiving.inbound().get().port()).isEqualTo(4081);
        assertThat(receiving.inbound().get().path()).isEqualTo("/as2/in");
        assertThat(receiving.inboundProfiles()).hasSize(1);
        assertThat(receiving.inboundProfiles().get(0).partnerAs2Id()).isEqualTo(As2LibPartner.PARTNER_AS2_ID);
        assertThatThrownBy(() -> DscsaConfiguration.load(write("bad-inbound.json", text.replaceFirst("\\{",
                "{\"inbound\": {\"port\": \"x\", \"path\": \"/as2\", \"messageIdDomain\": \"d\"},")),
                ExampleShipment.lengths())).hasMessageContaining("/inbound/port");

        // Asynchronous MDNs: the partner's profile asks for them at the configured URL.
        String async = text.replace("\"certificate\": \"partner.pem\"",
                "\"certificate\": \"partner.pem\", \"mdnMode\": \"async\"");
        assertThatThrownBy(() -> DscsaConfiguration.load(write("async-without-receiver.json", async),
                ExampleShipment.lengths())).hasMessageContaining("/partners/0/as2/mdnMode")
                .hasMessageContaining("asyncMdn");
        DscsaConfiguration withMdn = DscsaConfiguration.load(write("async.json", async.replaceFirst("\\{",
                "{\"asyncMdn\": {\"port\": 4082, \"path\": \"/as2/mdn\", \"url\": \"http://gw.seller.example:4082/as2/mdn\","
                        + " \"timeoutSeconds\": 600},")), ExampleShipment.lengths());
        assertThat(withMdn.asyncMdn()).isPresent();
        assertThat(withMdn.asyncMdn().get().timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(withMdn.profiles().get("Example Wholesale").mdnMode())
                .isEqualTo(io.tracewell.regulatory.as2.As2PartnerProfile.MdnMode.ASYNC);
        assertThat(withMdn.profiles().get("Example Wholesale").asyncMdnUrl())
                .hasToString("http://gw.seller.example:4082/as2/mdn");
        assertThat(c.profiles().get("Example Wholesale").mdnMode())
                .isEqualTo(io.tracewell.regulatory.as2.As2PartnerProfile.MdnMode.SYNC);
    }

    @Test
    void mistakesAreNamedWithTheirPlace() throws Exception {
        Path good = config("http://127.0.0.1:4080/as2", "secret");
        String text = Files.readString(good);
        assertThatThrownBy(() -> DscsaConfiguration.load(write("wrong-password.json", text.replace(
                "\"keyStorePassword\": \"secret\"", "\"keyStorePassword\": \"guess\"")), CompanyPrefixLengths.none()))
                .hasMessageContaining("/as2/keyStore").hasMessageContaining("password");
        assertThatThrownBy(() -> DscsaConfiguration.load(write("unknown.json", text.replace("\"seller\": {",
                "\"seller\": {\"glm\": \"x\", ")), CompanyPrefixLengths.none()))
                .hasMessageContaining("/seller/glm").hasMessageContaining("not a setting");
        assertThatThrownBy(() -> DscsaConfiguration.load(write("bad-gln.json", text.replace(
                "\"receiverGln\": \"" + ExampleShipment.BUYER + "\"", "\"receiverGln\": \"123\"")),
                CompanyPrefixLengths.none())).hasMessageContaining("/partners/0");
        assertThatThrownBy(() -> DscsaConfiguration.load(write("no-partners.json", "{\"seller\": {\"gln\": \""
                + ExampleShipment.SELLER + "\"}, \"as2\": " + text.substring(text.indexOf("{\"as2Id\""),
                text.indexOf("}", text.indexOf("{\"as2Id\"")) + 1) + ", \"partners\": []}"), CompanyPrefixLengths.none()))
                .hasMessageContaining("/partners");
    }

    @Test
    void theServiceDeliversStoredShipmentsOnItsOwn() throws Exception {
        try (DscsaTestDatabase database = DscsaTestDatabase.create();
             As2LibPartner partner = new As2LibPartner(PARTNER, US.certificate())) {
            ExampleShipment.store(new EventStore(database.dataSource(), EventHasher.standard(),
                    Clock.fixed(ExampleShipment.RECORD_TIME, ZoneOffset.UTC)));
            DscsaConfiguration c = DscsaConfiguration.load(config(partner.url().toString(), "secret"),
                    ExampleShipment.lengths());
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.start();
            try (As2Sender sender = new As2Sender(camel);
                 ConnectorService service = new ConnectorService("dscsa", new DscsaConnector(database.dataSource(),
                         c.partners(),
                         c.settings(), new As2Transport(sender, c.profiles()), DscsaConnector.Schedule.defaults(),
                         "node-1", Clock.systemUTC()), Duration.ofMillis(200)).start()) {
                Deliveries deliveries = new Deliveries(database.dataSource());
                Instant deadline = Instant.now().plusSeconds(60);
                while (deliveries.page(DscsaConnector.NAME, Deliveries.State.ACKNOWLEDGED, 0, 10).isEmpty()) {
                    assertThat(Instant.now()).as("an acknowledged delivery within 60 s").isBefore(deadline);
                    Thread.sleep(100);
                }
                Deliveries.Delivery done = deliveries.page(DscsaConnector.NAME, Deliveries.State.ACKNOWLEDGED, 0, 10)
                        .get(0);
                assertThat(done.subject()).isEqualTo(ExampleShipment.SHIPPING_ID);
                assertThat(partner.received()).anyMatch(r -> r.messageId().equals(done.messageId()));
            } finally {
                camel.stop();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private Path config(String partnerUrl, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("tracewell", US.keys().getPrivate(), password.toCharArray(),
                new Certificate[] {US.certificate()});
        try (OutputStream out = Files.newOutputStream(dir.resolve("tracewell.p12"))) {
            store.store(out, password.toCharArray());
        }
        Files.writeString(dir.resolve("partner.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PARTNER.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return write("dscsa.json", """
                {"seller": {"gln": "%s"},
                 "as2": {"as2Id": "%s", "fromAddress": "as2@tracewell.test", "keyStore": "tracewell.p12",
                         "keyStorePassword": "%s", "keyAlias": "tracewell"},
                 "partners": [
                   {"name": "Example Wholesale", "partyGlns": ["%s"], "locationGlns": ["%s", "%s"],
                    "receiverGln": "%s",
                    "as2": {"as2Id": "%s", "url": "%s", "certificate": "partner.pem"}}]}
                """.formatted(ExampleShipment.SELLER, As2LibPartner.OUR_AS2_ID, password, ExampleShipment.BUYER,
                ExampleShipment.SHIP_TO, ExampleShipment.BARE_SHIP_TO, ExampleShipment.BUYER,
                As2LibPartner.PARTNER_AS2_ID, partnerUrl));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
