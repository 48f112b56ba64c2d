package io.tracewell.epcis.store.read;

import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.access.Visibility;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
        return find(eventID, Optional.empty());
    }

    /**
     * The events with this eventID that {@code caller} may read ({@link Visibility}): an event it may not read is
     * left out exactly as if it were not stored, so its existence is not revealed.
     */
    public List<EpcisEvent> findByEventId(String eventID, Caller caller) {
        return find(eventID, Visibility.events(caller, "e"));
    }

    private List<EpcisEvent> find(String eventID, Optional<Visibility.Condition> visible) {
        String sql = "SELECT e.event_json FROM epcis_event e WHERE e.event_id = ?"
                + visible.map(v -> " AND " + v.sql()).orElse("") + " ORDER BY e.id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, eventID);
            int i = 2;
            for (Object argument : visible.map(Visibility.Condition::arguments).orElse(List.of())) {
                s.setObject(i++, argument);
            }
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
