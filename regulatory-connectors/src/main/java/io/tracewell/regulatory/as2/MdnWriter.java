package io.tracewell.regulatory.as2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Writes a signed MDN (RFC 4130 7.4, RFC 3798): a {@code multipart/signed} whose first part is the
 * {@code multipart/report} (a human-readable text and the {@code message/disposition-notification} fields) and whose
 * second part is a detached CMS signature over the first part's bytes exactly as written. Every line ends in CRLF and
 * every part is 7bit, so the bytes signed are the bytes a receiver reads back.
 */
final class MdnWriter {

    /** The disposition of a processed message. */
    static final String PROCESSED = "automatic-action/MDN-sent-automatically; processed";

    private static final String CRLF = "\r\n";
    private static final String REPORTING_UA = "Tracewell AS2 receiver";
    private static final Provider BC = new BouncyCastleProvider();

    /**
     * An MDN's content and signer.
     *
     * @param ourAs2Id          our AS2 ID (Original-Recipient, Final-Recipient)
     * @param originalMessageId the Message-ID answered
     * @param disposition       e.g. {@link #PROCESSED} or {@link #error(String)}
     * @param mic               Received-Content-MIC, {@code null} to leave the field out
     * @param text              the human-readable explanation
     */
    record Mdn(String ourAs2Id, String originalMessageId, String disposition, String mic, String text) {
    }

    /** The bytes of a signed MDN and the Content-Type that goes with them (an HTTP header). */
    record Written(byte[] body, String contentType) {
    }

    private MdnWriter() {
    }

    /** The disposition of a message refused with {@code modifier}, e.g. {@code authentication-failed}. */
    static String error(String modifier) {
        return PROCESSED + "/error: " + modifier;
    }

    /**
     * Writes and signs an MDN.
     *
     * @param micalg the micalg parameter naming the signature's digest, e.g. {@code sha-256}
     */
    static Written write(Mdn mdn, PrivateKey signingKey, List<X509Certificate> signingChain,
            AS2SignatureAlgorithm signingAlgorithm, String micalg) {
        Objects.requireNonNull(mdn, "mdn");
        byte[] report = report(mdn);
        byte[] signature = sign(report, signingKey, signingChain, signingAlgorithm);
        String boundary = "----=_Signed_" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(report.length + signature.length * 2 + 512);
        ascii(out, "--" + boundary + CRLF);
        out.writeBytes(report);
        ascii(out, CRLF + "--" + boundary + CRLF);
        ascii(out, "Content-Type: application/pkcs7-signature; name=smime.p7s; smime-type=signed-data" + CRLF);
        ascii(out, "Content-Transfer-Encoding: base64" + CRLF);
        ascii(out, "Content-Disposition: attachment; filename=smime.p7s" + CRLF);
        ascii(out, CRLF);
        ascii(out, Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII)).encodeToString(signature)
                + CRLF);
        ascii(out, "--" + boundary + "--" + CRLF);
        String contentType = "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=" + micalg
                + "; boundary=\"" + boundary + "\"";
        return new Written(out.toByteArray(), contentType);
    }

    /** The signed entity: the multipart/report with its own Content-Type header line. */
    static byte[] report(Mdn mdn) {
        String boundary = "----=_Report_" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder report = new StringBuilder(1024);
        report.append("Content-Type: multipart/report; report-type=disposition-notification; boundary=\"")
                .append(boundary).append('"').append(CRLF)
                .append(CRLF)
                .append("--").append(boundary).append(CRLF)
                .append("Content-Type: text/plain; charset=us-ascii").append(CRLF)
                .append("Content-Transfer-Encoding: 7bit").append(CRLF)
                .append(CRLF)
                .append(text(mdn.text())).append(CRLF)
                .append("--").append(boundary).append(CRLF)
                .append("Content-Type: message/disposition-notification").append(CRLF)
                .append("Content-Transfer-Encoding: 7bit").append(CRLF)
                .append(CRLF)
                .append("Reporting-UA: ").append(REPORTING_UA).append(CRLF)
                .append("Original-Recipient: rfc822; ").append(field(mdn.ourAs2Id())).append(CRLF)
                .append("Final-Recipient: rfc822; ").append(field(mdn.ourAs2Id())).append(CRLF)
                .append("Original-Message-ID: ").append(field(mdn.originalMessageId())).append(CRLF);
        if (mdn.mic() != null) {
            report.append("Received-Content-MIC: ").append(field(mdn.mic())).append(CRLF);
        }
        report.append("Disposition: ").append(field(mdn.disposition())).append(CRLF)
                .append(CRLF)
                .append("--").append(boundary).append("--").append(CRLF);
        return report.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sign(byte[] content, PrivateKey key, List<X509Certificate> chain,
            AS2SignatureAlgorithm algorithm) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(algorithm.getSignatureAlgorithmName()).setProvider(BC)
                    .build(key);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()).build(signer, chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("the MDN cannot be signed with " + algorithm + " and the key of "
                    + chain.get(0).getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    /** A header field value: printable US-ASCII on one line; anything else becomes '?'. */
    private static String field(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length() && clean.length() < 998; i++) {
            char c = value.charAt(i);
            clean.append(c >= ' ' && c < 0x7f ? c : '?');
        }
        return clean.toString();
    }

    /** The human-readable part: US-ASCII lines of at most 998 characters ending in CRLF. */
    private static String text(String value) {
        StringBuilder clean = new StringBuilder(value.length() + 16);
        int lineLength = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                clean.append(CRLF);
                lineLength = 0;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            if (lineLength == 998) {
                clean.append(CRLF);
                lineLength = 0;
            }
            clean.append(c >= ' ' && c < 0x7f || c == '\t' ? c : '?');
            lineLength++;
        }
        return clean.toString();
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
