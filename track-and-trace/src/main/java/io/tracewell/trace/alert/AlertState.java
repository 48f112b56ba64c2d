package io.tracewell.trace.alert;

import java.util.Locale;
import java.util.Optional;

/** An alert is open until someone acknowledges it. */
public enum AlertState {
    OPEN,
    ACKNOWLEDGED;

    /** The lower-case word used in the database and the API. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertState> ofWord(String word) {
        for (AlertState state : values()) {
            if (state.word().equals(word)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
