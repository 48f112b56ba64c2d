package io.tracewell.regulatory.as2;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how {@link As2Receiver} listens, and who answers senders that no {@link InboundPartnerProfile} covers.
 *
 * @param bindAddress           the local address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port                  the TCP port, 0 for one the system picks (tests)
 * @param path                  the exact request path, e.g. {@code /as2}: no wildcard, no query; other paths are
 *                              answered 404
 * @param messageIdDomain       the right-hand side of the Message-IDs of our MDNs, e.g. {@code as2.example.com}
 * @param ourAs2Id              our AS2 identifier in MDNs to senders no profile covers (unknown AS2-From)
 * @param signingKey            our key that signs those MDNs
 * @param signingChain          its certificate chain, leaf first
 * @param maxMessageBytes       the largest request body accepted; larger ones are answered 413 unread
 * @param readTimeout           how long a connection may stay silent while a request is read
 * @param maxConcurrentMessages how many messages are decrypted, verified and recorded at once; further ones are
 *                              answered 503 with Retry-After
 * @param handOnLease           how long one hand-on may take before another node or a retry may take it over
 */
public record As2ReceiverSettings(
        String bindAddress,
        int port,
        String path,
        String messageIdDomain,
        String ourAs2Id,
        PrivateKey signingKey,
        List<X509Certificate> signingChain,
        long maxMessageBytes,
        Duration readTimeout,
        int maxConcurrentMessages,
        Duration handOnLease) {

    /** Default listen address: all interfaces. */
    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    /** Default limit of a request body: 16 MiB (the database's max_allowed_packet must exceed it). */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 16L * 1024 * 1024;
    /** Default read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Default number of messages processed at once. */
    public static final int DEFAULT_MAX_CONCURRENT_MESSAGES = 8;
    /** Default hand-on lease. */
    public static final Duration DEFAULT_HAND_ON_LEASE = Duration.ofMinutes(5);

    /** Checks every field; a wrong setting fails here, naming the field. */
    public As2ReceiverSettings {
        Objects.requireNonNull(bindAddress, "bindAddress must be given, e.g. 0.0.0.0");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress must be a host name or IP address, found \"\"");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, found " + port);
        }
        requirePath(path);
        Objects.requireNonNull(messageIdDomain, "messageIdDomain must be given, e.g. as2.example.com");
        if (!messageIdDomain.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new IllegalArgumentException("messageIdDomain must be a domain name (letters, digits, dots, "
                    + "hyphens), found \"" + messageIdDomain + "\"");
        }
        InboundPartnerProfile.requireAs2Id(ourAs2Id, "ourAs2Id");
        Objects.requireNonNull(signingKey, "signingKey must be given (our key that signs MDNs to unknown senders)");
        Objects.requireNonNull(signingChain, "signingChain must be given (our certificate chain, leaf first)");
        if (signingChain.isEmpty()) {
            throw new IllegalArgumentException("signingChain must hold at least our own certificate, found none");
        }
        signingChain = List.copyOf(signingChain);
        if (!InboundPartnerProfile.isKeyPair(signingChain.get(0).getPublicKey(), signingKey)) {
            throw new IllegalArgumentException("signingChain[0] must be the certificate of signingKey, but "
                    + signingChain.get(0).getSubjectX500Principal() + " holds another public key");
        }
        if (!signingKey.getAlgorithm().equals("RSA")) {
            throw new IllegalArgumentException("signingKey must be an RSA key, found " + signingKey.getAlgorithm());
        }
        if (maxMessageBytes < 1024 || maxMessageBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxMessageBytes must be from 1024 to " + (Integer.MAX_VALUE - 8)
                    + ", found " + maxMessageBytes);
        }
        requirePositive(readTimeout, "readTimeout");
        if (maxConcurrentMessages < 1) {
            throw new IllegalArgumentException("maxConcurrentMessages must be at least 1, found "
                    + maxConcurrentMessages);
        }
        requirePositive(handOnLease, "handOnLease");
    }

    /** Starts settings with the defaults: all interfaces, 16 MiB, 60 s read timeout, 8 at once, 5 min lease. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requirePath(String path) {
        Objects.requireNonNull(path, "path must be given, e.g. /as2");
        if (!path.startsWith("/") || path.contains("*") || path.contains("?") || path.contains("#")
                || path.contains("//") || !path.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("path must be an exact absolute path like /as2, without wildcards, "
                    + "query, fragment or spaces; found \"" + path + "\"");
        }
    }

    private static void requirePositive(Duration duration, String field) {
        Objects.requireNonNull(duration, field + " must be given");
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be positive and below 24 days, found " + duration);
        }
    }

    /** Builds {@link As2ReceiverSettings}; settings not given keep the documented defaults. */
    public static final class Builder {
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int port;
        private String path;
        private String messageIdDomain;
        private String ourAs2Id;
        private PrivateKey signingKey;
        private List<X509Certificate> signingChain;
        private long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxConcurrentMessages = DEFAULT_MAX_CONCURRENT_MESSAGES;
        private Duration handOnLease = DEFAULT_HAND_ON_LEASE;

        private Builder() {
        }

        /** The address and port to listen on. */
        public Builder listen(String address, int listenPort) {
            this.bindAddress = address;
            this.port = listenPort;
            return this;
        }

        /** The exact request path. */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /** The right-hand side of our MDN Message-IDs. */
        public Builder messageIdDomain(String value) {
            this.messageIdDomain = value;
            return this;
        }

        /** Our AS2 ID, key and chain for MDNs to senders no profile covers. */
        public Builder identity(String as2Id, PrivateKey key, List<X509Certificate> chain) {
            this.ourAs2Id = as2Id;
            this.signingKey = key;
            this.signingChain = chain;
            return this;
        }

        /** The largest request body accepted. */
        public Builder maxMessageBytes(long value) {
            this.maxMessageBytes = value;
            return this;
        }

        /** How long a connection may stay silent while a request is read. */
        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        /** How many messages are processed at once. */
        public Builder maxConcurrentMessages(int value) {
            this.maxConcurrentMessages = value;
            return this;
        }

        /** How long one hand-on may take before it may be taken over. */
        public Builder handOnLease(Duration value) {
            this.handOnLease = value;
            return this;
        }

        /** Builds and checks the settings. */
        public As2ReceiverSettings build() {
            return new As2ReceiverSettings(bindAddress, port, path, messageIdDomain, ourAs2Id, signingKey,
                    signingChain, maxMessageBytes, readTimeout, maxConcurrentMessages, handOnLease);
        }
    }
}
