package io.tracewell.epcis.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The two EPCIS 2.0 bindings: JSON-LD (§10) and XML (§9). */
public enum Format {
    JSON_LD("application/ld+json"),
    XML("application/xml");

    private final String mediaType;

    Format(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * Detects the format from the first significant character, as {@link #sniff} does. The stream must support
     * mark/reset; wrap it in a {@link BufferedInputStream} first.
     *
     * @throws EpcisFormatException when the content is neither
     */
    public static Format detect(InputStream in) throws IOException {
        return sniff(in).orElseThrow(() -> new EpcisFormatException(SourceLocation.of(1, 1),
                "the input is empty or does not start like an XML or JSON document",
                "an XML document (starting with '<') or a JSON-LD document (starting with '{')"));
    }

    /** How many bytes of leading white space detection looks through before giving up. */
    static final int DETECTION_LIMIT = 64 * 1024;

    /**
     * Tells the format from the first character that is not white space: {@code <} is XML, <code>{</code>
     * (or <code>[</code>) is JSON. A UTF-8 or UTF-16 byte order mark is skipped. The stream must support
     * {@link InputStream#mark(int)}; it is reset to where it was, so the caller reads the whole document
     * afterwards.
     *
     * @return the format, or empty when the input is empty or starts with anything else
     */
    public static Optional<Format> sniff(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("format detection needs a stream that supports mark/reset");
        }
        in.mark(DETECTION_LIMIT + 4);
        try {
            return detectAndConsume(in);
        } finally {
            in.reset();
        }
    }

    private static Optional<Format> detectAndConsume(InputStream in) throws IOException {
        int first = in.read();
        int unitSize = 1;
        boolean bigEndian = true;
        if (first == 0xEF) {
            if (in.read() != 0xBB || in.read() != 0xBF) {
                return Optional.empty();
            }
            first = in.read();
        } else if (first == 0xFE || first == 0xFF) {
            int second = in.read();
            if ((first == 0xFE && second != 0xFF) || (first == 0xFF && second != 0xFE)) {
                return Optional.empty();
            }
            unitSize = 2;
            bigEndian = first == 0xFE;
            first = readUnit(in, bigEndian);
        }
        for (int seen = 0; first != -1 && seen < DETECTION_LIMIT; seen++) {
            switch (first) {
                case ' ', '\t', '\r', '\n' -> first = unitSize == 1 ? in.read() : readUnit(in, bigEndian);
                case '<' -> {
                    return Optional.of(XML);
                }
                case '{', '[' -> {
                    // A JSON array is still JSON: the JSON validator then says it is not an object.
                    return Optional.of(JSON_LD);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static int readUnit(InputStream in, boolean bigEndian) throws IOException {
        int a = in.read();
        int b = in.read();
        if (a == -1 || b == -1) {
            return -1;
        }
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }
}
