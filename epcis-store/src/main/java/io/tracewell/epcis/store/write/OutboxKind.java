package io.tracewell.epcis.store.write;

/** What produced an outbox row: a capture job (document) or a single captured event. */
public enum OutboxKind {
    CAPTURE,
    EVENT
}
