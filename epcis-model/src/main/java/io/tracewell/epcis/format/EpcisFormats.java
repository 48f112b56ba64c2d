package io.tracewell.epcis.format;

import io.tracewell.epcis.format.jsonld.JsonLdEventReader;
import io.tracewell.epcis.format.jsonld.JsonLdEventWriter;
import io.tracewell.epcis.format.xml.XmlEventReader;
import io.tracewell.epcis.format.xml.XmlEventWriter;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Entry point to the bindings: a reader for whatever the input is, a writer for the format asked for. */
public final class EpcisFormats {
    private EpcisFormats() {
    }

    /** A reader for the input's format, detected from its first significant character. */
    public static EpcisEventReader reader(InputStream in) {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 65536);
        try {
            return reader(Format.detect(buffered), buffered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EpcisEventReader reader(Format format, InputStream in) {
        return switch (format) {
            case JSON_LD -> new JsonLdEventReader(in);
            case XML -> new XmlEventReader(in);
        };
    }

    public static EpcisEventWriter writer(Format format, OutputStream out) {
        return switch (format) {
            case JSON_LD -> new JsonLdEventWriter(out);
            case XML -> new XmlEventWriter(out);
        };
    }

    /**
     * Streams every event from the reader to the writer: converts a document of any size in bounded memory.
     *
     * <p>The writer needs the header before the first event. A JSON-LD document may carry header members after
     * its event list; those cannot reach an output that has already been started, so rather than drop them
     * silently the copy fails once it sees them, and says which to move.
     *
     * @return the number of events copied
     * @throws EpcisFormatException when header members follow the event list
     */
    public static long copy(EpcisEventReader reader, EpcisEventWriter writer) {
        DocumentHeader header = reader.header();
        writer.begin(header);
        long n = 0;
        EpcisEvent event;
        while ((event = reader.next()) != null) {
            writer.write(event);
            n++;
        }
        DocumentHeader complete = reader.header();
        if (!complete.equals(header)) {
            throw new EpcisFormatException(SourceLocation.NONE,
                    "document members after the event list (" + String.join(", ", changedMembers(header, complete))
                            + ") cannot be streamed into the converted document",
                    "header members before epcisBody, as EPCIS documents are normally written");
        }
        writer.end();
        return n;
    }

    private static List<String> changedMembers(DocumentHeader before, DocumentHeader after) {
        List<String> names = new ArrayList<>();
        var components = DocumentHeader.class.getRecordComponents();
        for (var component : components) {
            try {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (!java.util.Objects.equals(a, b)) {
                    names.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    /** Reads a whole (small) document into memory. */
    public static EpcisDocument readDocument(InputStream in) {
        try (EpcisEventReader reader = reader(in)) {
            List<EpcisEvent> events = new ArrayList<>();
            EpcisEvent event;
            while ((event = reader.next()) != null) {
                events.add(event);
            }
            DocumentHeader header = reader.header();
            return new EpcisDocument(header, events);
        }
    }

    public static void writeDocument(EpcisDocument document, Format format, OutputStream out) {
        try (EpcisEventWriter writer = writer(format, out)) {
            writer.begin(document.header());
            for (EpcisEvent event : document.events()) {
                writer.write(event);
            }
            writer.end();
        }
    }
}
