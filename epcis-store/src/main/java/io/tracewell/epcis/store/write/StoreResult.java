package io.tracewell.epcis.store.write;

import io.tracewell.epcis.model.EpcisEvent;
import java.util.List;

/**
 * What one successful {@link EventStore#store} wrote.
 *
 * @param outboxId the outbox row of the batch
 * @param events     the stored events in input order
 * @param duplicates the positions (in the input) of events not stored because the same event (same hash ID,
 *                   no error declaration) is stored already
 */
public record StoreResult(long outboxId, List<StoredEvent> events, List<Integer> duplicates) {

    public StoreResult {
        events = List.copyOf(events);
        duplicates = List.copyOf(duplicates);
    }

    /**
     * One stored event.
     *
     * @param rowId  the surrogate key of its {@code epcis_event} row
     * @param event  the event as stored: with recordTime, and eventID filled in where it was missing
     * @param hashId the CBV 2.0 event hash ID of the event
     */
    public record StoredEvent(long rowId, EpcisEvent event, String hashId) {
    }
}
