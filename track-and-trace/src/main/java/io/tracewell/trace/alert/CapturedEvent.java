package io.tracewell.trace.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored event as the rules see it: its projection columns, not its full JSON, because every rule works on
 * the indexed columns of {@code epcis_event} and {@code epcis_event_epc}.
 *
 * @param rowId       the {@code epcis_event} row id
 * @param eventId     the event's eventID (given, or its hash ID)
 * @param eventTime   when the event happened
 * @param bizStep     the bizStep URI as stored, or null
 * @param disposition the disposition URI as stored, or null
 * @param readPoint   the read point as stored (canonical), or null
 * @param bizLocation the business location as stored (canonical), or null
 * @param epcs        the canonical instance identifiers the event names (epcList, parentID, childEPCs,
 *                    inputs and outputs), without repeats
 */
public record CapturedEvent(long rowId, String eventId, Instant eventTime, String bizStep, String disposition,
                            String readPoint, String bizLocation, List<String> epcs) {

    public CapturedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        epcs = List.copyOf(epcs);
    }

    /** Where the event happened: its business location, else its read point; null when it gives neither. */
    public String location() {
        return bizLocation != null ? bizLocation : readPoint;
    }
}
