package io.tracewell.epcis.store.outbox;

import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.read.EventJson;
import io.tracewell.epcis.store.write.OutboxKind;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The consumers' side of the outbox (docs/store.md §5): a lease per consumer so that one node at a time
 * delivers, the rows a consumer has not handled yet, and the processed markers.
 *
 * <p>Lease times use the database clock ({@code UTC_TIMESTAMP(6)}), so nodes with skewed clocks still agree
 * on who holds a lease.
 */
public final class Outbox {

    private final DataSource dataSource;

    public Outbox(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Creates the consumer's row if it does not exist; it then sees every outbox row not yet marked. */
    public void register(String consumer) {
        update("registering outbox consumer " + consumer,
                "INSERT IGNORE INTO epcis_outbox_consumer (consumer) VALUES (?)", consumer);
    }

    /**
     * Takes or renews the consumer's lease for {@code owner} (a node's name) for {@code duration}. True when
     * {@code owner} holds it now: nobody held it, the holder's lease had run out, or {@code owner} held it.
     */
    public boolean acquireLease(String consumer, String owner, Duration duration) {
        return update("taking the lease of outbox consumer " + consumer,
                "UPDATE epcis_outbox_consumer SET lease_owner = ?,"
                        + " lease_until = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND"
                        + " WHERE consumer = ? AND (lease_owner IS NULL OR lease_until < UTC_TIMESTAMP(6)"
                        + " OR lease_owner = ?)",
                owner, duration.toNanos() / 1000, consumer, owner) == 1;
    }

    /** Gives the lease up if {@code owner} holds it, so another node need not wait for it to run out. */
    public void releaseLease(String consumer, String owner) {
        update("releasing the lease of outbox consumer " + consumer,
                "UPDATE epcis_outbox_consumer SET lease_owner = NULL, lease_until = NULL"
                        + " WHERE consumer = ? AND lease_owner = ?", consumer, owner);
    }

    /** Up to {@code limit} rows the consumer has not marked processed, oldest first. */
    public List<OutboxEntry> pending(String consumer, int limit) {
        String sql = "SELECT o.id, o.kind, o.capture_id, o.event_count, o.created_at FROM epcis_outbox o"
                + " JOIN epcis_outbox_consumer c ON c.consumer = ?"
                + " LEFT JOIN epcis_outbox_receipt r ON r.outbox_id = o.id AND r.consumer = c.consumer"
                + " WHERE r.outbox_id IS NULL AND o.id > c.low_water_mark ORDER BY o.id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, consumer);
            s.setInt(2, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new OutboxEntry(r.getLong(1), OutboxKind.valueOf(r.getString(2)), r.getString(3),
                            r.getInt(4), r.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("reading the outbox of consumer " + consumer + " failed: " + e.getMessage(), e);
        }
    }

    /** The events of one outbox row, in the order they were captured. */
    public List<EpcisEvent> events(long outboxId) {
        String sql = "SELECT event_json FROM epcis_event WHERE outbox_id = ? ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, outboxId);
            List<EpcisEvent> events = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(EventJson.read(r.getString(1)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreException("reading the events of outbox row " + outboxId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Marks the row handled for the consumer, on the caller's connection: the consumer inserts the marker in
     * the transaction that records its own outcome, so the two commit together. Marking twice is harmless.
     */
    public static void markProcessed(Connection c, String consumer, long outboxId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO epcis_outbox_receipt (consumer, outbox_id,"
                + " processed_at) VALUES (?, ?, UTC_TIMESTAMP(6))")) {
            s.setString(1, consumer);
            s.setLong(2, outboxId);
            s.executeUpdate();
        }
    }

    /** {@link #markProcessed(Connection, String, long)} in a transaction of its own. */
    public void markProcessed(String consumer, long outboxId) {
        try (Connection c = dataSource.getConnection()) {
            markProcessed(c, consumer, outboxId);
        } catch (SQLException e) {
            throw new StoreException("marking outbox row " + outboxId + " processed for " + consumer + " failed: "
                    + e.getMessage(), e);
        }
    }

    private int update(String what, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }
}
