package io.tracewell.epcis.store.write;

import io.tracewell.epcis.model.Namespaces;
import java.util.Objects;

/**
 * Where a batch of events comes from.
 *
 * @param captureId    the capture job's ID (EPCIS 2.0 §12.3 capture interface), or null for events captured
 *                     without a job
 * @param kind         what kind of outbox row the batch produces
 * @param namespaces   the prefixes declared by the captured document; used to write the stored JSON-LD so that
 *                     extension elements keep their prefixes
 * @param organisation the organisation that captures the events: the read paths show them to its callers
 *                     (docs/security.md, "Visibility"); required, never defaulted
 */
public record CaptureContext(String captureId, OutboxKind kind, Namespaces namespaces, String organisation) {

    public CaptureContext {
        Objects.requireNonNull(kind, "kind");
        namespaces = namespaces == null ? Namespaces.NONE : namespaces;
        Objects.requireNonNull(organisation, "organisation");
        if (organisation.isBlank()) {
            throw new IllegalArgumentException("captured events belong to an organisation");
        }
    }

    public static CaptureContext capture(String captureId, String organisation, Namespaces namespaces) {
        return new CaptureContext(Objects.requireNonNull(captureId, "captureId"), OutboxKind.CAPTURE, namespaces,
                organisation);
    }

    public static CaptureContext singleEvent(String organisation, Namespaces namespaces) {
        return new CaptureContext(null, OutboxKind.EVENT, namespaces, organisation);
    }
}
