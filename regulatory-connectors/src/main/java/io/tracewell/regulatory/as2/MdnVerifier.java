package io.tracewell.regulatory.as2;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks an MDN (RFC 4130 7.4, RFC 3798) against the message we sent, because camel-as2's client does not: the MDN
 * must be {@code multipart/signed} with a CMS signature that verifies with the partner certificate over the signed
 * part's exact bytes, its Original-Message-ID must be our Message-ID, its disposition must be "processed", and its
 * Received-Content-MIC must equal the MIC we computed over what we signed. The first check that fails is reported.
 */
public final class MdnVerifier {

    private final X509Certificate partnerCertificate;

    /** A verifier that trusts MDNs signed with {@code partnerCertificate} only. */
    public MdnVerifier(X509Certificate partnerCertificate) {
        this.partnerCertificate = Objects.requireNonNull(partnerCertificate, "partnerCertificate");
    }

    /**
     * Computes a MIC as RFC 4130 7.3.1 says for a signed message: the digest over the signed MIME entity, headers
     * included, exactly as it is signed; base64 of the digest, a comma, a space and the algorithm name.
     *
     * @param signedEntity the MIME entity that was signed (header lines, blank line, body)
     * @param micAlgorithm {@code sha-256}, {@code sha-384} or {@code sha-512}
     * @return {@code "<base64 of the digest>, <algorithm>"}, for example {@code "...=, sha-256"}
     */
    public static String computeMic(byte[] signedEntity, String micAlgorithm) {
        Objects.requireNonNull(signedEntity, "signedEntity");
        String algorithm = Objects.requireNonNull(micAlgorithm, "micAlgorithm").strip().toLowerCase(Locale.ROOT);
        try {
            MessageDigest digest = MessageDigest.getInstance(javaDigestName(algorithm));
            return Base64.getEncoder().encodeToString(digest.digest(signedEntity)) + ", " + algorithm;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no " + javaDigestName(algorithm) + " digest", e);
        }
    }

    /**
     * The Original-Message-ID an MDN states, read without checking its signature: for finding, when an MDN arrives
     * on its own request (asynchronously), which message it answers and so which partner certificate and MIC to
     * {@link #verify} it with. Never trust it before {@link #verify} succeeds.
     *
     * @return the Original-Message-ID as written, or empty when the MDN cannot be read or states none
     */
    public static java.util.Optional<String> originalMessageId(byte[] mdn, String contentType) {
        if (mdn == null || mdn.length == 0 || contentType == null || contentType.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            RawMimePart entity = RawMimePart.ofBody(mdn, contentType);
            RawMimePart report = entity.mediaType().equals("multipart/signed") && !entity.parts().isEmpty()
                    ? entity.parts().get(0) : entity;
            return java.util.Optional.ofNullable(readReport(report).originalMessageId())
                    .map(String::strip).filter(id -> !id.isEmpty());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Verifies one MDN.
     *
     * @param mdn           the MDN body exactly as received
     * @param contentType   its Content-Type (an HTTP header for a synchronous MDN)
     * @param sentMessageId the Message-ID we sent, with angle brackets
     * @param sentMic       the MIC we computed at send time, as {@link #computeMic} returns it
     * @return the report and, when refused, the failed check and why
     */
    public MdnVerification verify(byte[] mdn, String contentType, String sentMessageId, String sentMic) {
        Objects.requireNonNull(sentMessageId, "sentMessageId");
        Objects.requireNonNull(sentMic, "sentMic");
        if (mdn == null || mdn.length == 0) {
            return MdnVerification.refused(null, As2Failure.MDN_MISSING, "the response carries no MDN");
        }
        if (contentType == null || contentType.isBlank()) {
            return MdnVerification.refused(null, As2Failure.MDN_MALFORMED,
                    "the MDN has no Content-Type, expected multipart/signed");
        }
        RawMimePart entity = RawMimePart.ofBody(mdn, contentType);
        MdnReport report;
        try {
            if (entity.mediaType().equals("multipart/report")) {
                report = readReport(entity);
                return MdnVerification.refused(report, As2Failure.MDN_UNSIGNED,
                        "the MDN is an unsigned multipart/report, but a signed MDN was requested; its disposition is \""
                                + report.disposition() + "\"");
            }
            if (!entity.mediaType().equals("multipart/signed")) {
                return MdnVerification.refused(null, As2Failure.MDN_MALFORMED, "the MDN's Content-Type is \""
                        + contentType + "\", expected multipart/signed");
            }
            List<RawMimePart> parts = entity.parts();
            if (parts.size() != 2) {
                return MdnVerification.refused(null, As2Failure.MDN_MALFORMED,
                        "a multipart/signed MDN must have 2 parts (content and signature), found " + parts.size());
            }
            report = readReport(parts.get(0));
            String signatureFailure = checkSignature(parts.get(0), parts.get(1));
            if (signatureFailure != null) {
                return MdnVerification.refused(report, As2Failure.MDN_SIGNATURE_INVALID, signatureFailure);
            }
        } catch (IllegalArgumentException e) {
            return MdnVerification.refused(null, As2Failure.MDN_MALFORMED, "the MDN cannot be read: " + e.getMessage());
        }
        return checkReport(report, sentMessageId, sentMic);
    }

    private MdnVerification checkReport(MdnReport report, String sentMessageId, String sentMic) {
        if (report.originalMessageId() == null) {
            return MdnVerification.refused(report, As2Failure.MESSAGE_ID_MISMATCH,
                    "the MDN carries no Original-Message-ID, expected " + sentMessageId);
        }
        if (!unbracketed(report.originalMessageId()).equals(unbracketed(sentMessageId))) {
            return MdnVerification.refused(report, As2Failure.MESSAGE_ID_MISMATCH, "the MDN answers Original-Message-ID "
                    + report.originalMessageId() + ", but we sent Message-ID " + sentMessageId);
        }
        if (!report.processed()) {
            return MdnVerification.refused(report, As2Failure.DISPOSITION_NOT_PROCESSED,
                    "the partner's disposition is \"" + report.disposition() + "\", not \"processed\"");
        }
        if (report.receivedContentMic() == null) {
            return MdnVerification.refused(report, As2Failure.MIC_MISMATCH,
                    "the MDN carries no Received-Content-MIC, expected " + sentMic);
        }
        if (!sameMic(report.receivedContentMic(), sentMic)) {
            return MdnVerification.refused(report, As2Failure.MIC_MISMATCH, "the MDN's Received-Content-MIC \""
                    + report.receivedContentMic() + "\" differs from the MIC of what we sent \"" + sentMic + "\"");
        }
        return MdnVerification.verified(report);
    }

    /** Returns why the signature does not hold, or {@code null} when it verifies with the partner certificate. */
    private String checkSignature(RawMimePart signedPart, RawMimePart signaturePart) {
        String signatureType = signaturePart.mediaType();
        if (!signatureType.equals("application/pkcs7-signature")
                && !signatureType.equals("application/x-pkcs7-signature")) {
            return "the MDN's second part is " + signatureType + ", expected application/pkcs7-signature";
        }
        String partner = partnerCertificate.getSubjectX500Principal().getName() + " (serial "
                + partnerCertificate.getSerialNumber() + ")";
        try {
            CMSSignedData signedData = new CMSSignedData(new CMSProcessableByteArray(signedPart.raw()),
                    signaturePart.decodedBody());
            if (signedData.getSignerInfos().size() == 0) {
                return "the MDN's signature has no signer";
            }
            X509CertificateHolder partnerHolder = new JcaX509CertificateHolder(partnerCertificate);
            SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().build(partnerCertificate);
            for (SignerInformation signer : signedData.getSignerInfos()) {
                if (!signer.getSID().match(partnerHolder)) {
                    return "the MDN is signed by issuer " + signer.getSID().getIssuer() + " serial "
                            + signer.getSID().getSerialNumber() + ", not by the partner certificate " + partner;
                }
                if (!signer.verify(verifier)) {
                    return "the MDN signature does not verify with the partner certificate " + partner;
                }
            }
            return null;
        } catch (CMSException e) {
            return "the MDN signature does not verify with the partner certificate " + partner + ": "
                    + e.getMessage();
        } catch (CertificateEncodingException | OperatorCreationException e) {
            return "the partner certificate " + partner + " cannot verify signatures: " + e.getMessage();
        }
    }

    private static MdnReport readReport(RawMimePart reportEntity) {
        if (!reportEntity.mediaType().equals("multipart/report")) {
            throw new IllegalArgumentException("the signed content is " + reportEntity.mediaType()
                    + ", expected multipart/report");
        }
        String reportType = reportEntity.contentTypeParameter("report-type");
        if (reportType != null && !reportType.equalsIgnoreCase("disposition-notification")) {
            throw new IllegalArgumentException("the report type is " + reportType + ", expected disposition-notification");
        }
        RawMimePart notification = null;
        String text = null;
        for (RawMimePart part : reportEntity.parts()) {
            if (notification == null && part.mediaType().equals("message/disposition-notification")) {
                notification = part;
            } else if (text == null && part.mediaType().equals("text/plain")) {
                text = new String(part.decodedBody(), charset(part)).strip();
            }
        }
        if (notification == null) {
            throw new IllegalArgumentException("the report has no message/disposition-notification part");
        }
        RawMimePart fields = RawMimePart.parse(notification.decodedBody());
        return new MdnReport(fields.header("Original-Message-ID"), fields.header("Disposition"),
                fields.header("Received-Content-MIC"), fields.header("Original-Recipient"),
                fields.header("Final-Recipient"), fields.header("Reporting-UA"), text);
    }

    private static Charset charset(RawMimePart part) {
        String name = part.contentTypeParameter("charset");
        try {
            return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** Same digest (exact base64) and same algorithm ({@code sha-256} and {@code sha256} are the same name). */
    static boolean sameMic(String received, String expected) {
        String[] a = splitMic(received);
        String[] b = splitMic(expected);
        return a != null && b != null && a[0].equals(b[0]) && a[1].equals(b[1]);
    }

    private static String[] splitMic(String mic) {
        int comma = mic.lastIndexOf(',');
        if (comma <= 0) {
            return null;
        }
        return new String[] {mic.substring(0, comma).strip(),
                mic.substring(comma + 1).strip().toLowerCase(Locale.ROOT).replace("-", "")};
    }

    private static String unbracketed(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }

    private static String javaDigestName(String micAlgorithm) {
        switch (micAlgorithm.replace("-", "")) {
            case "sha256":
                return "SHA-256";
            case "sha384":
                return "SHA-384";
            case "sha512":
                return "SHA-512";
            default:
                throw new IllegalArgumentException("micAlgorithm must be sha-256, sha-384 or sha-512, found \""
                        + micAlgorithm + "\"");
        }
    }
}
