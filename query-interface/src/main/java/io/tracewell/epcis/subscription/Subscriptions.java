package io.tracewell.epcis.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The subscriptions of the store (table {@code subscription}, migration V6). Delivery state changes only through
 * a lease: a node takes a subscription for a while ({@link #claim}), and every change of position it makes names
 * its lease, so two nodes never deliver one subscription at once and a node whose lease ran out cannot move a
 * position another node now owns.
 */
public final class Subscriptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, query_name, dest, signature_token, stream, schedule, report_if_empty,"
            + " initial_record_time, media_type, epc_format, cbv_xml_format, created_at, batch_size, position_seq,"
            + " position_event, min_record_time, last_notified_at, next_run_at, state, failures, retry_at, last_error,"
            + " owner_subject, owner_organisation, owner_roles, owner_glns";

    private final DataSource dataSource;

    public Subscriptions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Stores a new subscription, its position set from its initialRecordTime.
     *
     * @return false when the named query does not exist (any more)
     */
    public boolean create(Subscription s) {
        try (Connection c = dataSource.getConnection()) {
            FeedPosition start = EventFeed.start(c, utc(s.initialRecordTime()));
            try (PreparedStatement p = c.prepareStatement("INSERT INTO subscription (" + COLUMNS + ") SELECT ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                    + " FROM named_query WHERE name = ?")) {
                int i = 1;
                p.setString(i++, s.id());
                p.setString(i++, s.queryName());
                p.setString(i++, s.dest());
                p.setString(i++, s.signatureToken());
                p.setBoolean(i++, s.stream());
                p.setString(i++, s.schedule() == null ? null : scheduleJson(s.schedule()));
                p.setBoolean(i++, s.reportIfEmpty());
                p.setObject(i++, utc(s.initialRecordTime()));
                p.setString(i++, s.mediaType());
                p.setString(i++, s.epcFormat());
                p.setString(i++, s.cbvXmlFormat());
                p.setObject(i++, utc(s.createdAt()));
                p.setInt(i++, s.batchSize());
                p.setLong(i++, start.seq());
                p.setLong(i++, start.eventRow());
                p.setObject(i++, utc(s.minRecordTime()));
                p.setObject(i++, utc(s.lastNotifiedAt()));
                p.setObject(i++, utc(s.nextRunAt()));
                p.setString(i++, s.state().column());
                p.setInt(i++, s.failures());
                p.setObject(i++, utc(s.retryAt()));
                p.setString(i++, s.lastError());
                p.setString(i++, s.owner().subject());
                p.setString(i++, s.owner().organisation());
                p.setString(i++, joined(s.owner().roles().stream().map(Enum::name)));
                p.setString(i++, joined(s.owner().partnerGlns().stream()));
                p.setString(i, s.queryName());
                return p.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new StoreException("storing the subscription failed: " + e.getMessage(), e);
        }
    }

    public Optional<Subscription> find(String queryName, String id) {
        List<Subscription> found = select("SELECT " + COLUMNS + " FROM subscription WHERE query_name = ? AND id = ?",
                queryName, id);
        return found.stream().findFirst();
    }

    Optional<Subscription> find(String id) {
        return select("SELECT " + COLUMNS + " FROM subscription WHERE id = ?", id).stream().findFirst();
    }

    /** Up to {@code limit} subscriptions of a query whose ids sort after {@code afterId}, by id. */
    public List<Subscription> page(String queryName, String afterId, int limit) {
        return select("SELECT " + COLUMNS + " FROM subscription WHERE query_name = ? AND id > ? ORDER BY id LIMIT ?",
                queryName, afterId, limit);
    }

    /** Deletes one subscription; false when the query has none of that id. */
    public boolean delete(String queryName, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "DELETE FROM subscription WHERE query_name = ? AND id = ?")) {
            p.setString(1, queryName);
            p.setString(2, id);
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("deleting the subscription failed: " + e.getMessage(), e);
        }
    }

    /**
     * The ids of subscriptions with something to do at {@code now}: streaming ones behind the horizon, scheduled
     * ones whose time has come; not waiting for a retry and not leased by another node.
     */
    List<String> due(Instant now, long horizon, String owner, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT id FROM subscription WHERE (retry_at IS NULL OR retry_at <= ?)"
                        + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)"
                        + " AND ((stream AND (position_seq < ? OR position_event < 9223372036854775807))"
                        + " OR (NOT stream AND next_run_at <= ?)) ORDER BY COALESCE(retry_at, created_at) LIMIT ?")) {
            LocalDateTime t = utc(now);
            p.setObject(1, t);
            p.setString(2, owner);
            p.setObject(3, t);
            p.setLong(4, horizon);
            p.setObject(5, t);
            p.setInt(6, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("looking for due subscriptions failed: " + e.getMessage(), e);
        }
    }

    /** Takes or renews the lease of a subscription until {@code until}; false when another node holds it. */
    boolean claim(String id, String owner, Instant now, Instant until) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "UPDATE subscription SET lease_owner = ?, lease_until = ? WHERE id = ?"
                        + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")) {
            p.setString(1, owner);
            p.setObject(2, utc(until));
            p.setString(3, id);
            p.setString(4, owner);
            p.setObject(5, utc(now));
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("leasing the subscription failed: " + e.getMessage(), e);
        }
    }

    /** Gives a lease back. */
    void release(String id, String owner) {
        update("UPDATE subscription SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                id, owner);
    }

    /**
     * Moves the position after a delivery the receiver acknowledged (or after events that matched nothing):
     * clears failures; {@code notifiedAt} is set when something was sent.
     *
     * @return false when the lease was lost (the subscription deleted or taken over)
     */
    boolean advance(String id, String owner, FeedPosition position, Instant notifiedAt) {
        return update("UPDATE subscription SET position_seq = ?, position_event = ?, failures = 0, retry_at = NULL,"
                + " last_error = NULL, state = 'active', last_notified_at = COALESCE(?, last_notified_at)"
                + " WHERE id = ? AND lease_owner = ?", position.seq(), position.eventRow(), utc(notifiedAt), id,
                owner) == 1;
    }

    /** After a completed scheduled run: the next run's time and minRecordTime. */
    boolean scheduled(String id, String owner, Instant minRecordTime, Instant nextRunAt) {
        return update("UPDATE subscription SET min_record_time = ?, next_run_at = ? WHERE id = ? AND lease_owner = ?",
                utc(minRecordTime), utc(nextRunAt), id, owner) == 1;
    }

    /** A failed delivery: when to try again, the state and what went wrong. */
    boolean failed(String id, String owner, int failures, Subscription.State state, Instant retryAt, String error) {
        return update("UPDATE subscription SET failures = ?, state = ?, retry_at = ?, last_error = ?"
                + " WHERE id = ? AND lease_owner = ?", failures, state.column(), utc(retryAt),
                error.length() > 2000 ? error.substring(0, 2000) : error, id, owner) == 1;
    }

    /** A smaller batch after the receiver answered 413. */
    boolean batchSize(String id, String owner, int size) {
        return update("UPDATE subscription SET batch_size = ? WHERE id = ? AND lease_owner = ?", size, id, owner) == 1;
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("updating a subscription failed: " + e.getMessage(), e);
        }
    }

    private List<Subscription> select(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            List<Subscription> found = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    found.add(read(r));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("reading subscriptions failed: " + e.getMessage(), e);
        }
    }

    private static Subscription read(ResultSet r) throws SQLException {
        String schedule = r.getString("schedule");
        return new Subscription(r.getString("id"), r.getString("query_name"), r.getString("dest"),
                r.getString("signature_token"), r.getBoolean("stream"),
                schedule == null ? null : QuerySchedule.parse(scheduleFields(schedule)),
                r.getBoolean("report_if_empty"), instant(r, "initial_record_time"), r.getString("media_type"),
                r.getString("epc_format"), r.getString("cbv_xml_format"), instant(r, "created_at"),
                r.getInt("batch_size"), new FeedPosition(r.getLong("position_seq"), r.getLong("position_event")),
                instant(r, "min_record_time"), instant(r, "last_notified_at"), instant(r, "next_run_at"),
                Subscription.State.ofColumn(r.getString("state")), r.getInt("failures"), instant(r, "retry_at"),
                r.getString("last_error"), owner(r));
    }

    /** The subscriber as stored: roles and GLNs as comma-separated lists (V13). */
    private static Caller owner(ResultSet r) throws SQLException {
        java.util.Set<Caller.Role> roles = java.util.EnumSet.noneOf(Caller.Role.class);
        for (String role : split(r.getString("owner_roles"))) {
            roles.add(Caller.Role.valueOf(role));
        }
        return new Caller(r.getString("owner_subject"), r.getString("owner_organisation"), roles,
                new java.util.HashSet<>(split(r.getString("owner_glns"))));
    }

    private static String joined(java.util.stream.Stream<String> values) {
        return values.sorted().collect(java.util.stream.Collectors.joining(","));
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : List.of(list.split(","));
    }

    static String scheduleJson(QuerySchedule schedule) {
        try {
            return JSON.writeValueAsString(schedule.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> scheduleFields(String json) {
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            JSON.readTree(json).fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            return fields;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored schedule is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        LocalDateTime t = r.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
