package io.tracewell.regulatory.as2;

import java.security.PrivateKey;
import java.security.cert.Certificate;

import org.apache.camel.component.as2.api.AS2ClientManager;
import org.apache.camel.component.as2.api.AS2CompressionAlgorithm;
import org.apache.camel.component.as2.api.AS2EncryptionAlgorithm;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * camel-as2's client manager, which builds, signs and encrypts the message, with one addition: when the body is an
 * {@link OutgoingPayload}, its Message-ID is pinned for the request this call sends (see
 * {@link RecordingClientConnection}), so that a resend keeps the Message-ID as RFC 4130 5.5 asks.
 */
final class PinningClientManager extends AS2ClientManager {

    PinningClientManager(RecordingClientConnection connection) {
        super(connection);
    }

    @Override
    @SuppressWarnings("java:S107") // the signature is camel-as2's
    public HttpCoreContext send(Object ediMessage, String requestUri, String subject, String from, String as2From,
            String as2To, AS2MessageStructure as2MessageStructure, String ediMessageContentType,
            String ediMessageCharset, String ediMessageTransferEncoding, AS2SignatureAlgorithm signingAlgorithm,
            Certificate[] signingCertificateChain, PrivateKey signingPrivateKey,
            AS2CompressionAlgorithm compressionAlgorithm, String dispositionNotificationTo,
            String signedReceiptMicAlgorithms, AS2EncryptionAlgorithm encryptingAlgorithm,
            Certificate[] encryptingCertificateChain, String attachedFileName, String receiptDeliveryOption,
            String userName, String password, String accessToken) throws HttpException {
        String pinned = ediMessage instanceof OutgoingPayload payload ? payload.messageId() : null;
        RecordingClientConnection.pinMessageId(pinned);
        try {
            return super.send(ediMessage, requestUri, subject, from, as2From, as2To, as2MessageStructure,
                    ediMessageContentType, ediMessageCharset, ediMessageTransferEncoding, signingAlgorithm,
                    signingCertificateChain, signingPrivateKey, compressionAlgorithm, dispositionNotificationTo,
                    signedReceiptMicAlgorithms, encryptingAlgorithm, encryptingCertificateChain, attachedFileName,
                    receiptDeliveryOption, userName, password, accessToken);
        } finally {
            RecordingClientConnection.pinMessageId(null);
        }
    }
}
