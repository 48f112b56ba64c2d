package io.tracewell.epcis.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The two bindings of an EPCIS 2.0 document: XML (section 9) and JSON/JSON-LD (section 10). */
public enum DocumentFormat {
    XML,
    JSON;

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
    public static Optional<DocumentFormat> detect(InputStream in) throws IOException {
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

    private static Optional<DocumentFormat> detectAndConsume(InputStream in) throws IOException {
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
                    return Optional.of(JSON);
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
