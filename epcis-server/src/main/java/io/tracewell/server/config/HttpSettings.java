package io.tracewell.server.config;

/**
 * Where the HTTP server listens.
 *
 * @param host interface to bind, e.g. {@code 0.0.0.0} for all
 * @param port TCP port; {@code 0} asks for any free port, chosen at start-up
 */
public record HttpSettings(String host, int port) {

    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
    }
}
