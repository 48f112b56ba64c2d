package io.tracewell.regulatory.as2;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An AS2 message put together byte by byte in a test, for what no AS2 implementation would send: content changed
 * after it was signed. Signed as S/MIME (detached CMS over the MIME entity) and encrypted (CMS enveloped-data, AES-256
 * CBC) with BouncyCastle, posted with the JDK's HTTP client.
 */
final class CraftedAs2Message {

    private static final String CRLF = "\r\n";

    private CraftedAs2Message() {
    }

    /** The MIME entity that is signed: header lines, a blank line, the payload as it is. */
    static byte[] signedEntity(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Content-Type: application/xml; charset=UTF-8" + CRLF
                + "Content-Transfer-Encoding: binary" + CRLF + CRLF).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** A detached CMS signature over {@code content} by {@code signer}. */
    static byte[] sign(byte[] content, TestPki.Identity signer) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build()).build(
                        new JcaContentSignerBuilder("SHA256withRSA").build(signer.keys().getPrivate()),
                        signer.certificate()));
        generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
    }

    /** The multipart/signed entity, its Content-Type header line first, with {@code entity} sent as given. */
    static byte[] multipartSigned(byte[] entity, byte[] signature) {
        String boundary = "crafted-boundary-4711";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;"
                + " boundary=\"" + boundary + "\"" + CRLF + CRLF);
        ascii(out, "--" + boundary + CRLF);
        out.writeBytes(entity);
        ascii(out, CRLF + "--" + boundary + CRLF);
        ascii(out, "Content-Type: application/pkcs7-signature; name=smime.p7s" + CRLF);
        ascii(out, "Content-Transfer-Encoding: base64" + CRLF + CRLF);
        ascii(out, Base64.getMimeEncoder().encodeToString(signature) + CRLF);
        ascii(out, "--" + boundary + "--" + CRLF);
        return out.toByteArray();
    }

    /** CMS enveloped-data of {@code content} for {@code recipient}, DER. */
    static byte[] encrypt(byte[] content, X509Certificate recipient) throws Exception {
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient));
        CMSTypedData data = new CMSProcessableByteArray(content);
        return generator.generate(data, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build())
                .getEncoded();
    }

    /** Posts an encrypted body as an AS2 message asking for a signed MDN with {@code micAlgorithm}. */
    static HttpResponse<byte[]> post(URI url, String from, String to, String messageId, byte[] encrypted,
            String micAlgorithm) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("AS2-Version", "1.0")
                .header("AS2-From", from)
                .header("AS2-To", to)
                .header("Subject", "crafted")
                .header("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m")
                .header("Content-Transfer-Encoding", "binary")
                .header("Disposition-Notification-To", "as2@partner.example")
                .header("Disposition-Notification-Options", "signed-receipt-protocol=required, pkcs7-signature;"
                        + " signed-receipt-micalg=required, " + micAlgorithm)
                .POST(HttpRequest.BodyPublishers.ofByteArray(encrypted));
        if (messageId != null) {
            request.header("Message-ID", messageId);
        }
        return send(request.build());
    }

    static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
