package io.tracewell.epcis.validation;

import java.util.Objects;

/**
 * Where in a document a {@link Violation} was found: a line and column of the text (XML, or JSON that
 * could not be parsed), a JSON pointer into a parsed JSON document, or the document as a whole.
 */
public sealed interface Location permits Location.LineColumn, Location.JsonPointer, Location.WholeDocument {

    /** A position in the text, both counted from 1; renders as {@code line 12, column 7}. */
    record LineColumn(int line, int column) implements Location {
        public LineColumn {
            if (line < 1 || column < 1) {
                throw new IllegalArgumentException("line and column count from 1: " + line + ", " + column);
            }
        }

        @Override
        public String toString() {
            return "line " + line + ", column " + column;
        }
    }

    /**
     * An RFC 6901 JSON pointer such as {@code /epcisBody/eventList/0/action}; the empty pointer is the
     * document root and renders as {@code (document root)}.
     */
    record JsonPointer(String pointer) implements Location {
        public static final JsonPointer ROOT = new JsonPointer("");

        public JsonPointer {
            Objects.requireNonNull(pointer, "pointer");
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new IllegalArgumentException("a JSON pointer is empty or starts with '/': " + pointer);
            }
        }

        /** The pointer to member {@code name} of the object this pointer points at. */
        public JsonPointer child(String name) {
            return new JsonPointer(pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
        }

        /** The pointer to item {@code index} of the array this pointer points at. */
        public JsonPointer child(int index) {
            return new JsonPointer(pointer + "/" + index);
        }

        /** This pointer followed by {@code relative}, itself a JSON pointer. */
        public JsonPointer append(String relative) {
            return new JsonPointer(pointer + new JsonPointer(relative).pointer);
        }

        @Override
        public String toString() {
            return pointer.isEmpty() ? "(document root)" : pointer;
        }
    }

    /** No particular place: the input as a whole (empty input, an unreadable stream). */
    record WholeDocument() implements Location {
        @Override
        public String toString() {
            return "(document)";
        }
    }

    /**
     * A line and column as a parser reports them. Parsers report 0 or -1 for what they do not know; that
     * becomes 1, the start of the line or of the document.
     */
    static Location lineColumn(int line, int column) {
        return new LineColumn(Math.max(1, line), Math.max(1, column));
    }

    /** The document as a whole. */
    static Location wholeDocument() {
        return new WholeDocument();
    }
}
