package io.tracewell.epcis.store.read;

import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** Look-ups of stored events by their identifiers. */
public final class StoredEvents {

    private final DataSource dataSource;

    public StoredEvents(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Every event with this eventID, in the order they were stored. More than one is normal: an error
     * declaration repeats the eventID of the event it corrects (EPCIS 2.0 §7.4.1.2).
     */
    public List<EpcisEvent> findByEventId(String eventID) {
        String sql = "SELECT event_json FROM epcis_event WHERE event_id = ? ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, eventID);
            List<EpcisEvent> events = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(EventJson.read(r.getString(1)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreException("reading events with eventID " + eventID + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether an event with this CBV 2.0 hash ID and without an error declaration is stored: capturing
     * the same event again is then a duplicate (the capture interface answers 409). An error declaration
     * of an event has the event's hash, so it is not counted here.
     */
    public boolean containsUndeclaredHash(String hashId) {
        String sql = "SELECT 1 FROM epcis_event WHERE hash_id = ? AND has_error_declaration = FALSE LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, hashId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StoreException("looking up hash ID " + hashId + " failed: " + e.getMessage(), e);
        }
    }
}
