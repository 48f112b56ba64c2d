package io.tracewell.epcis.id;

/**
 * Where a value sits inside the string being parsed, so that validation errors can name a position.
 * {@link #NONE} is used when a value is constructed directly (no surrounding text).
 */
record Loc(String input, int offset) {

    static final Loc NONE = new Loc(null, -1);

    static Loc in(String input, int offset) {
        return new Loc(input, offset);
    }

    boolean known() {
        return offset >= 0;
    }

    /** An error located {@code index} characters after this location (ignored when the location is unknown). */
    IdentifierException error(String detail, int index) {
        return known() ? new IdentifierException(detail, input, offset + index)
                : IdentifierException.inValue(detail, index);
    }

    /** An error located at this location itself. */
    IdentifierException error(String detail) {
        return error(detail, 0);
    }
}
