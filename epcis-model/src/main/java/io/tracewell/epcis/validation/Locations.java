package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.SourceLocation;

/**
 * Builds the {@link SourceLocation}s the validators report: positions as parsers give them, and JSON pointers
 * (RFC 6901) walked down from the document root.
 */
final class Locations {

    /** The empty JSON pointer: the document root. */
    static final SourceLocation ROOT = SourceLocation.of(0, 0, "");

    private Locations() {
    }

    /**
     * A line and column as a parser reports them. Parsers report 0 or -1 for what they do not know; that
     * becomes 1, the start of the line or of the document.
     */
    static SourceLocation lineColumn(int line, int column) {
        return SourceLocation.of(Math.max(1, line), Math.max(1, column));
    }

    /** The pointer to member {@code name} of the object {@code at} points at; RFC 6901 section 3 escapes. */
    static SourceLocation child(SourceLocation at, String name) {
        return pointer(pointerOf(at) + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    /** The pointer to item {@code index} of the array {@code at} points at. */
    static SourceLocation child(SourceLocation at, int index) {
        return pointer(pointerOf(at) + "/" + index);
    }

    /** {@code at} followed by {@code relative}, itself a JSON pointer. */
    static SourceLocation append(SourceLocation at, String relative) {
        return pointer(pointerOf(at) + pointerOf(pointer(relative)));
    }

    private static SourceLocation pointer(String pointer) {
        return SourceLocation.of(0, 0, pointer);
    }

    private static String pointerOf(SourceLocation at) {
        if (at.pointer() == null) {
            throw new IllegalArgumentException("not a JSON pointer: " + at);
        }
        return at.pointer();
    }
}
