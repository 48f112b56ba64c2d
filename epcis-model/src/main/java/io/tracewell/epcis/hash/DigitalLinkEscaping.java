package io.tracewell.epcis.hash;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How characters of a GS1 AI value are percent-encoded in a Digital Link path segment. GS1 AI values may hold
 * {@code ! " % & ' ( ) * + , / : ; < = > ?} (AI encodable character set 82); which of them are written literally
 * is not fixed by the Digital Link standard, and the two reference outputs differ. Values are always decoded
 * first, so {@code %21} and {@code !} in the input give the same result.
 */
enum DigitalLinkEscaping {

    /**
     * Only the characters of the Tag Data Standard's escape table are encoded ({@code " # % & / < > ?}); the rest
     * of set 82 ({@code ! ' ( ) * + , - . : ; = _}) is legal in a path segment and written as is. This is what the
     * identifier package writes (docs/identifiers.md) and what the 2026 reference output shows.
     */
    TDS_ESCAPES_ONLY("-._~!'()*+,:;="),

    /** Letters, digits and {@code - . _ ~ '} literal: also encodes {@code ! ( ) *}. The reference until 2025. */
    STRICT("-._~'");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final boolean[] literal = new boolean[128];

    DigitalLinkEscaping(String literalMarks) {
        for (char c = '0'; c <= '9'; c++) {
            literal[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            literal[c] = true;
            literal[c + ('a' - 'A')] = true;
        }
        for (char c : literalMarks.toCharArray()) {
            literal[c] = true;
        }
    }

    /**
     * Re-encodes the values of a canonical Digital Link ({@code https://id.gs1.org/AI/value/AI/value}) in this
     * style: each path segment is decoded, then encoded again.
     */
    String reencodePath(String link) {
        int path = link.indexOf('/', "https://".length());
        StringBuilder sb = new StringBuilder(link.length() + 8).append(link, 0, path);
        for (String segment : link.substring(path + 1).split("/", -1)) {
            String decoded = percentDecode(segment);
            sb.append('/').append(decoded == null ? segment : encode(decoded));
        }
        return sb.toString();
    }

    /** Percent-encodes a decoded AI value for use as one path segment (upper-case hex, UTF-8). */
    String encode(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128 && literal[c]) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(value.length() + 8);
                sb.append(value, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
            for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return sb == null ? value : sb.toString();
    }

    /** Decodes {@code %XX} escapes (UTF-8); {@code null} for a malformed escape. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                out.write(raw[i]);
                continue;
            }
            int hi = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (hi < 0 || lo < 0) {
                return null;
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
