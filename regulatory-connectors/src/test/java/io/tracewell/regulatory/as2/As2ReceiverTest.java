package io.tracewell.regulatory.as2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import io.tracewell.regulatory.as2.InboundMessageStore.HandOnState;
import io.tracewell.regulatory.as2.InboundMessageStore.InboundMessage;
import io.tracewell.regulatory.dscsa.DscsaTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trading partners send to {@link As2Receiver} on 127.0.0.1 through as2-lib's client, an AS2 implementation
 * independent of ours; deduplication runs on the embedded MariaDB with the store's migrations. The handler stands in
 * for the downstream capture and records what it was given.
 */
class As2ReceiverTest {

    static final String OUR_AS2_ID = "TRACEWELL-AS2";
    static final String PARTNER_AS2_ID = "PARTNER-AS2";
    static final String PROCESSED = "automatic-action/MDN-sent-automatically; processed";

    private static TestPki.Identity us;
    private static TestPki.Identity partner;
    private static TestPki.Identity stranger;
    private static DscsaTestDatabase database;
    private static RecordingHandler handler;
    private static As2Receiver receiver;

    @BeforeAll
    static void start() {
        us = TestPki.identity("Tracewell AS2");
        partner = TestPki.identity("Partner AS2");
        stranger = TestPki.identity("Stranger AS2");
        database = DscsaTestDatabase.create();
        handler = new RecordingHandler();
        receiver = As2Receiver.start(settings(), List.of(profile()), database.dataSource(), handler);
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
    void signedAndEncryptedDocumentIsRecordedHandedOnOnceAndAcknowledgedWithASignedMdn() throws Exception {
        As2LibSender.Result result = fromPartner().send(As2SenderTest.DOCUMENT);

        assertThat(result.response().hasException()).as(result.response().getAsString()).isFalse();
        assertThat(result.disposition()).isEqualTo(PROCESSED);
        // as2-lib verified the MDN signature with the certificate it holds for us
        assertThat(result.response().getMDNVerificationCertificate()).isEqualTo(us.certificate());
        assertThat(result.micMismatches()).isEmpty();
        assertThat(result.micMatches()).hasSize(1);
        assertThat(result.micMatches().get(0)).endsWith(", sha-256");

        String messageId = result.messageId();
        List<RecordingHandler.Call> calls = handler.calls(messageId);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).partnerAs2Id()).isEqualTo(PARTNER_AS2_ID);
        assertThat(calls.get(0).payload()).isEqualTo(As2SenderTest.DOCUMENT);

        InboundMessage recorded = receiver.store().find(PARTNER_AS2_ID, messageId).orElseThrow();
        assertThat(recorded.payload()).isEqualTo(As2SenderTest.DOCUMENT);
        assertThat(recorded.payloadSha256()).isEqualTo(InboundMessageStore.sha256(As2SenderTest.DOCUMENT));
        assertThat(recorded.contentType()).startsWith("application/xml");
        assertThat(recorded.mic()).isEqualTo(result.micMatches().get(0));
        assertThat(recorded.handOnState()).isEqualTo(HandOnState.DONE);
        assertThat(recorded.captureRef()).isEqualTo(calls.get(0).reference());
        assertThat(recorded.handOnAttempts()).isEqualTo(1);
        assertThat(recorded.handOnError()).isNull();
    }

    @Test
    void theSameMessageIdSentTwiceIsHandedOnOnceAndAcknowledgedTwice() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@partner.example>";

        As2LibSender.Result first = fromPartner().send(As2SenderTest.DOCUMENT, messageId);
        As2LibSender.Result second = fromPartner().send(As2SenderTest.DOCUMENT, messageId);

        for (As2LibSender.Result result : List.of(first, second)) {
            assertThat(result.messageId()).isEqualTo(messageId);
            assertThat(result.response().hasException()).as(result.response().getAsString()).isFalse();
            assertThat(result.disposition()).isEqualTo(PROCESSED);
            assertThat(result.response().getMDNVerificationCertificate()).isEqualTo(us.certificate());
            assertThat(result.micMatches()).hasSize(1);
            assertThat(result.micMismatches()).isEmpty();
        }
        assertThat(second.micMatches()).isEqualTo(first.micMatches());
        assertThat(second.response().getMDNText()).contains("received before");
        assertThat(handler.calls(messageId)).hasSize(1);
        assertThat(rows(database.dataSource(), PARTNER_AS2_ID, messageId)).isEqualTo(1);
    }

    @Test
    void anEncryptedButUnsignedMessageIsRefusedAsInsufficientlySecured() throws Exception {
        As2LibSender.Result result = fromPartner().signing(null).send(As2SenderTest.DOCUMENT);

        assertRefused(result, "insufficient-message-security", PARTNER_AS2_ID);
        assertThat(result.response().getMDNText()).contains("not signed");
    }

    @Test
    void aSignedButUnencryptedMessageIsRefusedAsInsufficientlySecured() throws Exception {
        As2LibSender.Result result = fromPartner().encryption(null).send(As2SenderTest.DOCUMENT);

        assertRefused(result, "insufficient-message-security", PARTNER_AS2_ID);
        assertThat(result.response().getMDNText()).contains("not encrypted");
    }

    @Test
    void aPlainMessageIsRefusedAsInsufficientlySecured() throws Exception {
        As2LibSender.Result result = fromPartner().encryption(null).signing(null).send(As2SenderTest.DOCUMENT);

        assertRefused(result, "insufficient-message-security", PARTNER_AS2_ID);
        assertThat(result.response().getMDNText()).contains("not encrypted");
    }

    @Test
    void aMessageSignedWithACertificateWeDoNotHoldForThePartnerIsRefused() throws Exception {
        As2LibSender sender = new As2LibSender(PARTNER_AS2_ID, stranger, OUR_AS2_ID, us.certificate(),
                receiver.url());

        As2LibSender.Result result = sender.send(As2SenderTest.DOCUMENT);

        assertRefused(result, "authentication-failed", PARTNER_AS2_ID);
        assertThat(result.response().getMDNText()).contains("not by the certificate on file for " + PARTNER_AS2_ID);
    }

    @Test
    void aMessageFromAnUnknownAs2IdIsRefused() throws Exception {
        As2LibSender sender = new As2LibSender("STRANGER-AS2", stranger, OUR_AS2_ID, us.certificate(),
                receiver.url());

        As2LibSender.Result result = sender.send(As2SenderTest.DOCUMENT);

        assertRefused(result, "authentication-failed", "STRANGER-AS2");
        assertThat(result.response().getMDNText()).contains("STRANGER-AS2 is not a trading partner");
    }

    @Test
    void aMessageAddressedToAnotherAs2IdIsRefused() throws Exception {
        As2LibSender sender = new As2LibSender(PARTNER_AS2_ID, partner, "SOMEONE-ELSE", us.certificate(),
                receiver.url());

        As2LibSender.Result result = sender.send(As2SenderTest.DOCUMENT);

        assertRefused(result, "authentication-failed", PARTNER_AS2_ID);
        assertThat(result.response().getMDNText()).contains("addressed to AS2-To SOMEONE-ELSE");
    }

    @Test
    void aMessageEncryptedForAnotherCertificateIsRefusedAsNotDecryptable() throws Exception {
        // as2-lib verifies MDNs with the certificate it encrypts for, so here our verifier reads the MDN it received
        As2LibSender.Result result = fromPartner().encryptFor(stranger.certificate()).send(As2SenderTest.DOCUMENT);

        MdnVerification mdn = new MdnVerifier(us.certificate()).verify(result.mdnBody(), result.mdnContentType(),
                result.messageId(), "unused, sha-256");
        assertThat(mdn.failure()).as(mdn.reason()).isEqualTo(As2Failure.DISPOSITION_NOT_PROCESSED);
        assertThat(mdn.report().disposition()).isEqualTo(PROCESSED + "/error: decryption-failed");
        assertThat(mdn.report().text()).contains("not encrypted for our certificate");
        assertThat(handler.calls(result.messageId())).isEmpty();
        assertThat(receiver.store().find(PARTNER_AS2_ID, result.messageId())).isEmpty();
    }

    @Test
    void aVerifiedMessageThatCannotBeRecordedIsAnsweredWithAnErrorAndNotHandedOn() throws Exception {
        try (DscsaTestDatabase broken = DscsaTestDatabase.create()) {
            try (Connection c = broken.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE as2_inbound_message");
            }
            RecordingHandler brokenHandler = new RecordingHandler();
            try (As2Receiver brokenReceiver = As2Receiver.start(settings(), List.of(profile()), broken.dataSource(),
                    brokenHandler)) {
                As2LibSender sender = new As2LibSender(PARTNER_AS2_ID, partner, OUR_AS2_ID, us.certificate(),
                        brokenReceiver.url());

                As2LibSender.Result result = sender.send(As2SenderTest.DOCUMENT);

                assertThat(result.disposition()).isEqualTo(PROCESSED + "/error: unexpected-processing-error");
                assertThat(result.response().getMDNVerificationCertificate()).isEqualTo(us.certificate());
                assertThat(result.response().getMDNText()).contains("could not be recorded");
                assertThat(brokenHandler.all()).isEmpty();
            }
        }
    }

    @Test
    void aFailedHandOnIsRecordedStillAcknowledgedAndHandedOnLater() throws Exception {
        handler.failNext("capture queue unavailable");

        As2LibSender.Result result = fromPartner().send(As2SenderTest.DOCUMENT);

        assertThat(result.disposition()).isEqualTo(PROCESSED);
        assertThat(result.micMatches()).hasSize(1);
        InboundMessage failed = receiver.store().find(PARTNER_AS2_ID, result.messageId()).orElseThrow();
        assertThat(failed.handOnState()).isEqualTo(HandOnState.FAILED);
        assertThat(failed.handOnError()).contains("capture queue unavailable");
        assertThat(failed.captureRef()).isNull();
        assertThat(handler.calls(result.messageId())).hasSize(1);

        assertThat(receiver.retryHandOns(100)).isEqualTo(1);

        InboundMessage done = receiver.store().find(PARTNER_AS2_ID, result.messageId()).orElseThrow();
        assertThat(done.handOnState()).isEqualTo(HandOnState.DONE);
        assertThat(done.handOnAttempts()).isEqualTo(2);
        List<RecordingHandler.Call> calls = handler.calls(result.messageId());
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).payload()).isEqualTo(As2SenderTest.DOCUMENT);
        assertThat(done.captureRef()).isEqualTo(calls.get(1).reference());
        assertThat(receiver.retryHandOns(100)).as("nothing left to hand on").isZero();
        assertThat(handler.calls(result.messageId())).hasSize(2);
    }

    @Test
    void aResendOfAMessageWhoseHandOnFailedHandsItOnAgainOnce() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@partner.example>";
        handler.failNext("converter busy");

        As2LibSender.Result first = fromPartner().send(As2SenderTest.DOCUMENT, messageId);
        As2LibSender.Result second = fromPartner().send(As2SenderTest.DOCUMENT, messageId);
        As2LibSender.Result third = fromPartner().send(As2SenderTest.DOCUMENT, messageId);

        for (As2LibSender.Result result : List.of(first, second, third)) {
            assertThat(result.disposition()).isEqualTo(PROCESSED);
        }
        List<RecordingHandler.Call> calls = handler.calls(messageId);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).reference()).isNull();
        InboundMessage recorded = receiver.store().find(PARTNER_AS2_ID, messageId).orElseThrow();
        assertThat(recorded.handOnState()).isEqualTo(HandOnState.DONE);
        assertThat(recorded.captureRef()).isEqualTo(calls.get(1).reference());
        assertThat(recorded.handOnAttempts()).isEqualTo(2);
    }

    /** The MDN is signed by us, says why, and nothing was handed on or recorded. */
    private static void assertRefused(As2LibSender.Result result, String modifier, String senderAs2Id) {
        assertThat(result.disposition()).isEqualTo(PROCESSED + "/error: " + modifier);
        assertThat(result.response().getMDNVerificationCertificate()).isEqualTo(us.certificate());
        assertThat(handler.calls(result.messageId())).isEmpty();
        assertThat(handler.all()).isEmpty();
        assertThat(receiver.store().find(senderAs2Id, result.messageId())).isEmpty();
    }

    static As2ReceiverSettings settings() {
        return As2ReceiverSettings.builder()
                .listen("127.0.0.1", 0)
                .path("/as2/inbound")
                .messageIdDomain("as2.tracewell.test")
                .identity(OUR_AS2_ID, us.keys().getPrivate(), List.of(us.certificate()))
                .build();
    }

    static InboundPartnerProfile profile() {
        return InboundPartnerProfile.builder()
                .partnerAs2Id(PARTNER_AS2_ID)
                .ourAs2Id(OUR_AS2_ID)
                .partnerCertificate(partner.certificate())
                .decryption(us.keys().getPrivate(), us.certificate())
                .signing(us.keys().getPrivate(), List.of(us.certificate()))
                .build();
    }

    private static As2LibSender fromPartner() {
        return new As2LibSender(PARTNER_AS2_ID, partner, OUR_AS2_ID, us.certificate(), receiver.url());
    }

    private static int rows(DataSource dataSource, String partnerAs2Id, String messageId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM as2_inbound_message WHERE partner_as2_id = ? AND message_id = ?")) {
            s.setString(1, partnerAs2Id);
            s.setString(2, messageId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Stands in for the downstream capture: records every document it is given and answers a job id. */
    static final class RecordingHandler implements InboundDocumentHandler {

        record Call(String partnerAs2Id, String messageId, byte[] payload, String reference) {
        }

        private final List<Call> calls = new CopyOnWriteArrayList<>();
        private final AtomicInteger jobs = new AtomicInteger();
        private volatile String failNext;

        @Override
        public String accept(String partnerAs2Id, String messageId, byte[] payload) {
            String failure = failNext;
            failNext = null;
            String reference = failure == null ? "capture-job-" + jobs.incrementAndGet() : null;
            calls.add(new Call(partnerAs2Id, messageId, payload, reference));
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return reference;
        }

        void failNext(String reason) {
            failNext = reason;
        }

        void reset() {
            calls.clear();
            failNext = null;
        }

        List<Call> all() {
            return List.copyOf(calls);
        }

        List<Call> calls(String messageId) {
            return calls.stream().filter(call -> call.messageId().equals(messageId)).toList();
        }
    }
}
