package io.tracewell.epcis.bench;

import io.tracewell.epcis.format.EpcisEventWriter;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisTime;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a document of N {@link SyntheticEvents} in either binding, one event at a time through the project's
 * streaming writer: memory does not grow with N.
 */
final class DocumentGenerator {
    private DocumentGenerator() {
    }

    static DocumentHeader header() {
        return DocumentHeader.document(EpcisTime.of(Instant.parse("2024-01-01T05:00:00Z")),
                SyntheticEvents.NAMESPACES);
    }

    /** Writes the document and closes {@code out}. */
    static void write(Format format, long events, OutputStream out) {
        try (EpcisEventWriter writer = EpcisFormats.writer(format, out)) {
            writer.begin(header());
            for (long i = 0; i < events; i++) {
                writer.write(SyntheticEvents.event(i));
            }
            writer.end();
        }
    }

    /** Writes the document to a file and returns its size in bytes. */
    static long write(Format format, long events, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        write(format, events, new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        return Files.size(file);
    }
}
