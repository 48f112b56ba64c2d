package io.tracewell.epcis.store.write;

/**
 * A value of an event is longer than the store keeps in its indexed column. Thrown before anything is
 * written; the capture interface reports it as a validation error at {@link #location()}.
 */
public final class StoreLimitException extends IllegalArgumentException {

    private final String location;

    public StoreLimitException(String location, int length, int limit) {
        super(location + ": " + length + " characters, the store keeps at most " + limit);
        this.location = location;
    }

    /** Where in the stored batch: {@code events[2].epcList[0]}, {@code events[0].errorDeclaration.reason}. */
    public String location() {
        return location;
    }
}
