package io.tracewell.epcis.subscription;

/**
 * A place in the order subscriptions deliver events in: by the visibility number of the event's outbox row
 * ({@code epcis_outbox.visible_seq}, docs/store.md §5a: the order store calls became visible), then by event row
 * id. Stands after the event {@code (seq, eventRow)}; {@link #allOf} stands after every event of a row.
 */
public record FeedPosition(long seq, long eventRow) {

    /** After every event of the rows numbered up to {@code seq}. */
    public static FeedPosition allOf(long seq) {
        return new FeedPosition(seq, Long.MAX_VALUE);
    }

    public FeedPosition {
        if (seq < 0 || eventRow < 0) {
            throw new IllegalArgumentException("a position is not negative: " + seq + "/" + eventRow);
        }
    }

    /** Whether every event up to the horizon {@code seq} is behind this position. */
    public boolean reached(long horizon) {
        return seq > horizon || seq == horizon && eventRow == Long.MAX_VALUE;
    }
}
