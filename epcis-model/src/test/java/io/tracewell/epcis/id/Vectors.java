package io.tracewell.epcis.id;

/**
 * Normalisations of third-party vector spellings (test side only; see docs/identifiers.md, "Conformance vectors").
 */
final class Vectors {

    private static final String HEX = "0123456789ABCDEFabcdef";

    private Vectors() {
    }

    /**
     * The RalphTro vectors (2025 snapshot) percent-encode RFC 3986 sub-delimiters such as {@code ! ( ) *} inside
     * Digital Link values; we write them literally, as the 2026 version of that tool does. Only those escapes are
     * undone.
     */
    static String withoutSubDelimEscapes(String dl) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dl.length(); i++) {
            char c = dl.charAt(i);
            if (c == '%' && i + 2 < dl.length() + 0 && i + 2 <= dl.length() - 1) {
                String hex = dl.substring(i + 1, i + 3).toUpperCase();
                char decoded = (char) Integer.parseInt(hex, 16);
                if ("!'()*+,:;=".indexOf(decoded) >= 0) {
                    sb.append(decoded);
                    i += 2;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Decodes %XX where XX are two hex digits and leaves any other '%' as it is (openepcis writes raw '%'). */
    static String decodeLenient(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && isEscape(s, i)) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** openepcis writes characters that TDS requires escaped raw in EPC URIs; escape them after the scheme name. */
    static String escapeRawUrn(String urn) {
        int p = 0;
        for (int c = 0; c < 4; c++) {
            p = urn.indexOf(':', p) + 1;
        }
        StringBuilder sb = new StringBuilder(urn.substring(0, p));
        for (int i = p; i < urn.length(); i++) {
            char c = urn.charAt(i);
            if (c == '%' && isEscape(urn, i)) {
                sb.append(c);
            } else if ("\"%&/<>?#".indexOf(c) >= 0) {
                sb.append(String.format("%%%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * openepcis writes characters that are not valid in a URI raw inside Digital Link values; escape those that
     * cannot be structural ('/', '?' and '#' are left alone: vectors with them raw in a value are excluded).
     */
    static String escapeRawUri(String uri) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && !isEscape(uri, i) || "\"<>\\^`{|} ".indexOf(c) >= 0) {
                sb.append(String.format("%%%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The company prefix length of an EPC URI: digits before the first '.' of the body. */
    static int gcpLengthOf(String urn) {
        int p = 0;
        for (int c = 0; c < 4; c++) {
            p = urn.indexOf(':', p) + 1;
        }
        return urn.indexOf('.', p) - p;
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && HEX.indexOf(s.charAt(i + 1)) >= 0 && HEX.indexOf(s.charAt(i + 2)) >= 0;
    }
}
