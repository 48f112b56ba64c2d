package io.tracewell.epcis.model;

/** The action of an event relative to its objects (EPCIS 2.0 §7.3.2). */
public enum Action {
    ADD, OBSERVE, DELETE;

    /** Parses the exact upper-case word the standard uses; anything else is an error the caller reports. */
    public static Action parse(String value) {
        for (Action a : values()) {
            if (a.name().equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("action must be one of ADD, OBSERVE, DELETE, found '" + value + "'");
    }
}
