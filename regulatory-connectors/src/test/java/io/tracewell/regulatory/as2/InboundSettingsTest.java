package io.tracewell.regulatory.as2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The receiver's settings and partner profiles refuse wrong values, naming the field; MIC algorithm selection. */
class InboundSettingsTest {

    private static TestPki.Identity us;
    private static TestPki.Identity partner;

    @BeforeAll
    static void keys() {
        us = TestPki.identity("Tracewell AS2");
        partner = TestPki.identity("Partner AS2");
    }

    @Test
    void aCompleteProfileKeepsItsValuesAndDefaultsToSha256WithRsa() {
        InboundPartnerProfile profile = profile().build();

        assertThat(profile.partnerAs2Id()).isEqualTo("PARTNER");
        assertThat(profile.ourAs2Id()).isEqualTo("US");
        assertThat(profile.signingAlgorithm()).isEqualTo(AS2SignatureAlgorithm.SHA256WITHRSA);
        assertThat(profile.mdnMicalg()).isEqualTo("sha-256");
        assertThatThrownBy(() -> profile.signingChain().add(partner.certificate()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aProfileNamesTheWrongField() {
        assertThatThrownBy(() -> profile().partnerAs2Id("two words").build())
                .hasMessageContaining("partnerAs2Id").hasMessageContaining("without spaces");
        assertThatThrownBy(() -> profile().decryption(us.keys().getPrivate(), partner.certificate()).build())
                .hasMessageContaining("decryptionCertificate must hold the public half of decryptionKey");
        assertThatThrownBy(() -> profile().signing(us.keys().getPrivate(), List.of(partner.certificate())).build())
                .hasMessageContaining("signingChain[0] must be the certificate of signingKey");
        assertThatThrownBy(() -> profile().signing(us.keys().getPrivate(), List.of()).build())
                .hasMessageContaining("signingChain must hold at least our own certificate");
        assertThatThrownBy(() -> profile().signingAlgorithm(AS2SignatureAlgorithm.SHA1WITHRSA).build())
                .hasMessageContaining("signingAlgorithm must be one of");
        assertThatThrownBy(() -> profile().partnerCertificate(null).build())
                .hasMessageContaining("partnerCertificate must be given");
    }

    @Test
    void anInboundProfileCanBeDerivedFromTheOutboundOne() {
        As2PartnerProfile outbound = As2PartnerProfile.builder()
                .ourAs2Id("US")
                .partnerAs2Id("PARTNER")
                .url(URI.create("http://127.0.0.1:4080/as2"))
                .fromAddress("as2@tracewell.example")
                .partnerCertificate(partner.certificate())
                .signing(us.keys().getPrivate(), List.of(us.certificate()))
                .build();

        InboundPartnerProfile inbound = InboundPartnerProfile.of(outbound);

        assertThat(inbound.partnerAs2Id()).isEqualTo("PARTNER");
        assertThat(inbound.ourAs2Id()).isEqualTo("US");
        assertThat(inbound.partnerCertificate()).isEqualTo(partner.certificate());
        assertThat(inbound.decryptionKey()).isEqualTo(us.keys().getPrivate());
        assertThat(inbound.decryptionCertificate()).isEqualTo(us.certificate());
        assertThat(inbound.signingChain()).containsExactly(us.certificate());
    }

    @Test
    void settingsNameTheWrongField() {
        assertThatThrownBy(() -> settings().path("/as2/*").build())
                .hasMessageContaining("path must be an exact absolute path");
        assertThatThrownBy(() -> settings().path("as2").build())
                .hasMessageContaining("path must be an exact absolute path");
        assertThatThrownBy(() -> settings().listen("127.0.0.1", 70000).build())
                .hasMessageContaining("port must be 0 (any free port) to 65535, found 70000");
        assertThatThrownBy(() -> settings().messageIdDomain("a b").build())
                .hasMessageContaining("messageIdDomain must be a domain name");
        assertThatThrownBy(() -> settings().maxMessageBytes(10).build())
                .hasMessageContaining("maxMessageBytes must be from 1024");
        assertThatThrownBy(() -> settings().maxConcurrentMessages(0).build())
                .hasMessageContaining("maxConcurrentMessages must be at least 1, found 0");
        assertThatThrownBy(() -> settings().identity("US", us.keys().getPrivate(), List.of(partner.certificate()))
                .build()).hasMessageContaining("signingChain[0] must be the certificate of signingKey");
        assertThat(settings().build().maxMessageBytes()).isEqualTo(As2ReceiverSettings.DEFAULT_MAX_MESSAGE_BYTES);
    }

    @Test
    void theMicAlgorithmIsTheFirstOneAskedForThatWeSupportElseTheSignaturesElseSha256() {
        assertThat(InboundMessageReader.micAlgorithm("signed-receipt-protocol=optional, pkcs7-signature; "
                + "signed-receipt-micalg=optional, sha1, sha-384, sha-256", "sha-256")).isEqualTo("sha-384");
        assertThat(InboundMessageReader.micAlgorithm("signed-receipt-protocol=required, pkcs7-signature; "
                + "signed-receipt-micalg=required, SHA512", null)).isEqualTo("sha-512");
        assertThat(InboundMessageReader.micAlgorithm("signed-receipt-micalg=optional, sha1, md5", "sha384"))
                .isEqualTo("sha-384");
        assertThat(InboundMessageReader.micAlgorithm(null, "sha1")).isEqualTo("sha-256");
    }

    @Test
    void messageIdsAndAs2NamesFromHeadersAreNormalisedOrRefused() {
        assertThat(As2Receiver.messageId(" <abc@example.com> ")).isEqualTo("<abc@example.com>");
        assertThat(As2Receiver.messageId("abc@example.com")).isEqualTo("<abc@example.com>");
        assertThat(As2Receiver.messageId("<a b@example.com>")).isNull();
        assertThat(As2Receiver.messageId("<>")).isNull();
        assertThat(As2Receiver.messageId("<" + "x".repeat(997) + ">")).isNull();
        assertThat(As2Receiver.messageId(null)).isNull();
        assertThat(As2Receiver.as2Name("\"PARTNER\"")).isEqualTo("PARTNER");
        assertThat(As2Receiver.as2Name("PARTNER")).isEqualTo("PARTNER");
        assertThat(As2Receiver.as2Name("two words")).isNull();
        assertThat(As2Receiver.as2Name("")).isNull();
    }

    private static InboundPartnerProfile.Builder profile() {
        return InboundPartnerProfile.builder()
                .partnerAs2Id("PARTNER")
                .ourAs2Id("US")
                .partnerCertificate(partner.certificate())
                .decryption(us.keys().getPrivate(), us.certificate())
                .signing(us.keys().getPrivate(), List.of(us.certificate()));
    }

    private static As2ReceiverSettings.Builder settings() {
        return As2ReceiverSettings.builder()
                .listen("127.0.0.1", 0)
                .path("/as2")
                .messageIdDomain("as2.tracewell.test")
                .identity("US", us.keys().getPrivate(), List.of(us.certificate()));
    }
}
