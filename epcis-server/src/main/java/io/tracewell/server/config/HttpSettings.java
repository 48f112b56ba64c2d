package io.tracewell.server.config;

/**
 * Where the HTTP server listens, the longest request URI it takes, and its TLS key store.
 *
 * @param host         interface to bind, e.g. {@code 0.0.0.0} for all
 * @param port         TCP port; {@code 0} asks for any free port, chosen at start-up
 * @param maxUriLength the longest request URI (path and query, as sent) in bytes; a longer one is answered with
 *                     {@code 414 URITooLongException}
 * @param tls          HTTPS with this key store; empty: plain HTTP (which the server warns about when it listens on
 *                     more than the loopback interface)
 */
public record HttpSettings(String host, int port, int maxUriLength, java.util.Optional<TlsSettings> tls) {

    /** What {@code epcis.http.max-uri-length} defaults to: 16 KiB, four times the usual 4 KiB of HTTP servers. */
    public static final int DEFAULT_MAX_URI_LENGTH = 16 * 1024;

    /** The smallest limit accepted: room for a resource path with a percent-encoded Digital Link and a query. */
    public static final int MIN_MAX_URI_LENGTH = 1024;

    /** The largest limit accepted: the HTTP server buffers a request line of up to this much per connection. */
    public static final int MAX_MAX_URI_LENGTH = 1024 * 1024;

    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (maxUriLength < MIN_MAX_URI_LENGTH || maxUriLength > MAX_MAX_URI_LENGTH) {
            throw new IllegalArgumentException("maxUriLength must be " + MIN_MAX_URI_LENGTH + "-" + MAX_MAX_URI_LENGTH
                    + " bytes: " + maxUriLength);
        }
        java.util.Objects.requireNonNull(tls, "tls");
    }

    /** Plain HTTP with a URI length limit. */
    public HttpSettings(String host, int port, int maxUriLength) {
        this(host, port, maxUriLength, java.util.Optional.empty());
    }

    /** The URI scheme clients use: {@code https} with TLS on. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /** Host and port with the default URI length limit. */
    public HttpSettings(String host, int port) {
        this(host, port, DEFAULT_MAX_URI_LENGTH);
    }

    /** The same settings on another port (a free port chosen for a configured {@code 0}). */
    public HttpSettings withPort(int otherPort) {
        return new HttpSettings(host, otherPort, maxUriLength, tls);
    }
}
