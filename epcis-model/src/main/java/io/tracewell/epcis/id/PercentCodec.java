package io.tracewell.epcis.id;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of AI values inside EPC URIs and GS1 Digital Link URIs.
 *
 * <p>Both syntaxes escape the same characters: {@code " % & / < > ?} (TDS 2.x, Table "Characters permitted in
 * alphanumeric serial numbers": these must be written as %22 %25 %26 %2F %3C %3E %3F) and {@code #} (%23, only in the
 * CPI part reference, set 39). All other characters of set 82 are legal as-is in an RFC 3986 path segment and in the
 * EPC URN grammar, so they are written literally. On input any %XX escape is decoded; the canonical rendering is
 * always this minimal one with upper-case hex.
 */
final class PercentCodec {

    private static final String ESCAPED = "\"#%&/<>?";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCodec() {
    }

    static String escape(String raw) {
        int i = 0;
        int n = raw.length();
        while (i < n && ESCAPED.indexOf(raw.charAt(i)) < 0) {
            i++;
        }
        if (i == n) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(n + 8).append(raw, 0, i);
        for (; i < n; i++) {
            char c = raw.charAt(i);
            if (ESCAPED.indexOf(c) >= 0) {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Decodes {@code s[from, to)} of an EPC URI component. Characters that TDS requires to be escaped are rejected when
     * they appear raw, so that no ambiguous URN is accepted.
     */
    static String decodeUrn(String s, int from, int to, Loc loc) {
        return decode(s, from, to, loc, true);
    }

    /** Decodes {@code s[from, to)} of a Digital Link path segment or query value. */
    static String decodeUri(String s, int from, int to, Loc loc) {
        return decode(s, from, to, loc, false);
    }

    private static String decode(String s, int from, int to, Loc loc, boolean urn) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%' || !allowedRaw(c, urn)) {
                break;
            }
            i++;
        }
        if (i == to) {
            return s.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from).append(s, from, i);
        byte[] pending = null;
        int pendingLength = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    throw loc.error("malformed percent-encoding '" + s.substring(i, to) + "'", i - from);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw loc.error("malformed percent-encoding '" + s.substring(i, i + 3) + "'", i - from);
                }
                int b = hi << 4 | lo;
                if (b < 0x80) {
                    if (pendingLength > 0) {
                        sb.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
                        pendingLength = 0;
                    }
                    sb.append((char) b);
                } else {
                    if (pending == null) {
                        pending = new byte[to - from];
                    }
                    pending[pendingLength++] = (byte) b;
                }
                i += 2;
            } else {
                if (pendingLength > 0) {
                    sb.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
                    pendingLength = 0;
                }
                if (!allowedRaw(c, urn)) {
                    boolean escapable = ESCAPED.indexOf(c) >= 0 || !urn && c > 0x20 && c < 0x7f;
                    throw loc.error("character " + AiValidator.show(c) + (escapable
                            ? " must be written " + String.format("%%%02X", (int) c) + " in " + (urn ? "an EPC URI"
                                    : "a URI")
                            : " not allowed in " + (urn ? "an EPC URI" : "a URI")), i - from);
                }
                sb.append(c);
            }
        }
        if (pendingLength > 0) {
            sb.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /**
     * Characters allowed unescaped. EPC URI: set 82 without {@code " % & / < > ?}. URI path/query: RFC 3986 unreserved,
     * sub-delims, ':' and '@' (characters outside set 82 are reported later by the AI check, with their AI named).
     */
    private static boolean allowedRaw(char c, boolean urn) {
        if (urn) {
            return CharacterSet.CSET82.allows(c) && ESCAPED.indexOf(c) < 0;
        }
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    /** Index in the raw (escaped) text {@code s} starting at {@code from} of the character decoded at {@code index}. */
    static int rawIndex(String s, int from, int index) {
        int raw = from;
        for (int decoded = 0; decoded < index && raw < s.length(); decoded++) {
            raw += s.charAt(raw) == '%' ? 3 : 1;
        }
        return raw - from;
    }
}
