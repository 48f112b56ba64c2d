package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates EPCIS 2.0 documents, XML or JSON/JSON-LD, against the project's own schemas and the rules of
 * the standard that schemas cannot express, and reports every violation with where it is and what was
 * expected.
 *
 * <p>Accepted: in XML an {@code EPCISDocument}, {@code EPCISQueryDocument} or
 * {@code EPCISMasterDataDocument} of EPCIS 2.0; in JSON an {@code EPCISDocument}, an
 * {@code EPCISQueryDocument} or a single event that carries its own {@code @context}.
 *
 * <p>Both formats are read as a stream: memory does not grow with the number of events (JSON keeps one
 * event at a time plus the document's other fields). XML is parsed with DTDs refused and nothing fetched
 * (no external entity, DTD or schema). Schemas are compiled once per JVM; an instance holds no state
 * between calls and may be shared by any number of threads.
 *
 * <p>The stream is read to the end of the document (or of the first syntax error) and is not closed.
 */
public final class DocumentValidator {

    /** How many violations a report holds at most by default; the run stops there. */
    public static final int DEFAULT_MAX_VIOLATIONS = 1000;

    private static final DocumentValidator SHARED = new DocumentValidator(DEFAULT_MAX_VIOLATIONS);

    private final int maxViolations;

    private DocumentValidator(int maxViolations) {
        if (maxViolations < 1) {
            throw new IllegalArgumentException("maxViolations must be positive: " + maxViolations);
        }
        this.maxViolations = maxViolations;
    }

    /** A validator with the default violation limit. */
    public static DocumentValidator create() {
        return SHARED;
    }

    /** A validator that stops after {@code maxViolations} violations (and says so in a last violation). */
    public static DocumentValidator withMaxViolations(int maxViolations) {
        return new DocumentValidator(maxViolations);
    }

    /**
     * Compiles the XML and JSON schemas now rather than on the first document, e.g. at server start-up.
     */
    public static void warmUp() {
        XmlSchemas.epcis2();
        JsonSchemas.epcis2();
    }

    /** Validates a document whose format is told by its first character that is not white space. */
    public List<Violation> validate(InputStream in) {
        Objects.requireNonNull(in, "in");
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        Optional<Format> format;
        try {
            format = Format.sniff(buffered);
        } catch (IOException e) {
            return List.of(new Violation(SourceLocation.NONE,
                    "the document could not be read: " + e.getMessage(), "a readable document"));
        }
        if (format.isEmpty()) {
            return List.of(new Violation(Locations.lineColumn(1, 1),
                    "neither XML nor JSON: the document is empty or starts with something other than '<' or '{'",
                    "an EPCIS 2.0 document in XML (starting with '<') or JSON (starting with '{')"));
        }
        return validate(buffered, format.get());
    }

    /** Validates a document in the given format. */
    public List<Violation> validate(InputStream in, Format format) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        ViolationCollector out = new ViolationCollector(maxViolations);
        // Parsers close their input when done; the caller owns the stream and decides.
        InputStream unclosable = new FilterInputStream(in) {
            @Override
            public void close() {
                // left open for the caller
            }
        };
        try {
            switch (format) {
                case XML -> new XmlDocumentValidator(XmlSchemas.epcis2()).validate(unclosable, out);
                case JSON_LD -> new JsonDocumentValidator(JsonSchemas.epcis2()).validate(unclosable, out);
            }
        } catch (ViolationCollector.LimitReached e) {
            // The collector records that the report is cut short.
        }
        if (format == Format.XML) {
            out.sortByPosition();
        }
        return out.result();
    }
}
