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
     * Document-level extensions that follow the event list are carried over; other header members there are an
     * error ({@link TrailingHeader}).
     *
     * @return the number of events copied
     */
    public static long copy(EpcisEventReader reader, EpcisEventWriter writer) {
        writer.begin(reader.header());
        long n = 0;
        EpcisEvent event;
        while ((event = reader.next()) != null) {
            writer.write(event);
            n++;
        }
        writer.end(reader.header());
        return n;
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
