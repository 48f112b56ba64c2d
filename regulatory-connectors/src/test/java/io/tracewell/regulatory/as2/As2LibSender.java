package io.tracewell.regulatory.as2;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.annotation.Nonnull;

import com.helger.as2lib.client.AS2Client;
import com.helger.as2lib.client.AS2ClientRequest;
import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.as2lib.client.AS2ClientSettings;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.crypto.IMICMatchingHandler;
import com.helger.as2lib.disposition.DispositionOptions;
import com.helger.as2lib.message.AS2Message;
import com.helger.as2lib.message.IMessage;
import com.helger.as2lib.partner.Partnership;
import com.helger.as2lib.session.AS2Session;
import com.helger.mail.cte.EContentTransferEncoding;
import com.helger.security.keystore.EKeyStoreType;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * A trading partner sending to us in tests: as2-lib's {@code AS2Client} (an AS2 implementation independent of ours)
 * posting to {@link As2Receiver} on 127.0.0.1. It signs with the key it is given, encrypts for the certificate it holds
 * for us, asks for a signed MDN with a sha-256 MIC, and verifies the MDN's signature with the certificate it holds for
 * us (not with one inside the MDN); it compares the MDN's MIC with the MIC of what it signed.
 */
final class As2LibSender {

    private static final String PASSWORD = "test";
    private static final String SENDER_ALIAS = "sender";
    private static final String RECEIVER_ALIAS = "receiver";

    /** What as2-lib concluded from one send. */
    record Result(AS2ClientResponse response, List<String> micMatches, List<String> micMismatches,
                  List<String> mdnHeaderLines, byte[] mdnBody) {

        String disposition() {
            return response.getMDNDisposition();
        }

        String messageId() {
            return response.getOriginalMessageID();
        }

        /** The MDN's Content-Type as received, or {@code null}. */
        String mdnContentType() {
            for (String line : mdnHeaderLines) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, "Content-Type:".length())) {
                    return line.substring("Content-Type:".length()).strip();
                }
            }
            return null;
        }
    }

    private final String senderAs2Id;
    private final TestPki.Identity signer;
    private final String receiverAs2Id;
    private final X509Certificate receiverCertificate;
    private final URI url;
    private ECryptoAlgorithmCrypt encryption = ECryptoAlgorithmCrypt.CRYPT_AES256_CBC;
    private ECryptoAlgorithmSign signing = ECryptoAlgorithmSign.DIGEST_SHA_256;
    private X509Certificate encryptFor;

    /**
     * @param senderAs2Id         AS2-From
     * @param signer              the key it signs with (and its certificate)
     * @param receiverAs2Id       AS2-To
     * @param receiverCertificate our certificate: it encrypts for it and verifies our MDN with it
     * @param url                 where it posts
     */
    As2LibSender(String senderAs2Id, TestPki.Identity signer, String receiverAs2Id,
            X509Certificate receiverCertificate, URI url) {
        this.senderAs2Id = senderAs2Id;
        this.signer = signer;
        this.receiverAs2Id = receiverAs2Id;
        this.receiverCertificate = receiverCertificate;
        this.url = url;
    }

    /** Sends unencrypted ({@code null}) or with another algorithm. */
    As2LibSender encryption(ECryptoAlgorithmCrypt value) {
        this.encryption = value;
        return this;
    }

    /** Sends unsigned ({@code null}) or with another digest. */
    As2LibSender signing(ECryptoAlgorithmSign value) {
        this.signing = value;
        return this;
    }

    /** Encrypts for another certificate than the one it verifies our MDN with. */
    As2LibSender encryptFor(X509Certificate value) {
        this.encryptFor = value;
        return this;
    }

    /** Sends {@code payload} under a Message-ID as2-lib makes. */
    Result send(byte[] payload) throws Exception {
        return send(payload, null);
    }

    /** Sends {@code payload} under {@code messageId} (with angle brackets), or a new one when {@code null}. */
    Result send(byte[] payload, String messageId) throws Exception {
        List<String> matches = new CopyOnWriteArrayList<>();
        List<String> mismatches = new CopyOnWriteArrayList<>();
        List<String> mdnHeaderLines = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream mdnBody = new ByteArrayOutputStream();
        AS2ClientSettings settings = new AS2ClientSettings();
        settings.setKeyStore(EKeyStoreType.PKCS12, keyStore(), PASSWORD);
        settings.setSenderData(senderAs2Id, "as2@partner.example", SENDER_ALIAS);
        settings.setReceiverData(receiverAs2Id, RECEIVER_ALIAS, url.toString());
        settings.setPartnershipName(senderAs2Id + "-" + receiverAs2Id);
        settings.setEncryptAndSign(encryption, signing);
        settings.setMDNOptions(new DispositionOptions()
                .setProtocolImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setProtocol(DispositionOptions.PROTOCOL_PKCS7_SIGNATURE)
                .setMICAlgImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setMICAlg(ECryptoAlgorithmSign.DIGEST_SHA_256));
        settings.setRetryCount(0);
        settings.setMICMatchingHandler(new IMICMatchingHandler() {
            @Override
            public void onMICMatch(@Nonnull IMessage message, @Nonnull String mic) {
                matches.add(mic);
            }

            @Override
            public void onMICMismatch(@Nonnull IMessage message, String originalMic, String receivedMic) {
                mismatches.add(originalMic + " <> " + receivedMic);
            }
        });
        settings.setHttpIncomingDumper((headerLines, body, message) -> {
            mdnHeaderLines.addAll(headerLines);
            mdnBody.writeBytes(body);
        });
        AS2ClientRequest request = new AS2ClientRequest("EPCIS document");
        // through a data source: as2-lib has no content handler to write a byte[] of application/xml unsigned
        request.setData(new DataHandler(new ByteArrayDataSource(payload, "application/xml")));
        request.setContentTransferEncoding(EContentTransferEncoding.BINARY);
        AS2ClientResponse response = new PinningClient(messageId).sendSynchronous(settings, request);
        return new Result(response, matches, mismatches, List.copyOf(mdnHeaderLines), mdnBody.toByteArray());
    }

    /**
     * A PKCS#12 store with the signing key, and the certificate for us; when encrypting for another certificate, the
     * one it encrypts for stands under the receiver alias and ours is not there (as2-lib uses one alias for both).
     */
    private byte[] keyStore() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(SENDER_ALIAS, signer.keys().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {signer.certificate()});
        keyStore.setCertificateEntry(RECEIVER_ALIAS, encryptFor != null ? encryptFor : receiverCertificate);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        keyStore.store(out, PASSWORD.toCharArray());
        return out.toByteArray();
    }

    /** as2-lib's client with a fixed Message-ID when asked, verifying MDNs with the configured certificate only. */
    private static final class PinningClient extends AS2Client {
        private final String messageId;

        PinningClient(String messageId) {
            this.messageId = messageId;
        }

        @Override
        protected AS2Session createSession() {
            AS2Session session = super.createSession();
            session.setCryptoVerifyUseCertificateInBodyPart(false);
            return session;
        }

        @Override
        protected AS2Message createMessage(Partnership partnership, AS2ClientRequest request)
                throws MessagingException {
            AS2Message message = super.createMessage(partnership, request);
            if (messageId != null) {
                message.setMessageID(messageId);
            }
            return message;
        }
    }
}
