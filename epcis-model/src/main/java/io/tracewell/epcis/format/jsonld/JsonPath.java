package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;

/**
 * The position of a value in the document as a chain of member names and array indexes; rendered as a JSON
 * pointer (RFC 6901) only when an error needs it, so that mapping a million events builds no strings.
 */
final class JsonPath {
    static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    private final String name;
    private final int index;

    private JsonPath(JsonPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    JsonPath child(String member) {
        return new JsonPath(this, member, -1);
    }

    JsonPath child(int arrayIndex) {
        return new JsonPath(this, null, arrayIndex);
    }

    /** An error at this path, located at the line and column where {@code at} starts. */
    EpcisFormatException error(JsonValue at, String problem, String expected) {
        return new EpcisFormatException(location(at), problem, expected);
    }

    SourceLocation location(JsonValue at) {
        return at == null
                ? SourceLocation.of(0, 0, toString())
                : SourceLocation.of(at.line(), at.column(), toString());
    }

    /** The RFC 6901 pointer: {@code ~} and {@code /} in names are escaped as {@code ~0} and {@code ~1}. */
    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    private void append(StringBuilder sb) {
        if (parent == null) {
            return;
        }
        parent.append(sb);
        sb.append('/');
        if (name == null) {
            sb.append(index);
        } else {
            sb.append(name.replace("~", "~0").replace("/", "~1"));
        }
    }
}
