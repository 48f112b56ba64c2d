package io.tracewell.epcis.capture.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Percent-encoding of one path segment (RFC 3986 §2.1). Event IDs, EPCs and the other URI-valued path
 * parameters of the REST binding contain {@code /}, {@code :}, {@code ?} and {@code ;}, so clients encode
 * them as a whole; the server decodes exactly once and never turns {@code +} into a space (that is form
 * encoding, not path encoding).
 */
public final class PathSegments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {}

    /** Encodes every octet of the UTF-8 form except the unreserved characters (RFC 3986 §2.3). */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes the percent-escapes of a raw path segment once.
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits, or the octets are
     *     not UTF-8; the message says where
     */
    public static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                int high = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(segment.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new IllegalArgumentException("'%' at character " + (i + 1)
                            + " of the path segment is not followed by two hexadecimal digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the decoded path segment is not UTF-8");
        }
    }
}
