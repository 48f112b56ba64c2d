package io.tracewell.trace.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.access.Visibility;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code trace_alert} table: raising (idempotent), listing in pages, reading and acknowledging alerts.
 *
 * <p>A caller sees an alert when it may read the event that raised it ({@link Visibility}, docs/security.md): its
 * organisation's alerts for a query caller, every alert for a regulator. The alert's list of eventIDs may name
 * events of other organisations involved (a second commissioning by another organisation, say); those events stay
 * hidden from the caller on every read path.
 */
public final class AlertStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, rule, epc, event_ids, detail, raised_at, state, acknowledged_at,"
            + " acknowledged_by";
    /** Longest detail kept; longer ones are cut, the events involved stay complete. */
    private static final int DETAIL_LIMIT = 2048;

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Stores the finding as an open alert on the caller's connection (the transaction that marks the outbox row);
     * a finding already stored (same rule, EPC and triggering event) is ignored. True when a new alert was stored.
     */
    public static boolean raise(Connection c, Finding finding) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO trace_alert (rule, epc, trigger_event_row,"
                + " event_ids, detail, raised_at, state) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6), ?)")) {
            s.setString(1, finding.rule());
            s.setString(2, finding.epc());
            s.setLong(3, finding.triggerEventRow());
            s.setString(4, writeIds(finding.eventIds()));
            String detail = finding.detail();
            s.setString(5, detail.length() > DETAIL_LIMIT ? detail.substring(0, DETAIL_LIMIT - 1) + "…" : detail);
            s.setString(6, AlertState.OPEN.word());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Up to {@code limit} alerts, newest first, with an id below {@code beforeId} (a page's last id; 0 for the
     * first page), in the state and from the rule given when they are given.
     */
    public List<Alert> list(Caller caller, Optional<AlertState> state, Optional<String> rule, long beforeId,
                            int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM trace_alert a WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        visible(caller, sql, parameters);
        state.ifPresent(s -> {
            sql.append(" AND state = ?");
            parameters.add(s.word());
        });
        rule.ifPresent(r -> {
            sql.append(" AND rule = ?");
            parameters.add(r);
        });
        if (beforeId > 0) {
            sql.append(" AND id < ?");
            parameters.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    alerts.add(read(r));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new StoreException("listing alerts failed: " + e.getMessage(), e);
        }
    }

    /** The server itself, which reads every organisation's alerts (for the operator's alert webhook). */
    private static final Caller SERVER = new Caller("server", "server",
            java.util.EnumSet.of(Caller.Role.REGULATOR), java.util.Set.of());

    /** An alert of any organisation: for the server's own use, such as the operator's alert webhook. */
    public Optional<Alert> findAny(long id) {
        return find(id, SERVER);
    }

    /** The alert if {@code caller} may see it; another organisation's is answered as absent. */
    public Optional<Alert> find(long id, Caller caller) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM trace_alert a WHERE id = ?");
        List<Object> parameters = new ArrayList<>(List.of(id));
        visible(caller, sql, parameters);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading alert " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Acknowledges an open alert for {@code by}; an alert acknowledged already keeps its first acknowledgement.
     * The alert as it is afterwards, or empty when there is none with this id.
     */
    public Optional<Alert> acknowledge(long id, String by, Caller caller) {
        if (find(id, caller).isEmpty()) {
            return Optional.empty();
        }
        Objects.requireNonNull(by, "by");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE trace_alert SET state = ?, acknowledged_at = UTC_TIMESTAMP(6), acknowledged_by = ?"
                        + " WHERE id = ? AND state = ?")) {
            s.setString(1, AlertState.ACKNOWLEDGED.word());
            s.setString(2, by);
            s.setLong(3, id);
            s.setString(4, AlertState.OPEN.word());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("acknowledging alert " + id + " failed: " + e.getMessage(), e);
        }
        return find(id, caller);
    }

    /** Only alerts raised by an event the caller may read; nothing added for a caller that reads everything. */
    private static void visible(Caller caller, StringBuilder sql, List<Object> parameters) {
        Visibility.events(caller, "e").ifPresent(v -> {
            sql.append(" AND EXISTS (SELECT 1 FROM epcis_event e WHERE e.id = a.trigger_event_row AND ")
                    .append(v.sql()).append(')');
            parameters.addAll(v.arguments());
        });
    }

    private static Alert read(ResultSet r) throws SQLException {
        LocalDateTime acknowledgedAt = r.getObject(8, LocalDateTime.class);
        return new Alert(r.getLong(1), r.getString(2), r.getString(3), readIds(r.getString(4)), r.getString(5),
                instant(r.getObject(6, LocalDateTime.class)),
                AlertState.ofWord(r.getString(7)).orElseThrow(() -> new IllegalStateException(
                        "trace_alert.state holds \"" + safe(r, 7) + "\"; expected open or acknowledged")),
                Optional.ofNullable(acknowledgedAt).map(AlertStore::instant), Optional.ofNullable(r.getString(9)));
    }

    private static String safe(ResultSet r, int column) {
        try {
            return r.getString(column);
        } catch (SQLException e) {
            return "?";
        }
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    private static String writeIds(List<String> ids) {
        try {
            return JSON.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing event ids as JSON failed", e);
        }
    }

    private static List<String> readIds(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trace_alert.event_ids is not a JSON array of strings: " + json, e);
        }
    }
}
