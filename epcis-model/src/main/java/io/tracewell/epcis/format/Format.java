package io.tracewell.epcis.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

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
     * Detects the format from the first significant character ({@code <} for XML, {@code {} for JSON), skipping
     * white space and a UTF-8 byte order mark. The stream must support mark/reset; wrap it in a
     * {@link BufferedInputStream} first.
     *
     * @throws EpcisFormatException when the content is neither
     */
    public static Format detect(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("detect needs a stream that supports mark/reset");
        }
        in.mark(4096);
        try {
            int line = 1;
            int column = 0;
            for (int i = 0; i < 4096; i++) {
                int b = in.read();
                column++;
                if (b < 0) {
                    throw new EpcisFormatException(SourceLocation.NONE,
                            "the input is empty", "an EPCIS document in XML or JSON-LD");
                }
                if (b == '\n') {
                    line++;
                    column = 0;
                    continue;
                }
                if (b == ' ' || b == '\t' || b == '\r' || b == 0xEF || b == 0xBB || b == 0xBF) {
                    continue;
                }
                if (b == '<') {
                    return XML;
                }
                if (b == '{' || b == '[') {
                    return JSON_LD;
                }
                throw new EpcisFormatException(SourceLocation.of(line, column),
                        "the input starts with '" + (char) b + "'",
                        "an XML document (starting with '<') or a JSON-LD document (starting with '{')");
            }
            throw new EpcisFormatException(SourceLocation.NONE, "no content in the first 4096 bytes",
                    "an EPCIS document in XML or JSON-LD");
        } finally {
            in.reset();
        }
    }
}
