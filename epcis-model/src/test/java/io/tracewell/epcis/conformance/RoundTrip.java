package io.tracewell.epcis.conformance;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisEventWriter;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Converts a document into the other binding and back with the project's streaming readers and writers, and
 * compares the result with the original using the comparator of the original's binding.
 *
 * @param original     the document as read from disk
 * @param intermediate the document in the other binding
 * @param back         the intermediate converted back into the original binding
 * @param differences  the differences between original and back (the first {@link #SHOWN}), empty when none
 */
record RoundTrip(Format format, byte[] original, byte[] intermediate, byte[] back,
                 List<Difference> differences) {

    /** How many differences a report lists at most. */
    static final int SHOWN = 25;

    static RoundTrip of(Format format, byte[] original) {
        Format other = format == Format.XML ? Format.JSON_LD : Format.XML;
        byte[] intermediate = convert(original, format, other);
        byte[] back = convert(intermediate, other, format);
        List<Difference> differences = format == Format.XML
                ? new XmlSemanticComparator().differences(original, back, SHOWN)
                : new JsonSemanticComparator().differences(original, back, SHOWN);
        return new RoundTrip(format, original, intermediate, back, differences);
    }

    /** Streams every event from a reader of one binding into a writer of the other. */
    static byte[] convert(byte[] document, Format from, Format to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.length * 2);
        try (EpcisEventReader reader = EpcisFormats.reader(from, new ByteArrayInputStream(document));
             EpcisEventWriter writer = EpcisFormats.writer(to, out)) {
            EpcisFormats.copy(reader, writer);
        }
        return out.toByteArray();
    }

    /** The differences with both conversions attached, for a failure message that shows what happened. */
    String report() {
        if (differences.isEmpty()) {
            return "same";
        }
        StringBuilder sb = new StringBuilder();
        differences.forEach(d -> sb.append(d).append('\n'));
        return sb.append("--- ").append(format == Format.XML ? "JSON-LD" : "XML").append(" in between:\n")
                .append(new String(intermediate, StandardCharsets.UTF_8)).append("\n--- back:\n")
                .append(new String(back, StandardCharsets.UTF_8)).toString();
    }
}
