package io.tracewell.regulatory.as2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A MIME entity (RFC 2045/2046) read from bytes exactly as received. Headers are unfolded for reading, but
 * {@link #raw()} and {@link #body()} keep every byte untouched: a signature covers the bytes on the wire, and
 * re-serialising a parsed entity would change them.
 */
final class RawMimePart {

    private final byte[] raw;
    private final int bodyStart;
    private final Map<String, String> headers;

    private RawMimePart(byte[] raw, int bodyStart, Map<String, String> headers) {
        this.raw = raw;
        this.bodyStart = bodyStart;
        this.headers = headers;
    }

    /** Reads an entity that starts with its own header lines, as a body part of a multipart does. */
    static RawMimePart parse(byte[] raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        int pos = 0;
        String current = null;
        while (pos < raw.length) {
            int lineEnd = indexOf(raw, (byte) '\n', pos);
            int next = lineEnd < 0 ? raw.length : lineEnd + 1;
            int contentEnd = lineEnd < 0 ? raw.length : lineEnd;
            if (contentEnd > pos && raw[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            String line = new String(raw, pos, contentEnd - pos, StandardCharsets.ISO_8859_1);
            pos = next;
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (current != null) {
                    headers.merge(current, " " + line.strip(), String::concat);
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("MIME header line without a name and colon: \"" + line + "\"");
            }
            current = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (headers.containsKey(current)) {
                current = null; // only the first occurrence counts; its continuation lines are skipped with it
            } else {
                headers.put(current, value);
            }
        }
        return new RawMimePart(raw, Math.min(pos, raw.length), headers);
    }

    /** Wraps a body whose headers travelled elsewhere, as an HTTP entity whose Content-Type is an HTTP header. */
    static RawMimePart ofBody(byte[] body, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        return new RawMimePart(body, 0, headers);
    }

    /** The whole entity, headers included, exactly as received. */
    byte[] raw() {
        return raw.clone();
    }

    /** The body exactly as received, still transfer-encoded. */
    byte[] body() {
        return Arrays.copyOfRange(raw, bodyStart, raw.length);
    }

    /** A header's unfolded value by case-insensitive name, or {@code null}. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The media type in lower case, {@code text/plain} when the entity has no Content-Type (RFC 2045 5.2). */
    String mediaType() {
        String contentType = header("content-type");
        if (contentType == null) {
            return "text/plain";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** A Content-Type parameter by case-insensitive name, unquoted, or {@code null}. */
    String contentTypeParameter(String name) {
        String contentType = header("content-type");
        if (contentType == null) {
            return null;
        }
        for (String parameter : splitParameters(contentType)) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase(name)) {
                return unquote(parameter.substring(equals + 1).strip());
            }
        }
        return null;
    }

    /** The body with its Content-Transfer-Encoding undone (base64, quoted-printable, or identity). */
    byte[] decodedBody() {
        String encoding = header("content-transfer-encoding");
        byte[] body = body();
        if (encoding == null) {
            return body;
        }
        switch (encoding.strip().toLowerCase(Locale.ROOT)) {
            case "base64":
                return Base64.getMimeDecoder().decode(body);
            case "quoted-printable":
                return decodeQuotedPrintable(body);
            case "7bit":
            case "8bit":
            case "binary":
                return body;
            default:
                throw new IllegalArgumentException("unknown Content-Transfer-Encoding \"" + encoding + "\"");
        }
    }

    /**
     * The body parts of a multipart entity, each exactly as it stands between its delimiters (RFC 2046 5.1.1: the
     * line break before a delimiter belongs to the delimiter).
     */
    List<RawMimePart> parts() {
        String boundary = contentTypeParameter("boundary");
        if (!mediaType().startsWith("multipart/") || boundary == null || boundary.isEmpty()) {
            throw new IllegalArgumentException("expected a multipart entity with a boundary, found Content-Type \""
                    + header("content-type") + "\"");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<RawMimePart> parts = new ArrayList<>();
        int partStart = -1;
        int search = bodyStart;
        while (true) {
            int found = findDelimiter(delimiter, search);
            if (found < 0) {
                throw new IllegalArgumentException("multipart entity ends without the closing delimiter --" + boundary
                        + "--");
            }
            int after = found + delimiter.length;
            boolean closing = after + 1 < raw.length && raw[after] == '-' && raw[after + 1] == '-';
            if (partStart >= 0) {
                int partEnd = found;
                if (partEnd > bodyStart && raw[partEnd - 1] == '\n') {
                    partEnd--;
                    if (partEnd > bodyStart && raw[partEnd - 1] == '\r') {
                        partEnd--;
                    }
                }
                parts.add(parse(Arrays.copyOfRange(raw, partStart, Math.max(partStart, partEnd))));
            }
            if (closing) {
                return parts;
            }
            int lineEnd = indexOf(raw, (byte) '\n', after);
            if (lineEnd < 0) {
                throw new IllegalArgumentException("multipart delimiter --" + boundary + " is not followed by a line");
            }
            partStart = lineEnd + 1;
            search = partStart;
        }
    }

    /** A delimiter starts a line and is followed by "--", white space or the line end (not a longer boundary). */
    private int findDelimiter(byte[] delimiter, int from) {
        for (int i = from; i <= raw.length - delimiter.length; i++) {
            if ((i == bodyStart || raw[i - 1] == '\n') && startsWith(raw, delimiter, i)) {
                int after = i + delimiter.length;
                if (after == raw.length || raw[after] == '-' || raw[after] == '\r' || raw[after] == '\n'
                        || raw[after] == ' ' || raw[after] == '\t') {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, byte[] prefix, int at) {
        for (int j = 0; j < prefix.length; j++) {
            if (data[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte value, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitParameters(String headerValue) {
        List<String> parameters = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        for (int i = 0; i < headerValue.length(); i++) {
            char c = headerValue.charAt(i);
            if (c == '"' && (i == 0 || headerValue.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                if (!first) {
                    parameters.add(current.toString());
                }
                first = false;
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!first) {
            parameters.add(current.toString());
        }
        return parameters;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    private static byte[] decodeQuotedPrintable(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b != '=') {
                out.write(b);
            } else if (i + 1 < body.length && body[i + 1] == '\n') {
                i += 1;
            } else if (i + 2 < body.length && body[i + 1] == '\r' && body[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < body.length) {
                out.write(Integer.parseInt(new String(body, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                throw new IllegalArgumentException("quoted-printable body ends inside an escape");
            }
        }
        return out.toByteArray();
    }
}
