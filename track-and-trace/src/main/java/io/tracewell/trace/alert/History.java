package io.tracewell.trace.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored events of a set of EPCs, read through the index on {@code epcis_event_epc (canonical_id, role)}.
 * Events with an error declaration are left out: they are retracted and must not raise alerts.
 */
final class History {

    /** The roles of instance identifiers in {@code epcis_event_epc}; class-level roles are not EPCs. */
    static final String INSTANCE_ROLES = "'EPC_LIST', 'PARENT', 'CHILD', 'INPUT', 'OUTPUT'";

    private static final int CHUNK = 500;

    private History() {}

    /** One event of an EPC's history. */
    record Entry(long rowId, String eventId, Instant eventTime, String bizStep, String disposition,
                 String readPoint, String bizLocation) {

        /** Where the event happened: its business location, else its read point; null when it gives neither. */
        String location() {
            return bizLocation != null ? bizLocation : readPoint;
        }
    }

    /**
     * Every event of each EPC, in row order; an EPC without any has an empty list. Read in chunks of
     * {@value #CHUNK} EPCs, so that an event naming thousands costs few queries.
     */
    static Map<String, List<Entry>> of(Connection connection, Collection<String> epcs) throws SQLException {
        Map<String, List<Entry>> history = new LinkedHashMap<>();
        epcs.forEach(epc -> history.put(epc, new ArrayList<>()));
        List<String> all = List.copyOf(history.keySet());
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String sql = "SELECT DISTINCT x.canonical_id, e.id, e.event_id, e.event_time, e.biz_step, e.disposition,"
                    + " e.read_point, e.biz_location"
                    + " FROM epcis_event_epc x JOIN epcis_event e ON e.id = x.event_row_id"
                    + " WHERE x.canonical_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ") AND x.role IN (" + INSTANCE_ROLES + ") AND e.has_error_declaration = FALSE"
                    + " ORDER BY e.id";
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        history.get(r.getString(1)).add(new Entry(r.getLong(2), r.getString(3),
                                r.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC), r.getString(5),
                                r.getString(6), r.getString(7), r.getString(8)));
                    }
                }
            }
        }
        return history;
    }
}
