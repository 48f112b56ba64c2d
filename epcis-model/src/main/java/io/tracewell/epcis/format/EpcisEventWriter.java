package io.tracewell.epcis.format;

import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisEvent;

/**
 * Writes an EPCIS document one event at a time: {@link #begin}, any number of {@link #write}, then {@link #end}.
 * Nothing is buffered beyond the event being written. {@link #close()} closes the underlying stream.
 */
public interface EpcisEventWriter extends AutoCloseable {

    Format format();

    void begin(DocumentHeader header);

    void write(EpcisEvent event);

    void end();

    /**
     * Ends the document with the header as the reader knows it after the last event: document-level extensions
     * that came after the event list are written too (see {@link TrailingHeader}).
     *
     * @throws EpcisFormatException when other header members came after the event list
     */
    void end(DocumentHeader complete);

    @Override
    void close();
}
