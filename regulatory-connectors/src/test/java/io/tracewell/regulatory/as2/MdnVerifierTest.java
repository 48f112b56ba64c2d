package io.tracewell.regulatory.as2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks each refusal of {@link MdnVerifier} on a real MDN: one signed by an as2-lib receiver for a message sent by
 * {@link As2Sender}, then altered or compared with other values.
 */
class MdnVerifierTest {

    private static TestPki.Identity partner;
    private static As2Outcome delivered;
    private static String contentType;

    @BeforeAll
    static void deliverOnce() throws Exception {
        TestPki.Identity us = TestPki.identity("Tracewell AS2");
        partner = TestPki.identity("Partner AS2");
        CamelContext camel = new DefaultCamelContext();
        camel.start();
        try (As2LibPartner receiver = new As2LibPartner(partner, us.certificate());
                As2Sender sender = new As2Sender(camel)) {
            As2PartnerProfile profile = As2PartnerProfile.builder()
                    .ourAs2Id(As2LibPartner.OUR_AS2_ID)
                    .partnerAs2Id(As2LibPartner.PARTNER_AS2_ID)
                    .url(receiver.url())
                    .fromAddress("as2@tracewell.test")
                    .partnerCertificate(partner.certificate())
                    .signing(us.keys().getPrivate(), List.of(us.certificate()))
                    .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
                    .build();
            delivered = sender.send(profile, As2SenderTest.DOCUMENT);
        } finally {
            camel.stop();
        }
        assertThat(delivered.acknowledged()).as(delivered.toString()).isTrue();
        contentType = delivered.mdnHeader("Content-Type");
    }

    @Test
    void genuineMdnVerifiesAndShowsItsFields() {
        MdnVerification verification = verifier().verify(delivered.mdn(), contentType, delivered.messageId(),
                delivered.mic());

        assertThat(verification.verified()).as(String.valueOf(verification.reason())).isTrue();
        MdnReport report = verification.report();
        assertThat(report.originalMessageId()).isEqualTo(delivered.messageId());
        assertThat(report.receivedContentMic()).isEqualTo(delivered.mic());
        assertThat(report.disposition()).isEqualTo("automatic-action/MDN-sent-automatically; processed");
        assertThat(report.finalRecipient()).isEqualTo("rfc822; " + As2LibPartner.PARTNER_AS2_ID);
        assertThat(report.text()).contains("has been received");
    }

    @Test
    void micOfOtherBytesIsRefusedNamingBothMics() {
        byte[] other = "<other/>".getBytes(StandardCharsets.UTF_8);
        String otherMic = MdnVerifier.computeMic(As2Sender.signedEntity(other), "sha-256");

        MdnVerification verification = verifier().verify(delivered.mdn(), contentType, delivered.messageId(),
                otherMic);

        assertThat(verification.failure()).isEqualTo(As2Failure.MIC_MISMATCH);
        assertThat(verification.reason()).contains("Received-Content-MIC").contains(delivered.mic())
                .contains(otherMic);
        assertThat(verification.report().receivedContentMic()).isEqualTo(delivered.mic());
    }

    @Test
    void sameDigestUnderAnotherAlgorithmIsRefused() {
        String digestOnly = delivered.mic().substring(0, delivered.mic().indexOf(','));

        MdnVerification verification = verifier().verify(delivered.mdn(), contentType, delivered.messageId(),
                digestOnly + ", sha-512");

        assertThat(verification.failure()).isEqualTo(As2Failure.MIC_MISMATCH);
    }

    @Test
    void mdnForAnotherMessageIdIsRefused() {
        MdnVerification verification = verifier().verify(delivered.mdn(), contentType, "<other@tracewell.test>",
                delivered.mic());

        assertThat(verification.failure()).isEqualTo(As2Failure.MESSAGE_ID_MISMATCH);
        assertThat(verification.reason()).contains(delivered.messageId()).contains("<other@tracewell.test>");
    }

    @Test
    void alteredSignedContentIsRefused() {
        String mdn = new String(delivered.mdn(), StandardCharsets.ISO_8859_1);
        assertThat(mdn).contains("has been received");
        byte[] altered = mdn.replace("has been received", "has been receivad").getBytes(StandardCharsets.ISO_8859_1);

        MdnVerification verification = verifier().verify(altered, contentType, delivered.messageId(),
                delivered.mic());

        assertThat(verification.failure()).isEqualTo(As2Failure.MDN_SIGNATURE_INVALID);
        assertThat(verification.reason()).contains("does not verify with the partner certificate");
    }

    @Test
    void mdnSignedByAnotherKeyThanThePartnerCertificateIsRefused() {
        TestPki.Identity stranger = TestPki.identity("Stranger AS2");

        MdnVerification verification = new MdnVerifier(stranger.certificate()).verify(delivered.mdn(), contentType,
                delivered.messageId(), delivered.mic());

        assertThat(verification.failure()).isEqualTo(As2Failure.MDN_SIGNATURE_INVALID);
        assertThat(verification.reason()).contains("not by the partner certificate")
                .contains(stranger.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void unsignedReportIsRefusedButStillRead() {
        RawMimePart report = RawMimePart.ofBody(delivered.mdn(), contentType).parts().get(0);

        MdnVerification verification = verifier().verify(report.body(), report.header("Content-Type"),
                delivered.messageId(), delivered.mic());

        assertThat(verification.failure()).isEqualTo(As2Failure.MDN_UNSIGNED);
        assertThat(verification.report().originalMessageId()).isEqualTo(delivered.messageId());
    }

    @Test
    void emptyOrUntypedMdnIsRefused() {
        assertThat(verifier().verify(new byte[0], contentType, delivered.messageId(), delivered.mic()).failure())
                .isEqualTo(As2Failure.MDN_MISSING);
        assertThat(verifier().verify(delivered.mdn(), null, delivered.messageId(), delivered.mic()).failure())
                .isEqualTo(As2Failure.MDN_MALFORMED);
        assertThat(verifier().verify("<html/>".getBytes(StandardCharsets.US_ASCII), "text/html",
                delivered.messageId(), delivered.mic()).failure()).isEqualTo(As2Failure.MDN_MALFORMED);
    }

    @Test
    void micIsBase64OfTheDigestFollowedByTheAlgorithm() {
        // FIPS 180-2 test vector: SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
        assertThat(MdnVerifier.computeMic("abc".getBytes(StandardCharsets.US_ASCII), "SHA-256"))
                .isEqualTo("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=, sha-256");
        assertThatThrownBy(() -> MdnVerifier.computeMic(new byte[0], "md5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("micAlgorithm");
    }

    @Test
    void micNamesWithAndWithoutHyphenAreTheSameAlgorithm() {
        assertThat(MdnVerifier.sameMic("q83vEjRWeJA=, sha256", "q83vEjRWeJA=, SHA-256")).isTrue();
        assertThat(MdnVerifier.sameMic("q83vEjRWeJA=, sha-256", "q83vEjRWeJB=, sha-256")).isFalse();
        assertThat(MdnVerifier.sameMic("q83vEjRWeJA=", "q83vEjRWeJA=, sha-256")).isFalse();
    }

    private static MdnVerifier verifier() {
        return new MdnVerifier(partner.certificate());
    }
}
