package io.tracewell.epcis.format.jsonld;

import java.util.List;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.format.TrailingHeader;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.tracewell.epcis.format.EpcisEventWriter;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.Namespaces;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes an EPCIS 2.0 JSON-LD {@code EPCISDocument} or {@code EPCISQueryDocument} (EPCIS 2.0 §10) one event at a
 * time with Jackson's streaming generator; nothing is buffered beyond the event being written.
 *
 * <p>The {@code @context} is the standard context URL, the header's other context URLs, and one object with the
 * header's prefix declarations (plus any the header's own extensions need). An event whose extensions use a
 * namespace the document does not declare carries an {@code @context} of its own with that prefix.
 */
public final class JsonLdEventWriter implements EpcisEventWriter {
    private enum State { NEW, WRITING, ENDED }

    private final JsonGenerator generator;
    private State state = State.NEW;
    private DocumentHeader header;
    private WritePrefixes prefixes;

    /**
     * Compact output (no white space); {@link #close()} closes {@code out}. A writer closed before {@link #end()}
     * leaves the document unfinished on purpose, so that a cut-off document is not taken for a complete one.
     */
    public JsonLdEventWriter(OutputStream out) {
        this(out, false);
    }

    /** With {@code prettyPrint}, output is indented for people to read. */
    public JsonLdEventWriter(OutputStream out, boolean prettyPrint) {
        this.generator = generator(Objects.requireNonNull(out, "out"), prettyPrint);
    }

    /**
     * Writes one standalone event with its own {@code @context} (the standard URL and the given prefix
     * declarations, plus any the event needs), compact, as the capture interface's {@code POST /events} takes it.
     * Flushes but does not close {@code out}.
     */
    public static void writeEvent(EpcisEvent event, Namespaces namespaces, OutputStream out) {
        writeEvent(event, namespaces, out, false);
    }

    /** As {@link #writeEvent(EpcisEvent, Namespaces, OutputStream)}, optionally indented. */
    public static void writeEvent(EpcisEvent event, Namespaces namespaces, OutputStream out, boolean prettyPrint) {
        Objects.requireNonNull(event, "event");
        JsonGenerator g = generator(out, prettyPrint);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (g) {
            EventWriter.write(g, event, WritePrefixes.document(namespaces == null ? Namespaces.NONE : namespaces),
                    true);
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Format format() {
        return Format.JSON_LD;
    }

    @Override
    public void begin(DocumentHeader header) {
        Objects.requireNonNull(header, "header");
        if (state != State.NEW) {
            throw new IllegalStateException("begin() was already called");
        }
        this.header = header;
        this.prefixes = HeaderWriter.prefixes(header);
        try {
            HeaderWriter.begin(generator, header, prefixes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state = State.WRITING;
    }

    @Override
    public void write(EpcisEvent event) {
        Objects.requireNonNull(event, "event");
        if (state != State.WRITING) {
            throw new IllegalStateException(state == State.NEW ? "begin() first" : "end() was already called");
        }
        try {
            EventWriter.write(generator, event, prefixes, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end() {
        end(header);
    }

    @Override
    public void end(DocumentHeader complete) {
        if (state != State.WRITING) {
            throw new IllegalStateException(state == State.NEW ? "begin() first" : "end() was already called");
        }
        List<ExtensionElement> late = TrailingHeader.lateExtensions(header, complete);
        try {
            HeaderWriter.end(generator, header, late, prefixes);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state = State.ENDED;
    }

    @Override
    public void close() {
        try {
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonGenerator generator(OutputStream out, boolean prettyPrint) {
        try {
            JsonGenerator g = JsonTrees.FACTORY.createGenerator(out);
            // A document closed before end() stays unfinished: closing its arrays would make a cut-off
            // document look complete.
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            if (prettyPrint) {
                DefaultIndenter indent = new DefaultIndenter("  ", "\n");
                g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                        .withObjectIndenter(indent).withArrayIndenter(indent));
            }
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
