package io.tracewell.trace.verify;

/** A pack's current status as its event history tells it (docs/verification.md, "Status"). */
public enum Status {
    ACTIVE("active"),
    IN_TRANSIT("in_transit"),
    DISPENSED("dispensed"),
    RECALLED("recalled"),
    DESTROYED("destroyed"),
    EXPIRED("expired"),
    STOLEN("stolen"),
    /** The repository holds no event for the pack. */
    UNKNOWN("unknown");

    private final String word;

    Status(String word) {
        this.word = word;
    }

    /** The word of the JSON answer. */
    public String word() {
        return word;
    }

    /** The words a person reads on the page. */
    public String label() {
        return word.replace('_', ' ');
    }
}
