package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.SourceLocation;
import java.util.Objects;

/**
 * One way in which a document breaks the EPCIS 2.0 standard: where, what is wrong, and what the
 * standard expected there instead.
 *
 * @param location where the problem is
 * @param message  what is wrong, in one sentence, e.g. {@code missing required field 'action'}
 * @param expected what would have been valid, citing the standard's section where a rule comes from
 */
public record Violation(SourceLocation location, String message, String expected) {

    public Violation {
        Objects.requireNonNull(location, "location");
        requireText(message, "message");
        requireText(expected, "expected");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }

    /** Renders as {@code line 12, column 7: <message> (expected: <expected>)}. */
    @Override
    public String toString() {
        return location + ": " + message + " (expected: " + expected + ")";
    }
}
