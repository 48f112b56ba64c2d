package io.tracewell.regulatory.as2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.apache.camel.component.as2.api.AS2EncryptionAlgorithm;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class As2PartnerProfileTest {

    private static TestPki.Identity us;
    private static TestPki.Identity partner;

    @BeforeAll
    static void keys() {
        us = TestPki.identity("Tracewell AS2");
        partner = TestPki.identity("Partner AS2");
    }

    @Test
    void defaultsAreSignedSha256EncryptedAes256AndSynchronousMdn() {
        As2PartnerProfile profile = valid().build();

        assertThat(profile.signingAlgorithm()).isEqualTo(AS2SignatureAlgorithm.SHA256WITHRSA);
        assertThat(profile.encryptionAlgorithm()).isEqualTo(AS2EncryptionAlgorithm.AES256_CBC);
        assertThat(profile.mdnMode()).isEqualTo(As2PartnerProfile.MdnMode.SYNC);
        assertThat(profile.micAlgorithm()).isEqualTo("sha-256");
        assertThat(profile.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(profile.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(profile.port()).isEqualTo(4080);
        assertThat(profile.requestUri()).isEqualTo("/as2/inbound?tenant=7");
        assertThat(profile.messageIdDomain()).isEqualTo("tracewell.test");
    }

    @Test
    void asyncMdnNeedsAnHttpUrlAndSyncMdnRefusesOne() {
        URI mdnUrl = URI.create("http://gateway.tracewell.test:8080/as2/mdn");

        assertThat(valid().asyncMdn(mdnUrl).build().asyncMdnUrl()).isEqualTo(mdnUrl);
        assertThatThrownBy(() -> valid().asyncMdn(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("asyncMdnUrl");
        assertThatThrownBy(() -> new As2PartnerProfile("A", "B", URI.create("http://h/"), "a@b.c",
                partner.certificate(), us.keys().getPrivate(), List.of(us.certificate()),
                AS2SignatureAlgorithm.SHA256WITHRSA, AS2EncryptionAlgorithm.AES256_CBC, As2PartnerProfile.MdnMode.SYNC,
                mdnUrl, "sha-256", Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asyncMdnUrl must be absent");
    }

    @Test
    void as2IdsMustBePrintableAsciiWithoutSpacesUpTo128Characters() {
        assertThatThrownBy(() -> valid().partnerAs2Id("ACME PHARMA").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partnerAs2Id")
                .hasMessageContaining("character 5");
        assertThatThrownBy(() -> valid().ourAs2Id("X".repeat(129)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ourAs2Id")
                .hasMessageContaining("found 129");
        assertThat(valid().ourAs2Id("X".repeat(128)).build().ourAs2Id()).hasSize(128);
    }

    @Test
    void urlMustBePlainHttpForNow() {
        assertThatThrownBy(() -> valid().url(URI.create("https://partner.example/as2")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url")
                .hasMessageContaining("TLS is not supported");
        assertThatThrownBy(() -> valid().url(URI.create("/as2")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http URL");
    }

    @Test
    void signingChainMustStartWithTheCertificateOfTheSigningKey() {
        assertThatThrownBy(() -> valid().signing(us.keys().getPrivate(), List.of(partner.certificate())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signingChain[0]")
                .hasMessageContaining("Partner AS2");
        assertThatThrownBy(() -> valid().signing(us.keys().getPrivate(), List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signingChain");
    }

    @Test
    void micAlgorithmIsOneOfTheSha2Family() {
        assertThat(valid().micAlgorithm("SHA-512").build().micAlgorithm()).isEqualTo("sha-512");
        assertThatThrownBy(() -> valid().micAlgorithm("sha-1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("micAlgorithm")
                .hasMessageContaining("sha-1");
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> valid().timeouts(Duration.ZERO, Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    }

    @Test
    void fromAddressMustBeAPlainEmailAddress() {
        assertThatThrownBy(() -> valid().fromAddress("Tracewell <as2@tracewell.test>").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromAddress");
    }

    private static As2PartnerProfile.Builder valid() {
        return As2PartnerProfile.builder()
                .ourAs2Id("TRACEWELL")
                .partnerAs2Id("ACME-PHARMA")
                .url(URI.create("http://as2.partner.example:4080/as2/inbound?tenant=7"))
                .fromAddress("as2@tracewell.test")
                .partnerCertificate(partner.certificate())
                .signing(us.keys().getPrivate(), List.of(us.certificate()));
    }
}
