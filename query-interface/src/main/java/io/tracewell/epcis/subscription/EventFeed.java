package io.tracewell.epcis.subscription;

import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.query.SqlWhere;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.access.Visibility;
import io.tracewell.epcis.store.read.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a subscription has not had yet, in the order it gets them: by the visibility number of their outbox
 * row (the order in which store calls became visible, docs/store.md §5a), then by row id. A position in that order
 * ({@link FeedPosition}) says what is behind; a horizon (the highest visibility number when the read starts) says
 * how far to go, so that a read sees only committed, numbered rows and nothing committed later can slip in behind
 * the position.
 *
 * <p>Each outbox row is read on its own through {@code ix_event_outbox} (events of one store call, in row order),
 * so no read sorts more than one store call's events; a read stops after {@link #SCAN_BUDGET} outbox rows, so a
 * subscription far behind moves forward in steps that can be saved.
 */
public final class EventFeed {

    /** Outbox rows looked at by one read at most. */
    static final int SCAN_BUDGET = 2_000;
    private static final int OUTBOX_CHUNK = 200;

    /**
     * Events read, and where the next read starts.
     *
     * @param end      after the last event of the batch, or after every row looked at when the batch is not full
     * @param caughtUp whether everything up to the horizon has been looked at
     */
    public record Batch(List<EpcisEvent> events, FeedPosition end, boolean caughtUp) {
        public Batch {
            events = List.copyOf(events);
        }
    }

    private EventFeed() {}

    /**
     * {@code where} with the condition of the events {@code caller} may read AND-ed to it ({@link Visibility}):
     * what a subscriber's notifications are filtered by. Unchanged for a caller that reads everything.
     */
    public static SqlWhere visibleTo(SqlWhere where, Caller caller) {
        Visibility.events(caller, "e").ifPresent(v -> where.add(v.sql(), v.arguments().toArray()));
        return where;
    }

    /** The highest visibility number now: every row numbered up to it is committed. */
    public static long horizon(Connection c) throws SQLException {
        return io.tracewell.epcis.query.EventQueries.horizon(c);
    }

    /**
     * Where a subscription starts that wants the events recorded from {@code initialRecordTime} on: just before
     * the first numbered outbox row recorded then or later, or at the horizon when there is none (a row recorded
     * later but not numbered yet gets a higher number).
     */
    public static FeedPosition start(Connection c, LocalDateTime initialRecordTime) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT MIN(visible_seq) FROM epcis_outbox WHERE created_at >= ? AND visible_seq IS NOT NULL")) {
            s.setObject(1, initialRecordTime);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long first = r.getLong(1);
                if (!r.wasNull()) {
                    return FeedPosition.allOf(first - 1);
                }
            }
        }
        return FeedPosition.allOf(horizon(c));
    }

    /**
     * Up to {@code limit} events after {@code after} and up to the horizon that match {@code where} (conditions on
     * {@code epcis_event e}) and were recorded at or after {@code initialRecordTime}.
     */
    public static Batch read(Connection c, SqlWhere where, LocalDateTime initialRecordTime, FeedPosition after,
                             long horizon, int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<EpcisEvent> events = new ArrayList<>();
        FeedPosition position = after;
        int scanned = 0;
        String eventSql = "SELECT e.id, e.event_json FROM epcis_event e WHERE e.outbox_id = ? AND e.id > ? AND "
                + where.sql() + " ORDER BY e.id LIMIT ?";
        try (PreparedStatement rows = c.prepareStatement("SELECT id, visible_seq FROM epcis_outbox"
                + " WHERE visible_seq >= ? AND visible_seq <= ? AND created_at >= ? ORDER BY visible_seq LIMIT ?");
             PreparedStatement eventsOfRow = c.prepareStatement(eventSql)) {
            while (!position.reached(horizon)) {
                long from = position.eventRow() == Long.MAX_VALUE ? position.seq() + 1 : position.seq();
                rows.setLong(1, from);
                rows.setLong(2, horizon);
                rows.setObject(3, initialRecordTime);
                rows.setInt(4, OUTBOX_CHUNK);
                List<long[]> chunk = new ArrayList<>();
                try (ResultSet r = rows.executeQuery()) {
                    while (r.next()) {
                        chunk.add(new long[] {r.getLong(1), r.getLong(2)});
                    }
                }
                for (long[] row : chunk) {
                    long seq = row[1];
                    long fromEvent = seq == position.seq() ? position.eventRow() : 0;
                    int wanted = limit - events.size();
                    int i = 1;
                    eventsOfRow.setLong(i++, row[0]);
                    eventsOfRow.setLong(i++, fromEvent);
                    for (Object a : where.arguments()) {
                        eventsOfRow.setObject(i++, a);
                    }
                    eventsOfRow.setInt(i, wanted);
                    int got = 0;
                    long lastId = 0;
                    try (ResultSet r = eventsOfRow.executeQuery()) {
                        while (r.next()) {
                            lastId = r.getLong(1);
                            events.add(EventJson.read(r.getString(2)));
                            got++;
                        }
                    }
                    if (got == wanted) {
                        return new Batch(events, new FeedPosition(seq, lastId), false);
                    }
                    position = FeedPosition.allOf(seq);
                    scanned++;
                }
                if (chunk.size() < OUTBOX_CHUNK) {
                    position = FeedPosition.allOf(horizon);
                } else if (scanned >= SCAN_BUDGET) {
                    return new Batch(events, position, false);
                }
            }
        }
        return new Batch(events, position, true);
    }
}
