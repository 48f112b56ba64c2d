package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/**
 * A whole EPCIS document in memory. Large documents should be read and written event by event with the streaming
 * readers and writers instead; this type is for small documents and tests.
 */
public record EpcisDocument(DocumentHeader header, List<EpcisEvent> events) {
    public EpcisDocument {
        Objects.requireNonNull(header, "header");
        events = Lists.copy(events);
    }
}
