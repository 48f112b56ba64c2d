package io.tracewell.server.config;

/** A configuration value is missing or malformed; the message says which key, where it was set and what was expected. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
