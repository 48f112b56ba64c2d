package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EventType;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.store.read.EventJson;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads the history of a shipment from the event store: from a stored shipping event down through the packing
 * hierarchy to every shipped object, then the commissioning events of those objects.
 *
 * <ul>
 *   <li>Packing: for each shipped object (first the shipping event's EPCs, then what is packed in them, level by
 *       level), its latest AggregationEvent with action ADD and business step {@code packing} as parent, by event
 *       time (then storage order), up to the shipping event's time. The children of the chosen events are the next
 *       level. Earlier packings of the same parent (a case packed, unpacked and packed again) are not followed.</li>
 *   <li>Commissioning: for each shipped object, its latest ObjectEvent with action ADD and business step
 *       {@code commissioning}, up to the shipping event's time. A commissioning event that also names objects
 *       outside the shipment is carried with the shipped ones only (see {@link ShipmentEvents.Commissioning}).</li>
 *   <li>Events with an error declaration, and events that a later error declaration retracts (same eventID), are
 *       never used.</li>
 * </ul>
 *
 * <p>Every look-up goes through indexes: identifiers by {@code epcis_event_epc (canonical_id, role)} in the
 * canonical form the store indexes them by (canonical Digital Links for GS1 keys), events by primary key, retraction
 * by {@code event_id}. Identifiers are looked up in batches of {@value #BATCH}.
 */
public final class ShipmentHistory {

    static final int BATCH = 500;

    private static final String EVENT_COLUMNS = "SELECT id, event_type, biz_step, has_error_declaration, event_id,"
            + " event_time, event_json FROM epcis_event";
    private static final String NOT_RETRACTED = " AND NOT EXISTS (SELECT 1 FROM epcis_event d"
            + " WHERE d.event_id = e.event_id AND d.has_error_declaration = TRUE)";

    private final DataSource dataSource;

    public ShipmentHistory(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The history of the shipment whose shipping event has this eventID.
     *
     * @throws IllegalArgumentException when no stored event without error declaration has the eventID, when several
     *                                  do (use {@link #forRow}), or when it is no usable shipping event (see
     *                                  {@link #forRow})
     * @throws StoreException           when the database cannot be read
     */
    public ShipmentEvents forEventId(String eventID) {
        Objects.requireNonNull(eventID, "eventID");
        try (Connection c = dataSource.getConnection()) {
            List<StoredEvent> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(EVENT_COLUMNS
                    + " WHERE event_id = ? AND has_error_declaration = FALSE ORDER BY id")) {
                s.setString(1, eventID);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(StoredEvent.of(r));
                    }
                }
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no stored event without error declaration has eventID " + eventID);
            }
            if (found.size() > 1) {
                throw new IllegalArgumentException("eventID " + eventID + " names " + found.size() + " stored events"
                        + " (rows " + found.stream().map(e -> Long.toString(e.row())).toList() + "); name the"
                        + " shipping event by its row");
            }
            return read(c, found.get(0));
        } catch (SQLException e) {
            throw new StoreException("reading the shipment of eventID " + eventID + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The history of the shipment whose shipping event is stored in this row of {@code epcis_event}.
     *
     * @throws IllegalArgumentException when the row does not exist, is not an ObjectEvent with business step
     *                                  {@code shipping}, has an error declaration or was retracted by one
     * @throws StoreException           when the database cannot be read
     */
    public ShipmentEvents forRow(long row) {
        try (Connection c = dataSource.getConnection()) {
            StoredEvent shipping;
            try (PreparedStatement s = c.prepareStatement(EVENT_COLUMNS + " WHERE id = ?")) {
                s.setLong(1, row);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalArgumentException("no stored event has row id " + row);
                    }
                    shipping = StoredEvent.of(r);
                }
            }
            return read(c, shipping);
        } catch (SQLException e) {
            throw new StoreException("reading the shipment of event row " + row + " failed: " + e.getMessage(), e);
        }
    }

    private static ShipmentEvents read(Connection c, StoredEvent stored) throws SQLException {
        ObjectEvent shipping = checkedShipping(c, stored);
        LocalDateTime until = stored.eventTime();

        LinkedHashSet<String> items = new LinkedHashSet<>();
        List<String> level = new ArrayList<>();
        for (String epc : shipping.epcList()) {
            if (items.add(Ids.canonical(epc))) {
                level.add(Ids.canonical(epc));
            }
        }
        List<List<AggregationEvent>> levels = new ArrayList<>();
        while (!level.isEmpty()) {
            Map<String, Candidate> latest = latest(c, level, BizStep.PACKING, until);
            List<Candidate> chosen = sorted(new HashSet<>(latest.values()));
            Map<Long, EpcisEvent> events = load(c, chosen);
            List<AggregationEvent> packed = new ArrayList<>(chosen.size());
            List<String> next = new ArrayList<>();
            for (Candidate candidate : chosen) {
                AggregationEvent a = (AggregationEvent) events.get(candidate.row());
                packed.add(a);
                for (String child : a.childEPCs()) {
                    String canonical = Ids.canonical(child);
                    if (items.add(canonical)) {
                        next.add(canonical);
                    }
                }
            }
            if (!packed.isEmpty()) {
                levels.add(packed);
            }
            level = next;
        }
        List<AggregationEvent> packing = new ArrayList<>();
        for (int i = levels.size() - 1; i >= 0; i--) {
            packing.addAll(levels.get(i));
        }

        Map<String, Candidate> commissioned = latest(c, items, BizStep.COMMISSIONING, until);
        Map<Long, Set<String>> itemsByRow = new HashMap<>();
        for (Map.Entry<String, Candidate> e : commissioned.entrySet()) {
            itemsByRow.computeIfAbsent(e.getValue().row(), r -> new HashSet<>()).add(e.getKey());
        }
        List<Candidate> chosen = sorted(new HashSet<>(commissioned.values()));
        Map<Long, EpcisEvent> events = load(c, chosen);
        List<ShipmentEvents.Commissioning> commissioning = new ArrayList<>(chosen.size());
        for (Candidate candidate : chosen) {
            ObjectEvent o = (ObjectEvent) events.get(candidate.row());
            commissioning.add(new ShipmentEvents.Commissioning(o, shippedPart(o, itemsByRow.get(candidate.row()))));
        }
        List<String> uncommissioned = new ArrayList<>();
        for (String item : items) {
            if (!commissioned.containsKey(item) && Ids.sgtin(item).isPresent()) {
                uncommissioned.add(item);
            }
        }
        return new ShipmentEvents(stored.row(), shipping, commissioning, packing, new ArrayList<>(items),
                uncommissioned);
    }

    private static ObjectEvent checkedShipping(Connection c, StoredEvent stored) throws SQLException {
        String name = "stored event row " + stored.row() + (stored.eventId() == null ? ""
                : " (eventID " + stored.eventId() + ")");
        if (!EventType.OBJECT_EVENT.standardName().equals(stored.type())
                || !BizStep.SHIPPING.uri().equals(stored.bizStep())) {
            throw new IllegalArgumentException(name + " is a " + stored.type() + " with bizStep " + stored.bizStep()
                    + "; a DSCSA document is built from an ObjectEvent with bizStep " + BizStep.SHIPPING.uri());
        }
        if (stored.errorDeclared()) {
            throw new IllegalArgumentException(name + " is an error declaration, not a shipment");
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM epcis_event WHERE event_id = ? AND has_error_declaration = TRUE LIMIT 1")) {
            s.setString(1, stored.eventId());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw new IllegalArgumentException(name + " was declared erroneous by an error declaration;"
                            + " the shipment it recorded is void");
                }
            }
        }
        return (ObjectEvent) EventJson.read(stored.json());
    }

    /** The event with only the shipped EPCs; the event itself when it names nothing else. */
    private static ObjectEvent shippedPart(ObjectEvent o, Set<String> shipped) {
        List<String> epcs = new ArrayList<>(o.epcList().size());
        for (String epc : o.epcList()) {
            if (shipped.contains(Ids.canonical(epc))) {
                epcs.add(epc);
            }
        }
        if (epcs.size() == o.epcList().size() && o.quantityList().isEmpty()) {
            return o;
        }
        return new ObjectEvent(o.common().withEventID(null), o.action(), epcs, List.of(), o.where(), o.why(),
                o.sensorElementList(), o.ilmd(), o.extensions());
    }

    /**
     * Per identifier, the latest event (by event time, then row) of the business step ({@code packing}: as parent,
     * {@code commissioning}: in the EPC list) up to {@code until}.
     */
    private static Map<String, Candidate> latest(Connection c, Collection<String> ids, BizStep step,
                                                 LocalDateTime until) throws SQLException {
        boolean packing = BizStep.PACKING.equals(step);
        Map<String, Candidate> latest = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> part = all.subList(from, Math.min(all.size(), from + BATCH));
            String sql = packing ? packingSql(part.size()) : commissioningSql(part.size());
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                for (String id : part) {
                    s.setString(i++, id);
                }
                s.setString(i++, step.uri());
                s.setObject(i, until);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Candidate candidate = new Candidate(r.getLong(1), r.getObject(3, LocalDateTime.class));
                        latest.merge(r.getString(2), candidate, (a, b) -> Candidate.ORDER.compare(a, b) >= 0 ? a : b);
                    }
                }
            }
        }
        return latest;
    }

    /**
     * Packing events by parent: row, parent (canonical), event time. Parameters: {@code n} canonical ids, the
     * packing business step URI, the latest event time.
     */
    static String packingSql(int n) {
        return candidates("PARENT", EventType.AGGREGATION_EVENT, n);
    }

    /**
     * Commissioning events by EPC: row, EPC (canonical), event time. Parameters: {@code n} canonical ids, the
     * commissioning business step URI, the latest event time.
     */
    static String commissioningSql(int n) {
        return candidates("EPC_LIST", EventType.OBJECT_EVENT, n);
    }

    private static String candidates(String role, EventType type, int n) {
        return "SELECT e.id, x.canonical_id, e.event_time FROM epcis_event_epc x"
                + " JOIN epcis_event e ON e.id = x.event_row_id"
                + " WHERE x.canonical_id IN (" + placeholders(n) + ") AND x.role = '" + role + "'"
                + " AND e.event_type = '" + type.standardName() + "' AND e.action = '" + Action.ADD.name() + "'"
                + " AND e.biz_step = ? AND e.has_error_declaration = FALSE AND e.event_time <= ?"
                + NOT_RETRACTED;
    }

    private static String placeholders(int n) {
        return n == 0 ? "NULL" : "?, ".repeat(n - 1) + "?";
    }

    private static Map<Long, EpcisEvent> load(Connection c, List<Candidate> candidates) throws SQLException {
        Map<Long, EpcisEvent> events = new HashMap<>();
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<Candidate> part = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, event_json FROM epcis_event WHERE id IN (" + placeholders(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    s.setLong(i + 1, part.get(i).row());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        events.put(r.getLong(1), EventJson.read(r.getString(2)));
                    }
                }
            }
        }
        return events;
    }

    private static List<Candidate> sorted(Collection<Candidate> candidates) {
        List<Candidate> list = new ArrayList<>(candidates);
        list.sort(Candidate.ORDER);
        return Collections.unmodifiableList(list);
    }

    /** A found event: its row and event time (the order of "latest"). */
    private record Candidate(long row, LocalDateTime eventTime) {
        static final Comparator<Candidate> ORDER =
                Comparator.comparing(Candidate::eventTime).thenComparingLong(Candidate::row);
    }

    private record StoredEvent(long row, String type, String bizStep, boolean errorDeclared, String eventId,
                               LocalDateTime eventTime, String json) {
        static StoredEvent of(ResultSet r) throws SQLException {
            return new StoredEvent(r.getLong(1), r.getString(2), r.getString(3), r.getBoolean(4), r.getString(5),
                    r.getObject(6, LocalDateTime.class), r.getString(7));
        }
    }
}
