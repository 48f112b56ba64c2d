package io.tracewell.epcis.format;

import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisEvent;

/**
 * Reads an EPCIS document one event at a time, so that a document of any size is read in bounded memory.
 *
 * <pre>{@code
 * try (EpcisEventReader reader = EpcisFormats.reader(in)) {
 *     DocumentHeader header = reader.header();
 *     EpcisEvent event;
 *     while ((event = reader.next()) != null) { ... }
 * }
 * }</pre>
 *
 * <p>Errors are {@link EpcisFormatException}s that say where and what was expected.
 */
public interface EpcisEventReader extends AutoCloseable {

    Format format();

    /**
     * The document header: everything that precedes the event list. In JSON-LD, members that follow the event
     * list are only known after the last event; {@link #header()} called again after {@link #next()} returned
     * {@code null} includes them.
     */
    DocumentHeader header();

    /** The next event, or {@code null} at the end of the event list. */
    EpcisEvent next();

    /**
     * Passes over the next event without reading it into the model: an event known to be invalid (a capture
     * with {@code proceed} skips those that failed validation) is not parsed, and the reader stays usable.
     *
     * @return false at the end of the event list (nothing was skipped)
     */
    boolean skip();

    /**
     * Whether reading can go on after an {@link EpcisFormatException} from {@link #next()} or {@link #skip()}: true
     * until an error leaves the reader unable to find the next event (malformed JSON, a document structure that is
     * wrong, an XML event that failed half-way); from then on every call fails with that error. An error within one
     * JSON-LD event (a field of the wrong type, a missing member) leaves the reader able to go on to the next event.
     */
    boolean canContinue();

    /** The location of the event most recently returned by {@link #next()} or passed by {@link #skip()}. */
    SourceLocation lastEventLocation();

    @Override
    void close();
}
