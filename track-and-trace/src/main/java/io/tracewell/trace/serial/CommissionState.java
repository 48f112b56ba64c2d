package io.tracewell.trace.serial;

import java.util.Locale;

/** Where the commissioning of a request's serials stands. */
public enum CommissionState {
    /** Serials issued, events not captured yet. */
    PENDING,
    /** Every commissioning event captured (or found stored already). */
    CAPTURED,
    /** Capturing failed; the serials stay issued and are not commissioned. */
    FAILED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CommissionState ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
