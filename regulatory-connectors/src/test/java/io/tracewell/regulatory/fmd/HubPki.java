package io.tracewell.regulatory.fmd;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away certificates for the hub tests, made with BouncyCastle in the test run: a hub CA that signs the hub's
 * server certificate (for localhost and 127.0.0.1) and our client certificate, and a second, unrelated CA that signs
 * a client certificate the hub must refuse. Written as PKCS #12 files into a directory, as the configuration names
 * them.
 */
final class HubPki {

    static final char[] PASSWORD = "changeit".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    final Path serverKeyStore;
    final Path serverTrustStore;
    final Path clientKeyStore;
    final Path clientTrustStore;
    final Path rogueKeyStore;

    HubPki(Path dir) throws Exception {
        KeyPair caKeys = keys();
        X509Certificate ca = certificate("CN=Test EU hub CA", caKeys, "CN=Test EU hub CA", caKeys.getPrivate(), true,
                false);
        KeyPair serverKeys = keys();
        X509Certificate server = certificate("CN=localhost", serverKeys, "CN=Test EU hub CA", caKeys.getPrivate(),
                false, true);
        KeyPair clientKeys = keys();
        X509Certificate client = certificate("CN=OBP-TEST-01", clientKeys, "CN=Test EU hub CA", caKeys.getPrivate(),
                false, false);
        KeyPair rogueCaKeys = keys();
        KeyPair rogueKeys = keys();
        X509Certificate rogue = certificate("CN=OBP-TEST-01", rogueKeys, "CN=Somebody else's CA",
                rogueCaKeys.getPrivate(), false, false);
        serverKeyStore = keyStore(dir.resolve("hub-server.p12"), serverKeys.getPrivate(), server, ca);
        serverTrustStore = trustStore(dir.resolve("hub-trusts.p12"), ca);
        clientKeyStore = keyStore(dir.resolve("obp-client.p12"), clientKeys.getPrivate(), client, ca);
        clientTrustStore = trustStore(dir.resolve("obp-trusts.p12"), ca);
        rogueKeyStore = keyStore(dir.resolve("rogue-client.p12"), rogueKeys.getPrivate(), rogue, null);
    }

    SSLContext client() throws Exception {
        return FmdConfiguration.tls(clientKeyStore, PASSWORD, clientTrustStore, PASSWORD);
    }

    SSLContext rogue() throws Exception {
        return FmdConfiguration.tls(rogueKeyStore, PASSWORD, clientTrustStore, PASSWORD);
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256, RANDOM);
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
                                               boolean ca, boolean server) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(RANDOM.nextLong() & Long.MAX_VALUE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (server) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static Path keyStore(Path file, PrivateKey key, X509Certificate certificate, X509Certificate ca)
            throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", key, PASSWORD, ca == null ? new Certificate[] {certificate}
                : new Certificate[] {certificate, ca});
        return write(file, store);
    }

    private static Path trustStore(Path file, X509Certificate ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        return write(file, store);
    }

    private static Path write(Path file, KeyStore store) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
