package io.tracewell.regulatory.as2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.tracewell.regulatory.dscsa.DscsaTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What no AS2 implementation sends on purpose, sent byte by byte: content changed after signing, a MIC algorithm
 * other than the signature's, and HTTP requests that are no AS2 messages. The MDNs are read with {@link MdnVerifier},
 * which checks their signature with our certificate.
 */
class As2ReceiverProtocolTest {

    private static final String PROCESSED = As2ReceiverTest.PROCESSED;

    private static TestPki.Identity us;
    private static TestPki.Identity partner;
    private static DscsaTestDatabase database;
    private static As2ReceiverTest.RecordingHandler handler;
    private static As2Receiver receiver;

    @BeforeAll
    static void start() {
        us = TestPki.identity("Tracewell AS2");
        partner = TestPki.identity("Partner AS2");
        database = DscsaTestDatabase.create();
        handler = new As2ReceiverTest.RecordingHandler();
        receiver = As2Receiver.start(settings().build(), List.of(profile()), database.dataSource(), handler);
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void resetHandler() {
        handler.reset();
    }

    @Test
    void aMessageBuiltByHandIsProcessedWithTheMicAlgorithmAskedFor() throws Exception {
        byte[] entity = CraftedAs2Message.signedEntity(As2SenderTest.DOCUMENT);
        String messageId = newMessageId();

        HttpResponse<byte[]> response = post(messageId, entity, CraftedAs2Message.sign(entity, partner), "sha-512");

        MdnVerification mdn = verify(response, messageId, MdnVerifier.computeMic(entity, "sha-512"));
        assertThat(mdn.verified()).as(mdn.reason()).isTrue();
        assertThat(mdn.report().disposition()).isEqualTo(PROCESSED);
        assertThat(response.headers().firstValue("AS2-From")).hasValue(As2ReceiverTest.OUR_AS2_ID);
        assertThat(response.headers().firstValue("AS2-To")).hasValue(As2ReceiverTest.PARTNER_AS2_ID);
        assertThat(handler.calls(messageId)).singleElement()
                .satisfies(call -> assertThat(call.payload()).isEqualTo(As2SenderTest.DOCUMENT));
    }

    @Test
    void contentChangedAfterSigningFailsTheIntegrityCheck() throws Exception {
        byte[] entity = CraftedAs2Message.signedEntity(As2SenderTest.DOCUMENT);
        byte[] signature = CraftedAs2Message.sign(entity, partner);
        byte[] changed = Arrays.copyOf(entity, entity.length);
        changed[changed.length - 3] ^= 0x01;
        String messageId = newMessageId();

        HttpResponse<byte[]> response = post(messageId, changed, signature, "sha-256");

        MdnVerification mdn = verify(response, messageId, MdnVerifier.computeMic(changed, "sha-256"));
        assertThat(mdn.failure()).as(mdn.reason()).isEqualTo(As2Failure.DISPOSITION_NOT_PROCESSED);
        assertThat(mdn.report().disposition()).isEqualTo(PROCESSED + "/error: integrity-check-failed");
        assertThat(mdn.report().receivedContentMic()).isEqualTo(MdnVerifier.computeMic(changed, "sha-256"));
        assertThat(handler.all()).isEmpty();
        assertThat(receiver.store().find(As2ReceiverTest.PARTNER_AS2_ID, messageId)).isEmpty();
    }

    @Test
    void aMessageIdReusedForOtherContentIsRefusedAndTheFirstDocumentKept() throws Exception {
        String messageId = newMessageId();
        byte[] first = CraftedAs2Message.signedEntity(As2SenderTest.DOCUMENT);
        byte[] other = CraftedAs2Message.signedEntity("<other/>".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> accepted = post(messageId, first, CraftedAs2Message.sign(first, partner), "sha-256");
        HttpResponse<byte[]> refused = post(messageId, other, CraftedAs2Message.sign(other, partner), "sha-256");

        assertThat(verify(accepted, messageId, MdnVerifier.computeMic(first, "sha-256")).verified()).isTrue();
        MdnVerification mdn = verify(refused, messageId, MdnVerifier.computeMic(other, "sha-256"));
        assertThat(mdn.report().disposition()).isEqualTo(PROCESSED + "/error: unexpected-processing-error");
        assertThat(mdn.report().text()).contains("with other content");
        assertThat(handler.calls(messageId)).hasSize(1);
        assertThat(receiver.store().find(As2ReceiverTest.PARTNER_AS2_ID, messageId).orElseThrow().payload())
                .isEqualTo(As2SenderTest.DOCUMENT);
    }

    @Test
    void requestsThatAreNoAs2MessagesAreAnsweredWithAnHttpErrorAndNoMdn() throws Exception {
        byte[] entity = CraftedAs2Message.signedEntity(As2SenderTest.DOCUMENT);
        byte[] encrypted = encrypted(entity, CraftedAs2Message.sign(entity, partner));
        URI otherPath = URI.create(receiver.url().toString().replace("/as2/inbound", "/as2/inbound/other"));

        HttpResponse<byte[]> get = CraftedAs2Message.send(HttpRequest.newBuilder(receiver.url()).GET().build());
        HttpResponse<byte[]> wrongPath = CraftedAs2Message.post(otherPath, As2ReceiverTest.PARTNER_AS2_ID,
                As2ReceiverTest.OUR_AS2_ID, newMessageId(), encrypted, "sha-256");
        HttpResponse<byte[]> noMessageId = CraftedAs2Message.post(receiver.url(), As2ReceiverTest.PARTNER_AS2_ID,
                As2ReceiverTest.OUR_AS2_ID, null, encrypted, "sha-256");
        HttpResponse<byte[]> badFrom = CraftedAs2Message.post(receiver.url(), "two words",
                As2ReceiverTest.OUR_AS2_ID, newMessageId(), encrypted, "sha-256");

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(wrongPath.statusCode()).isEqualTo(404);
        assertThat(noMessageId.statusCode()).isEqualTo(400);
        assertThat(new String(noMessageId.body(), StandardCharsets.UTF_8)).contains("Message-ID");
        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(new String(badFrom.body(), StandardCharsets.UTF_8)).contains("AS2-From");
        assertThat(handler.all()).isEmpty();
    }

    @Test
    void aMessageOverTheSizeLimitIsAnswered413() throws Exception {
        byte[] entity = CraftedAs2Message.signedEntity(new byte[3000]);
        byte[] encrypted = encrypted(entity, CraftedAs2Message.sign(entity, partner));
        assertThat(encrypted.length).isGreaterThan(2048);
        try (As2Receiver small = As2Receiver.start(settings().maxMessageBytes(2048).build(), List.of(profile()),
                database.dataSource(), handler)) {
            String messageId = newMessageId();

            HttpResponse<byte[]> response = CraftedAs2Message.post(small.url(), As2ReceiverTest.PARTNER_AS2_ID,
                    As2ReceiverTest.OUR_AS2_ID, messageId, encrypted, "sha-256");

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(handler.all()).isEmpty();
            assertThat(small.store().find(As2ReceiverTest.PARTNER_AS2_ID, messageId)).isEmpty();
        }
    }

    private static HttpResponse<byte[]> post(String messageId, byte[] entity, byte[] signature, String micAlgorithm)
            throws Exception {
        return CraftedAs2Message.post(receiver.url(), As2ReceiverTest.PARTNER_AS2_ID, As2ReceiverTest.OUR_AS2_ID,
                messageId, encrypted(entity, signature), micAlgorithm);
    }

    private static byte[] encrypted(byte[] entity, byte[] signature) throws Exception {
        return CraftedAs2Message.encrypt(CraftedAs2Message.multipartSigned(entity, signature), us.certificate());
    }

    private static MdnVerification verify(HttpResponse<byte[]> response, String messageId, String mic) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new MdnVerifier(us.certificate()).verify(response.body(),
                response.headers().firstValue("Content-Type").orElse(null), messageId, mic);
    }

    private static String newMessageId() {
        return "<" + UUID.randomUUID() + "@partner.example>";
    }

    private static As2ReceiverSettings.Builder settings() {
        return As2ReceiverSettings.builder()
                .listen("127.0.0.1", 0)
                .path("/as2/inbound")
                .messageIdDomain("as2.tracewell.test")
                .identity(As2ReceiverTest.OUR_AS2_ID, us.keys().getPrivate(), List.of(us.certificate()));
    }

    private static InboundPartnerProfile profile() {
        return InboundPartnerProfile.builder()
                .partnerAs2Id(As2ReceiverTest.PARTNER_AS2_ID)
                .ourAs2Id(As2ReceiverTest.OUR_AS2_ID)
                .partnerCertificate(partner.certificate())
                .decryption(us.keys().getPrivate(), us.certificate())
                .signing(us.keys().getPrivate(), List.of(us.certificate()))
                .build();
    }
}
