package io.tracewell.epcis.query.http;

import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.query.QueryParameterException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code GS1-Extensions} request header: the prefixes a client uses for extension fields, so that
 * {@code EQ_example:lot} can name a field. The REST binding's artefacts disagree on the value's form (the OpenAPI
 * example is {@code example=http://ns.example.com/epcis/, ex2=http://other.example.com/}, a later draft writes
 * {@code "example":"http://ns.example.com/epcis/"}), so both are read, and a JSON object's braces around the
 * second form too. Each entry binds a prefix (an XML name) to an absolute IRI; entries are separated by commas.
 */
public final class Gs1ExtensionsHeader {

    public static final String NAME = "GS1-Extensions";

    private static final Pattern PREFIX = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    private static final String EXPECTED = "comma-separated prefix=IRI or \"prefix\":\"IRI\" entries, e.g."
            + " ex=https://ns.example.com/epcis/, ex2=https://other.example.com/epcis/";

    private final String text;
    private int pos;

    private Gs1ExtensionsHeader(String text) {
        this.text = text;
    }

    /**
     * The prefixes the header declares; none for an absent or blank header.
     *
     * @throws QueryParameterException naming {@code GS1-Extensions}, with the character position, when malformed
     */
    public static Namespaces parse(String header) {
        if (header == null || header.isBlank()) {
            return Namespaces.NONE;
        }
        return new Gs1ExtensionsHeader(header).entries();
    }

    private Namespaces entries() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        skipSpace();
        boolean braces = peek() == '{';
        if (braces) {
            pos++;
        }
        while (true) {
            skipSpace();
            int start = pos;
            String prefix;
            if (peek() == '"') {
                prefix = quoted("a prefix");
                skipSpace();
                if (peek() != ':' && peek() != '=') {
                    throw error("expected ':' or '=' after the prefix \"" + prefix + "\"");
                }
            } else {
                prefix = until('=', "a prefix").strip();
                if (peek() != '=') {
                    throw error("expected '=' after the prefix \"" + prefix + "\"");
                }
            }
            pos++;
            if (!PREFIX.matcher(prefix).matches()) {
                throw error(start, "\"" + prefix + "\" is not a prefix (an XML name without ':')");
            }
            skipSpace();
            int iriStart = pos;
            String iri = peek() == '"' ? quoted("an IRI") : until(',', "an IRI").strip();
            if (braces && peek() < 0 && iri.endsWith("}")) {
                iri = iri.substring(0, iri.length() - 1).strip();
            }
            if (!SCHEME.matcher(iri).matches()) {
                throw error(iriStart, "\"" + iri + "\" is not an absolute IRI for the prefix \"" + prefix + "\"");
            }
            String earlier = prefixes.put(prefix, iri);
            if (earlier != null && !earlier.equals(iri)) {
                throw error(start, "the prefix \"" + prefix + "\" is bound twice, to " + earlier + " and " + iri);
            }
            skipSpace();
            if (braces && peek() == '}') {
                pos++;
                skipSpace();
                if (peek() >= 0) {
                    throw error("unexpected text after '}'");
                }
                return new Namespaces(prefixes);
            }
            if (peek() < 0) {
                if (braces && !text.strip().endsWith("}")) {
                    throw error("expected '}' at the end");
                }
                return new Namespaces(prefixes);
            }
            if (peek() != ',') {
                throw error("expected ',' between entries");
            }
            pos++;
        }
    }

    /** A double-quoted string; {@code \"} and {@code \\} escape. */
    private String quoted(String what) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        throw error(start, what + " in quotes is not closed");
    }

    /** The text up to (not including) {@code stop} or the end. */
    private String until(char stop, String what) {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != stop) {
            pos++;
        }
        if (pos == start) {
            throw error("expected " + what);
        }
        return text.substring(start, pos);
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private QueryParameterException error(String reason) {
        return error(pos, reason);
    }

    private QueryParameterException error(int at, String reason) {
        return new QueryParameterException(NAME, "at character " + (at + 1) + " of the header: " + reason, EXPECTED);
    }
}
