package io.tracewell.epcis.id;

import java.util.OptionalInt;

/**
 * A GS1 identifier, element string or Digital Link URI is malformed.
 *
 * <p>The message says what is wrong and, when the input was a string, where: positions are 0-based character indexes
 * into the string handed to the parse method ({@link #input()}).
 */
public final class IdentifierException extends IllegalArgumentException {

    private final String detail;
    private final String input;
    private final int position;
    /** Index inside the validated value when the surrounding input was not known; -1 otherwise. */
    private final int relative;

    public IdentifierException(String detail) {
        this(detail, null, -1);
    }

    public IdentifierException(String detail, String input, int position) {
        this(detail, input, position, -1);
    }

    private IdentifierException(String detail, String input, int position, int relative) {
        super(position >= 0 ? detail + " at position " + position : detail);
        this.detail = detail;
        this.input = input;
        this.position = position;
        this.relative = relative;
    }

    /** An error found at {@code index} inside a value validated on its own (no surrounding input). */
    static IdentifierException inValue(String detail, int index) {
        return new IdentifierException(detail, null, -1, index);
    }

    /**
     * The same error placed inside a larger input, the value having started at {@code offset}. Errors that already
     * carry a position keep it.
     */
    IdentifierException relocate(String newInput, int offset) {
        if (position >= 0) {
            return this;
        }
        return new IdentifierException(detail, newInput, Math.max(offset + Math.max(relative, 0), 0));
    }

    /** Index inside the validated value for errors raised without surrounding input; -1 if none. */
    int relativeIndex() {
        return relative;
    }

    /** The message without the position suffix. */
    public String detail() {
        return detail;
    }

    /** The string that was being parsed, when known. */
    public String input() {
        return input;
    }

    /** 0-based index into {@link #input()} where the problem was found, when known. */
    public OptionalInt position() {
        return position >= 0 ? OptionalInt.of(position) : OptionalInt.empty();
    }
}
