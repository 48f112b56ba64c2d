package io.tracewell.regulatory.as2;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.apache.camel.component.as2.api.AS2EncryptionAlgorithm;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;

/**
 * Everything needed to send AS2 messages (RFC 4130) to one trading partner: who we are, who they are, where they
 * listen, which keys and algorithms protect the message, and how the partner acknowledges it.
 *
 * <p>Messages are always signed with {@link #signingKey()} and encrypted for {@link #partnerCertificate()}; the
 * partner is always asked for a signed MDN whose Received-Content-MIC uses {@link #micAlgorithm()}. The same partner
 * certificate verifies the MDN signature, so a partner with separate encryption and signing certificates is not yet
 * covered.
 *
 * @param ourAs2Id             our AS2 identifier, sent as {@code AS2-From}
 * @param partnerAs2Id         the partner's AS2 identifier, sent as {@code AS2-To}
 * @param url                  the partner's AS2 endpoint, {@code http://host[:port]/path}
 * @param fromAddress          our e-mail address, sent as {@code From} and {@code Disposition-Notification-To}; its
 *                             domain is the right-hand side of the Message-IDs we generate
 * @param partnerCertificate   the partner's certificate: the message is encrypted for it and the MDN signature must
 *                             verify with it
 * @param signingKey           our private key that signs the message
 * @param signingChain         our certificate chain, leaf first, matching {@code signingKey}
 * @param signingAlgorithm     the signature algorithm (default {@code SHA256WITHRSA})
 * @param encryptionAlgorithm  the content encryption algorithm (default {@code AES256_CBC})
 * @param mdnMode              synchronous MDN in the HTTP response, or asynchronous to {@code asyncMdnUrl}
 * @param asyncMdnUrl          where the partner posts an asynchronous MDN; required for {@link MdnMode#ASYNC}, absent
 *                             for {@link MdnMode#SYNC}
 * @param micAlgorithm         the MIC algorithm asked for and checked in the MDN: {@code sha-256}, {@code sha-384}
 *                             or {@code sha-512} (default {@code sha-256})
 * @param connectTimeout       how long to wait for the TCP connection
 * @param readTimeout          how long to wait for the partner's answer once the message is sent
 */
public record As2PartnerProfile(
        String ourAs2Id,
        String partnerAs2Id,
        URI url,
        String fromAddress,
        X509Certificate partnerCertificate,
        PrivateKey signingKey,
        List<X509Certificate> signingChain,
        AS2SignatureAlgorithm signingAlgorithm,
        AS2EncryptionAlgorithm encryptionAlgorithm,
        MdnMode mdnMode,
        URI asyncMdnUrl,
        String micAlgorithm,
        Duration connectTimeout,
        Duration readTimeout) {

    /** How the partner returns the MDN. */
    public enum MdnMode {
        /** The MDN is the body of the HTTP response to our POST. */
        SYNC,
        /** The partner answers the POST with 2xx and later posts the MDN to our asynchronous MDN URL. */
        ASYNC
    }

    /** Default signature algorithm. */
    public static final AS2SignatureAlgorithm DEFAULT_SIGNING_ALGORITHM = AS2SignatureAlgorithm.SHA256WITHRSA;
    /** Default content encryption algorithm. */
    public static final AS2EncryptionAlgorithm DEFAULT_ENCRYPTION_ALGORITHM = AS2EncryptionAlgorithm.AES256_CBC;
    /** Default MIC algorithm. */
    public static final String DEFAULT_MIC_ALGORITHM = "sha-256";
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default read timeout: partners decrypt, verify and store before they answer with a synchronous MDN. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<String> MIC_ALGORITHMS = Set.of("sha-256", "sha-384", "sha-512");
    private static final int MAX_AS2_ID_LENGTH = 128;

    /** Checks every field and copies the chain; a wrong profile fails here, naming the field, not at send time. */
    public As2PartnerProfile {
        requireAs2Id(ourAs2Id, "ourAs2Id");
        requireAs2Id(partnerAs2Id, "partnerAs2Id");
        requireHttpUrl(url, "url");
        requireEmail(fromAddress);
        Objects.requireNonNull(partnerCertificate, "partnerCertificate must be given (the partner's X.509 certificate)");
        Objects.requireNonNull(signingKey, "signingKey must be given (our private key)");
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
        Objects.requireNonNull(encryptionAlgorithm, "encryptionAlgorithm must be given, e.g. AES256_CBC");
        Objects.requireNonNull(mdnMode, "mdnMode must be SYNC or ASYNC");
        if (mdnMode == MdnMode.ASYNC) {
            requireHttpUrl(asyncMdnUrl, "asyncMdnUrl (required when mdnMode is ASYNC)");
        } else if (asyncMdnUrl != null) {
            throw new IllegalArgumentException("asyncMdnUrl must be absent when mdnMode is SYNC, found " + asyncMdnUrl);
        }
        Objects.requireNonNull(micAlgorithm, "micAlgorithm must be given, e.g. sha-256");
        micAlgorithm = micAlgorithm.toLowerCase(Locale.ROOT);
        if (!MIC_ALGORITHMS.contains(micAlgorithm)) {
            throw new IllegalArgumentException("micAlgorithm must be one of " + MIC_ALGORITHMS + ", found "
                    + micAlgorithm);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /**
     * Starts a profile with the defaults: SHA256WITHRSA, AES256_CBC, synchronous MDN, sha-256 MIC, 10 s connect and
     * 60 s read timeout.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The domain of {@link #fromAddress()}, used on the right of generated Message-IDs. */
    public String messageIdDomain() {
        return fromAddress.substring(fromAddress.indexOf('@') + 1);
    }

    /** The port of {@link #url()}, 80 when the URL names none. */
    public int port() {
        return url.getPort() == -1 ? 80 : url.getPort();
    }

    /** The path and query of {@link #url()} as sent in the request line, "/" when the URL has no path. */
    public String requestUri() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static void requireAs2Id(String id, String field) {
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

    private static boolean isKeyPair(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey instanceof RSAPublicKey rsaPublic && privateKey instanceof RSAPrivateKey rsaPrivate) {
            return rsaPublic.getModulus().equals(rsaPrivate.getModulus());
        }
        return publicKey.getAlgorithm().equals(privateKey.getAlgorithm());
    }

    private static void requireHttpUrl(URI uri, String field) {
        Objects.requireNonNull(uri, field + " must be given");
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an absolute http URL with a host, found " + uri
                    + (("https".equalsIgnoreCase(uri.getScheme())) ? " (TLS is not supported by the AS2 sender yet)"
                            : ""));
        }
    }

    private static void requireEmail(String address) {
        Objects.requireNonNull(address, "fromAddress must be given, e.g. as2@example.com");
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1 || address.contains(" ")
                || address.contains("<") || address.contains(">")) {
            throw new IllegalArgumentException("fromAddress must be a plain e-mail address like as2@example.com, found \""
                    + address + "\"");
        }
    }

    private static void requirePositive(Duration duration, String field) {
        Objects.requireNonNull(duration, field + " must be given");
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be positive and below 24 days, found " + duration);
        }
    }

    /** Builds an {@link As2PartnerProfile}; settings not given keep the documented defaults. */
    public static final class Builder {
        private String ourAs2Id;
        private String partnerAs2Id;
        private URI url;
        private String fromAddress;
        private X509Certificate partnerCertificate;
        private PrivateKey signingKey;
        private List<X509Certificate> signingChain;
        private AS2SignatureAlgorithm signingAlgorithm = DEFAULT_SIGNING_ALGORITHM;
        private AS2EncryptionAlgorithm encryptionAlgorithm = DEFAULT_ENCRYPTION_ALGORITHM;
        private MdnMode mdnMode = MdnMode.SYNC;
        private URI asyncMdnUrl;
        private String micAlgorithm = DEFAULT_MIC_ALGORITHM;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        private Builder() {
        }

        /** Our AS2 identifier ({@code AS2-From}). */
        public Builder ourAs2Id(String value) {
            this.ourAs2Id = value;
            return this;
        }

        /** The partner's AS2 identifier ({@code AS2-To}). */
        public Builder partnerAs2Id(String value) {
            this.partnerAs2Id = value;
            return this;
        }

        /** The partner's AS2 URL. */
        public Builder url(URI value) {
            this.url = value;
            return this;
        }

        /** Our e-mail address ({@code From}, {@code Disposition-Notification-To}, Message-ID domain). */
        public Builder fromAddress(String value) {
            this.fromAddress = value;
            return this;
        }

        /** The partner's certificate (encryption and MDN signature verification). */
        public Builder partnerCertificate(X509Certificate value) {
            this.partnerCertificate = value;
            return this;
        }

        /** Our signing key and its certificate chain, leaf first. */
        public Builder signing(PrivateKey key, List<X509Certificate> chain) {
            this.signingKey = key;
            this.signingChain = chain;
            return this;
        }

        /** The signature algorithm. */
        public Builder signingAlgorithm(AS2SignatureAlgorithm value) {
            this.signingAlgorithm = value;
            return this;
        }

        /** The content encryption algorithm. */
        public Builder encryptionAlgorithm(AS2EncryptionAlgorithm value) {
            this.encryptionAlgorithm = value;
            return this;
        }

        /** Asks for a synchronous MDN (the default). */
        public Builder syncMdn() {
            this.mdnMode = MdnMode.SYNC;
            this.asyncMdnUrl = null;
            return this;
        }

        /** Asks for an asynchronous MDN posted to {@code mdnUrl}. */
        public Builder asyncMdn(URI mdnUrl) {
            this.mdnMode = MdnMode.ASYNC;
            this.asyncMdnUrl = mdnUrl;
            return this;
        }

        /** The MIC algorithm asked for in the MDN. */
        public Builder micAlgorithm(String value) {
            this.micAlgorithm = value;
            return this;
        }

        /** Connect and read timeouts. */
        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            return this;
        }

        /** Builds and checks the profile. */
        public As2PartnerProfile build() {
            return new As2PartnerProfile(ourAs2Id, partnerAs2Id, url, fromAddress, partnerCertificate, signingKey,
                    signingChain, signingAlgorithm, encryptionAlgorithm, mdnMode, asyncMdnUrl, micAlgorithm,
                    connectTimeout, readTimeout);
        }
    }
}
