package io.tracewell.regulatory.as2;

import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Opens one AS2 message from a known partner and checks it: it must be encrypted ({@code application/pkcs7-mime},
 * enveloped-data) for our certificate, and what it encloses must be {@code multipart/signed} with a CMS signature made
 * by the partner's certificate over the signed entity's bytes exactly as received. The first check that fails decides
 * the refusal. The MIC is computed as RFC 4130 7.3.1 says for signed messages: over the signed entity, header lines
 * included, exactly as received.
 */
final class InboundMessageReader {

    /** MIC algorithms we answer with, in the spelling used in the MDN. */
    static final List<String> MIC_ALGORITHMS = List.of("sha-256", "sha-384", "sha-512");
    static final String DEFAULT_MIC_ALGORITHM = "sha-256";

    private static final Provider BC = new BouncyCastleProvider();

    private InboundMessageReader() {
    }

    /**
     * Checks one message body.
     *
     * @param profile                    the partner's profile (the sender is known at this point)
     * @param contentType                the request's Content-Type
     * @param transferEncoding           the request's Content-Transfer-Encoding, {@code null} when absent
     * @param body                       the request body as received
     * @param dispositionNotificationOptions the request's Disposition-Notification-Options, {@code null} when absent
     */
    static InboundCheck read(InboundPartnerProfile profile, String contentType, String transferEncoding, byte[] body,
            String dispositionNotificationOptions) {
        if (contentType == null || contentType.isBlank()) {
            return InboundCheck.refused(InboundCheck.Refusal.INSUFFICIENT_MESSAGE_SECURITY,
                    "the message has no Content-Type; expected application/pkcs7-mime; smime-type=enveloped-data", null);
        }
        RawMimePart message;
        try {
            message = RawMimePart.ofBody(body, contentType);
            message.mediaType();
        } catch (IllegalArgumentException e) {
            return InboundCheck.refused(InboundCheck.Refusal.INSUFFICIENT_MESSAGE_SECURITY,
                    "the message's Content-Type cannot be read: " + e.getMessage(), null);
        }
        String smimeType = message.contentTypeParameter("smime-type");
        if (!isPkcs7Mime(message.mediaType())
                || smimeType != null && !smimeType.equalsIgnoreCase("enveloped-data")) {
            return InboundCheck.refused(InboundCheck.Refusal.INSUFFICIENT_MESSAGE_SECURITY, "the message is not "
                    + "encrypted: its Content-Type is \"" + contentType + "\", but signed and encrypted messages "
                    + "(application/pkcs7-mime; smime-type=enveloped-data) are required", null);
        }
        byte[] decrypted;
        try {
            decrypted = decrypt(profile, decode(body, transferEncoding));
        } catch (DecryptionException e) {
            return InboundCheck.refused(InboundCheck.Refusal.DECRYPTION_FAILED, e.getMessage(), null);
        }
        RawMimePart enclosed;
        try {
            enclosed = RawMimePart.parse(decrypted);
            enclosed.mediaType();
        } catch (IllegalArgumentException e) {
            return InboundCheck.refused(InboundCheck.Refusal.DECRYPTION_FAILED,
                    "the decrypted content is not a MIME entity: " + e.getMessage(), null);
        }
        if (!enclosed.mediaType().equals("multipart/signed")) {
            return InboundCheck.refused(InboundCheck.Refusal.INSUFFICIENT_MESSAGE_SECURITY, "the message is "
                    + "encrypted but not signed: it encloses " + enclosed.mediaType() + ", but signed and encrypted "
                    + "messages (multipart/signed inside the encryption) are required", null);
        }
        List<RawMimePart> parts;
        try {
            parts = enclosed.parts();
        } catch (IllegalArgumentException e) {
            return InboundCheck.refused(InboundCheck.Refusal.INTEGRITY_CHECK_FAILED,
                    "the signed entity cannot be read: " + e.getMessage(), null);
        }
        if (parts.size() != 2) {
            return InboundCheck.refused(InboundCheck.Refusal.INTEGRITY_CHECK_FAILED, "a multipart/signed entity must "
                    + "have 2 parts (content and signature), found " + parts.size(), null);
        }
        RawMimePart signed = parts.get(0);
        RawMimePart signature = parts.get(1);
        String mic = MdnVerifier.computeMic(signed.raw(), micAlgorithm(dispositionNotificationOptions,
                enclosed.contentTypeParameter("micalg")));
        String signatureType = signature.mediaType();
        if (!signatureType.equals("application/pkcs7-signature")
                && !signatureType.equals("application/x-pkcs7-signature")) {
            return InboundCheck.refused(InboundCheck.Refusal.INSUFFICIENT_MESSAGE_SECURITY, "the signature part is "
                    + signatureType + ", expected application/pkcs7-signature", mic);
        }
        InboundCheck refusal = checkSignature(profile, signed, signature, mic);
        if (refusal != null) {
            return refusal;
        }
        byte[] payload;
        try {
            payload = signed.decodedBody();
        } catch (IllegalArgumentException e) {
            return InboundCheck.refused(InboundCheck.Refusal.INTEGRITY_CHECK_FAILED,
                    "the signed content cannot be decoded: " + e.getMessage(), mic);
        }
        return InboundCheck.accepted(payload, signed.header("content-type"), mic);
    }

    /**
     * The MIC algorithm: the first one of {@code signed-receipt-micalg} we support (RFC 4130 7.3), else the one the
     * sender signed with ({@code micalg} of its multipart/signed), else sha-256.
     */
    static String micAlgorithm(String dispositionNotificationOptions, String signedMicalg) {
        if (dispositionNotificationOptions != null) {
            for (String parameter : dispositionNotificationOptions.split(";")) {
                int equals = parameter.indexOf('=');
                if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("signed-receipt-micalg")) {
                    continue;
                }
                String[] values = parameter.substring(equals + 1).split(",");
                for (int i = 1; i < values.length; i++) {
                    String supported = supportedMicAlgorithm(values[i]);
                    if (supported != null) {
                        return supported;
                    }
                }
            }
        }
        String fromSignature = signedMicalg == null ? null : supportedMicAlgorithm(signedMicalg);
        return fromSignature != null ? fromSignature : DEFAULT_MIC_ALGORITHM;
    }

    private static String supportedMicAlgorithm(String name) {
        String normalized = name.strip().toLowerCase(Locale.ROOT).replace("\"", "").replace("-", "");
        for (String algorithm : MIC_ALGORITHMS) {
            if (algorithm.replace("-", "").equals(normalized)) {
                return algorithm;
            }
        }
        return null;
    }

    private static boolean isPkcs7Mime(String mediaType) {
        return mediaType.equals("application/pkcs7-mime") || mediaType.equals("application/x-pkcs7-mime");
    }

    private static byte[] decode(byte[] body, String transferEncoding) throws DecryptionException {
        if (transferEncoding == null) {
            return body;
        }
        switch (transferEncoding.strip().toLowerCase(Locale.ROOT)) {
            case "base64":
                try {
                    return Base64.getMimeDecoder().decode(body);
                } catch (IllegalArgumentException e) {
                    throw new DecryptionException("the body is declared base64 but cannot be decoded: "
                            + e.getMessage());
                }
            case "binary":
            case "8bit":
            case "7bit":
                return body;
            default:
                throw new DecryptionException("the body has an unsupported Content-Transfer-Encoding \""
                        + transferEncoding + "\"");
        }
    }

    private static byte[] decrypt(InboundPartnerProfile profile, byte[] der) throws DecryptionException {
        X509Certificate ours = profile.decryptionCertificate();
        String oursName = describe(ours);
        CMSEnvelopedData envelope;
        try {
            envelope = new CMSEnvelopedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new DecryptionException("the body is not a CMS enveloped-data structure: " + e.getMessage());
        }
        RecipientInformation recipient;
        try {
            recipient = envelope.getRecipientInfos().get(new JceKeyTransRecipientId(ours));
        } catch (RuntimeException e) {
            throw new DecryptionException("the recipients of the envelope cannot be read: " + e.getMessage());
        }
        if (recipient == null) {
            throw new DecryptionException("the message is not encrypted for our certificate " + oursName
                    + "; it is encrypted for " + recipients(envelope.getRecipientInfos().getRecipients()));
        }
        try {
            return recipient.getContent(new JceKeyTransEnvelopedRecipient(profile.decryptionKey()).setProvider(BC));
        } catch (CMSException | RuntimeException e) {
            throw new DecryptionException("the message cannot be decrypted with our key for " + oursName + ": "
                    + e.getMessage());
        }
    }

    /** Returns the refusal, or {@code null} when every signer is the partner certificate and verifies. */
    private static InboundCheck checkSignature(InboundPartnerProfile profile, RawMimePart signed,
            RawMimePart signature, String mic) {
        X509Certificate partner = profile.partnerCertificate();
        String partnerName = describe(partner);
        CMSSignedData signedData;
        Collection<SignerInformation> signers;
        try {
            signedData = new CMSSignedData(new CMSProcessableByteArray(signed.raw()), signature.decodedBody());
            signers = signedData.getSignerInfos().getSigners();
        } catch (CMSException | IllegalArgumentException e) {
            return InboundCheck.refused(InboundCheck.Refusal.INTEGRITY_CHECK_FAILED,
                    "the signature cannot be read: " + e.getMessage(), mic);
        }
        if (signers.isEmpty()) {
            return InboundCheck.refused(InboundCheck.Refusal.INSUFFICIENT_MESSAGE_SECURITY,
                    "the signature has no signer", mic);
        }
        X509CertificateHolder partnerHolder;
        SignerInformationVerifier verifier;
        try {
            partnerHolder = new JcaX509CertificateHolder(partner);
            verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(partner);
        } catch (CertificateEncodingException | OperatorCreationException e) {
            return InboundCheck.refused(InboundCheck.Refusal.AUTHENTICATION_FAILED, "the certificate on file for "
                    + profile.partnerAs2Id() + " " + partnerName + " cannot verify signatures: " + e.getMessage(),
                    mic);
        }
        for (SignerInformation signer : signers) {
            if (!signer.getSID().match(partnerHolder)) {
                return InboundCheck.refused(InboundCheck.Refusal.AUTHENTICATION_FAILED, "the message is signed by the "
                        + "certificate of issuer " + signer.getSID().getIssuer() + " serial "
                        + signer.getSID().getSerialNumber() + ", not by the certificate on file for "
                        + profile.partnerAs2Id() + " " + partnerName, mic);
            }
            try {
                if (!signer.verify(verifier)) {
                    return InboundCheck.refused(InboundCheck.Refusal.INTEGRITY_CHECK_FAILED, "the signature of "
                            + partnerName + " does not verify over the content received", mic);
                }
            } catch (CMSVerifierCertificateNotValidException e) {
                return InboundCheck.refused(InboundCheck.Refusal.AUTHENTICATION_FAILED, "the certificate on file for "
                        + profile.partnerAs2Id() + " " + partnerName + " was not valid at the signing time the "
                        + "signature states: " + e.getMessage(), mic);
            } catch (CMSException | RuntimeException e) {
                return InboundCheck.refused(InboundCheck.Refusal.INTEGRITY_CHECK_FAILED, "the signature of "
                        + partnerName + " does not verify over the content received: " + e.getMessage(), mic);
            }
        }
        try {
            partner.checkValidity(new Date());
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return InboundCheck.refused(InboundCheck.Refusal.AUTHENTICATION_FAILED, "the certificate on file for "
                    + profile.partnerAs2Id() + " " + partnerName + " is not valid now (valid from "
                    + partner.getNotBefore().toInstant() + " to " + partner.getNotAfter().toInstant() + ")", mic);
        }
        return null;
    }

    private static String recipients(Collection<RecipientInformation> recipients) {
        List<String> names = new ArrayList<>();
        for (RecipientInformation recipient : recipients) {
            RecipientId id = recipient.getRID();
            if (id instanceof KeyTransRecipientId keyTrans && keyTrans.getIssuer() != null) {
                names.add("issuer " + keyTrans.getIssuer() + " serial " + keyTrans.getSerialNumber());
            } else {
                names.add("a recipient of type " + id.getType());
            }
        }
        return names.isEmpty() ? "nobody" : String.join(", ", names);
    }

    static String describe(X509Certificate certificate) {
        return "(" + certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber()
                + ")";
    }

    /** Decryption failed; the message says why. */
    private static final class DecryptionException extends Exception {
        private static final long serialVersionUID = 1L;

        DecryptionException(String message) {
            super(message, null, false, false);
        }
    }
}
