package io.tracewell.epcis.store.write;

/** The database refused or failed a store operation; nothing of the operation was kept. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
