package io.tracewell.epcis.store.write;

import io.tracewell.epcis.model.Namespaces;
import java.util.Objects;

/**
 * Where a batch of events comes from.
 *
 * @param captureId  the capture job's ID (EPCIS 2.0 §12.3 capture interface), or null for events captured
 *                   without a job
 * @param kind       what kind of outbox row the batch produces
 * @param namespaces the prefixes declared by the captured document; used to write the stored JSON-LD so that
 *                   extension elements keep their prefixes
 */
public record CaptureContext(String captureId, OutboxKind kind, Namespaces namespaces) {

    public CaptureContext {
        Objects.requireNonNull(kind, "kind");
        namespaces = namespaces == null ? Namespaces.NONE : namespaces;
    }

    public static CaptureContext capture(String captureId, Namespaces namespaces) {
        return new CaptureContext(Objects.requireNonNull(captureId, "captureId"), OutboxKind.CAPTURE, namespaces);
    }

    public static CaptureContext singleEvent(Namespaces namespaces) {
        return new CaptureContext(null, OutboxKind.EVENT, namespaces);
    }
}
