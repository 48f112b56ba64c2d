package io.tracewell.epcis.store.outbox;

import io.tracewell.epcis.store.write.OutboxKind;
import java.time.Instant;

/**
 * One outbox row: the events of one successful store call.
 *
 * @param id         the row's id; the events are those with this {@code outbox_id}
 * @param kind       capture job or single event
 * @param captureId  the capture job, or null
 * @param eventCount how many events the call stored
 * @param createdAt  the commit's record time
 */
public record OutboxEntry(long id, OutboxKind kind, String captureId, int eventCount, Instant createdAt) {
}
