package io.tracewell.epcis.format;

/**
 * Where in the input something was found: a line and column (both 1-based; 0 when unknown) and, for JSON, the
 * JSON pointer (RFC 6901) of the value.
 */
public record SourceLocation(int line, int column, String pointer) {
    public static final SourceLocation NONE = new SourceLocation(0, 0, null);

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
            sb.append(pointer.isEmpty() ? "/" : pointer);
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
        return sb.length() == 0 ? "unknown location" : sb.toString();
    }
}
