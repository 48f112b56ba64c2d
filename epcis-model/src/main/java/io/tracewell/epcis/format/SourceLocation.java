package io.tracewell.epcis.format;

/**
 * Where in a document something was found, as the readers and the validator report it: a line and column of the
 * text (both 1-based; 0 when unknown) and, for JSON, the JSON pointer (RFC 6901) of the value. {@link #NONE} is the
 * document as a whole (empty input, an unreadable stream).
 *
 * <p>Renders as {@code line 12, column 7} for a position in the text, {@code /epcisBody/eventList/0/action} for a
 * pointer (followed by {@code (line 4, column 12)} when the position is known too), {@code (document root)} for the
 * empty pointer and {@code (document)} for {@link #NONE}.
 */
public record SourceLocation(int line, int column, String pointer) {
    public static final SourceLocation NONE = new SourceLocation(0, 0, null);

    public SourceLocation {
        // RFC 6901 section 3: a JSON pointer is empty (the whole value) or a sequence of "/"-prefixed tokens.
        if (pointer != null && !pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer is empty or starts with '/': " + pointer);
        }
    }

    public static SourceLocation of(int line, int column) {
        return new SourceLocation(line, column, null);
    }

    public static SourceLocation of(int line, int column, String pointer) {
        return new SourceLocation(line, column, pointer);
    }

    public boolean isKnown() {
        return line > 0 || pointer != null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (pointer != null) {
            // "/" would be a different pointer (the member named ""), so the root gets words of its own.
            sb.append(pointer.isEmpty() ? "(document root)" : pointer);
        }
        if (line > 0) {
            if (sb.length() > 0) {
                sb.append(" (");
            }
            sb.append("line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
            if (pointer != null) {
                sb.append(')');
            }
        }
        return sb.length() == 0 ? "(document)" : sb.toString();
    }
}
