package io.tracewell.epcis.store.embedded;

/** The embedded MariaDB could not be prepared, started or reached; the message says which step and why. */
public final class EmbeddedDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedDatabaseException(String message) {
        super(message);
    }

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
