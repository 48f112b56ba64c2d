package io.tracewell.epcis.hash;

import java.nio.charset.StandardCharsets;

/**
 * How characters of a GS1 AI value are percent-encoded in a Digital Link path segment. GS1 AI values may hold
 * {@code ! " % & ' ( ) * + , / : ; < = > ?} (AI encodable character set 82); which of them are written literally
 * is not fixed by the Digital Link standard, and the two reference outputs differ. Values are always decoded
 * first, so {@code %21} and {@code !} in the input give the same result.
 */
enum DigitalLinkEscaping {

    /**
     * Letters, digits and {@code - . _ ~ ! ' ( ) *} literal, everything else encoded (the set ECMAScript's
     * {@code encodeURIComponent} leaves alone). The reference implementation since 2026.
     */
    ENCODE_URI_COMPONENT("-._~!'()*"),

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
}
