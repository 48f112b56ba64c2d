package io.tracewell.regulatory.as2;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;

/**
 * What {@link As2Receiver} needs to accept AS2 messages from one trading partner: who they are, the certificate their
 * signatures must verify with, our key that decrypts what they encrypt for us, and our key and chain that sign the
 * MDN we answer with.
 *
 * @param partnerAs2Id          the partner's AS2 identifier, as it arrives in {@code AS2-From}
 * @param ourAs2Id              our AS2 identifier for this partner, as it must arrive in {@code AS2-To}
 * @param partnerCertificate    the partner's certificate: every signature on their messages must be made with its key
 * @param decryptionKey         our private key that decrypts the partner's messages
 * @param decryptionCertificate our certificate the partner encrypts for; it names the recipient in the envelope
 * @param signingKey            our private key that signs the MDN
 * @param signingChain          our certificate chain for the MDN signature, leaf first
 * @param signingAlgorithm      the MDN signature algorithm: SHA-256, SHA-384 or SHA-512 with RSA (default
 *                              {@code SHA256WITHRSA})
 */
public record InboundPartnerProfile(
        String partnerAs2Id,
        String ourAs2Id,
        X509Certificate partnerCertificate,
        PrivateKey decryptionKey,
        X509Certificate decryptionCertificate,
        PrivateKey signingKey,
        List<X509Certificate> signingChain,
        AS2SignatureAlgorithm signingAlgorithm) {

    /** Default MDN signature algorithm. */
    public static final AS2SignatureAlgorithm DEFAULT_SIGNING_ALGORITHM = AS2SignatureAlgorithm.SHA256WITHRSA;

    /** The signature algorithms an MDN may be signed with, and the micalg each one names (RFC 5751 3.4.3.2). */
    private static final Map<AS2SignatureAlgorithm, String> MICALG = Map.of(
            AS2SignatureAlgorithm.SHA256WITHRSA, "sha-256",
            AS2SignatureAlgorithm.SHA384WITHRSA, "sha-384",
            AS2SignatureAlgorithm.SHA512WITHRSA, "sha-512");

    private static final int MAX_AS2_ID_LENGTH = 128;

    /** Checks every field and copies the chain; a wrong profile fails here, naming the field. */
    public InboundPartnerProfile {
        requireAs2Id(partnerAs2Id, "partnerAs2Id");
        requireAs2Id(ourAs2Id, "ourAs2Id");
        Objects.requireNonNull(partnerCertificate, "partnerCertificate must be given (the certificate the partner "
                + "signs with)");
        Objects.requireNonNull(decryptionKey, "decryptionKey must be given (our private key the partner encrypts for)");
        Objects.requireNonNull(decryptionCertificate, "decryptionCertificate must be given (our certificate the "
                + "partner encrypts for)");
        if (!isKeyPair(decryptionCertificate.getPublicKey(), decryptionKey)) {
            throw new IllegalArgumentException("decryptionCertificate must hold the public half of decryptionKey, but "
                    + decryptionCertificate.getSubjectX500Principal() + " holds another public key");
        }
        Objects.requireNonNull(signingKey, "signingKey must be given (our private key that signs MDNs)");
        Objects.requireNonNull(signingChain, "signingChain must be given (our certificate chain, leaf first)");
        if (signingChain.isEmpty()) {
            throw new IllegalArgumentException("signingChain must hold at least our own certificate, found none");
        }
        signingChain = List.copyOf(signingChain);
        if (!isKeyPair(signingChain.get(0).getPublicKey(), signingKey)) {
            throw new IllegalArgumentException("signingChain[0] must be the certificate of signingKey, but "
                    + signingChain.get(0).getSubjectX500Principal() + " holds another public key");
        }
        Objects.requireNonNull(signingAlgorithm, "signingAlgorithm must be given, e.g. SHA256WITHRSA");
        if (!MICALG.containsKey(signingAlgorithm)) {
            throw new IllegalArgumentException("signingAlgorithm must be one of " + MICALG.keySet() + ", found "
                    + signingAlgorithm);
        }
        if (!signingKey.getAlgorithm().equals("RSA")) {
            throw new IllegalArgumentException("signingKey must be an RSA key for " + signingAlgorithm + ", found "
                    + signingKey.getAlgorithm());
        }
    }

    /**
     * The inbound side of an outbound profile: the same AS2 IDs and partner certificate, and our signing key and
     * certificate serving for decryption as well (one key pair per partner relationship, as most partners set it up).
     */
    public static InboundPartnerProfile of(As2PartnerProfile outbound) {
        Objects.requireNonNull(outbound, "outbound");
        return new InboundPartnerProfile(outbound.partnerAs2Id(), outbound.ourAs2Id(), outbound.partnerCertificate(),
                outbound.signingKey(), outbound.signingChain().get(0), outbound.signingKey(),
                outbound.signingChain(), DEFAULT_SIGNING_ALGORITHM);
    }

    /** Starts a profile with the default MDN signature algorithm ({@code SHA256WITHRSA}). */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@code micalg} of the MDN's {@code multipart/signed}, e.g. {@code sha-256}. */
    String mdnMicalg() {
        return MICALG.get(signingAlgorithm);
    }

    static void requireAs2Id(String id, String field) {
        Objects.requireNonNull(id, field + " must be given");
        if (id.isEmpty() || id.length() > MAX_AS2_ID_LENGTH) {
            throw new IllegalArgumentException(field + " must be 1 to " + MAX_AS2_ID_LENGTH
                    + " characters (RFC 4130 6.2), found " + id.length());
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '\\') {
                throw new IllegalArgumentException(field + " must be printable US-ASCII without spaces, quotes or "
                        + "backslashes, found \"" + id + "\" (character " + (i + 1) + ")");
            }
        }
    }

    static boolean isKeyPair(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey instanceof RSAPublicKey rsaPublic && privateKey instanceof RSAPrivateKey rsaPrivate) {
            return rsaPublic.getModulus().equals(rsaPrivate.getModulus());
        }
        return publicKey.getAlgorithm().toUpperCase(Locale.ROOT).equals(
                privateKey.getAlgorithm().toUpperCase(Locale.ROOT));
    }

    /** Builds an {@link InboundPartnerProfile}. */
    public static final class Builder {
        private String partnerAs2Id;
        private String ourAs2Id;
        private X509Certificate partnerCertificate;
        private PrivateKey decryptionKey;
        private X509Certificate decryptionCertificate;
        private PrivateKey signingKey;
        private List<X509Certificate> signingChain;
        private AS2SignatureAlgorithm signingAlgorithm = DEFAULT_SIGNING_ALGORITHM;

        private Builder() {
        }

        /** The partner's AS2 identifier ({@code AS2-From} of their messages). */
        public Builder partnerAs2Id(String value) {
            this.partnerAs2Id = value;
            return this;
        }

        /** Our AS2 identifier ({@code AS2-To} of their messages). */
        public Builder ourAs2Id(String value) {
            this.ourAs2Id = value;
            return this;
        }

        /** The certificate the partner signs with. */
        public Builder partnerCertificate(X509Certificate value) {
            this.partnerCertificate = value;
            return this;
        }

        /** Our key and certificate the partner encrypts for. */
        public Builder decryption(PrivateKey key, X509Certificate certificate) {
            this.decryptionKey = key;
            this.decryptionCertificate = certificate;
            return this;
        }

        /** Our key and certificate chain, leaf first, that sign the MDN. */
        public Builder signing(PrivateKey key, List<X509Certificate> chain) {
            this.signingKey = key;
            this.signingChain = chain;
            return this;
        }

        /** The MDN signature algorithm. */
        public Builder signingAlgorithm(AS2SignatureAlgorithm value) {
            this.signingAlgorithm = value;
            return this;
        }

        /** Builds and checks the profile. */
        public InboundPartnerProfile build() {
            return new InboundPartnerProfile(partnerAs2Id, ourAs2Id, partnerCertificate, decryptionKey,
                    decryptionCertificate, signingKey, signingChain, signingAlgorithm);
        }
    }
}
