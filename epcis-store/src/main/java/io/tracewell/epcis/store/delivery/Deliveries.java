package io.tracewell.epcis.store.delivery;

import io.tracewell.epcis.store.write.StoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The deliveries of the regulatory connectors (table {@code regulatory_delivery}, migration V7; docs/deliveries.md):
 * what a connector must hand to a partner, the exact bytes it sent, the partner's receipt, every attempt, and the
 * state. A connector creates a delivery in the transaction that marks the outbox row it came from as processed
 * ({@link #create}), so each is created exactly once; it then sends it under a lease ({@link #claim}), recording
 * each attempt's outcome. The first send fixes the message id and the bytes ({@link #prepared}); every resend and a
 * replay use them again.
 */
public final class Deliveries {

    /** Where a delivery stands. */
    public enum State {
        /** To be sent at {@code nextAttemptAt}. */
        PENDING,
        /** Handed over; the partner's receipt is awaited (asynchronous receipts). */
        SENT,
        /** The partner acknowledged it. Done. */
        ACKNOWLEDGED,
        /** The last attempt failed; tried again at {@code nextAttemptAt}. */
        FAILED,
        /** Given up after the most attempts, or refused for good; an operator can replay it. */
        DEAD;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String column) {
            return valueOf(column.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One delivery. {@code payload} and {@code receipt} are null in lists ({@link #page}) and filled by
     * {@link #find}.
     */
    public record Delivery(long id, String connector, String partner, String subject, Long outboxId, State state,
                           String messageId, byte[] payload, String payloadSha256, String contentType, String mic,
                           int attempts, Instant nextAttemptAt, String lastError, byte[] receipt, String receiptInfo,
                           Instant createdAt, Instant updatedAt, Instant sentAt, Instant acknowledgedAt) {}

    /** One attempt: when, its outcome ({@code acknowledged}, {@code sent}, {@code failed}, {@code dead}) and why. */
    public record Attempt(int attempt, Instant startedAt, Instant finishedAt, String outcome, String detail) {}

    private static final String LIST_COLUMNS = "id, connector, partner, subject, outbox_id, state, message_id,"
            + " NULL AS payload, payload_sha256, content_type, mic, attempts, next_attempt_at, last_error,"
            + " NULL AS receipt, receipt_info, created_at, updated_at, sent_at, acknowledged_at";
    private static final String ALL_COLUMNS = LIST_COLUMNS.replace("NULL AS payload", "payload")
            .replace("NULL AS receipt", "receipt");
    private static final int MAX_TEXT = 4000;

    private final DataSource dataSource;

    public Deliveries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Creates a pending delivery, due at once, on the caller's connection (so that it commits with the caller's
     * outbox receipt).
     *
     * @return false when the connector already has a delivery of this subject to this partner
     */
    public static boolean create(Connection c, String connector, String partner, String subject, Long outboxId,
                                 Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO regulatory_delivery (connector, partner,"
                + " subject, outbox_id, state, next_attempt_at, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)")) {
            LocalDateTime t = utc(now);
            s.setString(1, connector);
            s.setString(2, partner);
            s.setString(3, subject);
            s.setObject(4, outboxId);
            s.setObject(5, t);
            s.setObject(6, t);
            s.setObject(7, t);
            return s.executeUpdate() == 1;
        }
    }

    /** {@link #create(Connection, String, String, String, Long, Instant)} in a transaction of its own. */
    public boolean create(String connector, String partner, String subject, Long outboxId, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return create(c, connector, partner, subject, outboxId, now);
        } catch (SQLException e) {
            throw new StoreException("creating a delivery failed: " + e.getMessage(), e);
        }
    }

    /**
     * The ids of the connector's deliveries due at {@code now} that no other node holds: pending or failed ones to
     * send, and sent ones whose receipt deadline ({@code next_attempt_at}) has passed, for the connector to record
     * the missing receipt ({@link #receiptOverdue}).
     */
    public List<Long> due(String connector, Instant now, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM regulatory_delivery WHERE connector = ? AND state IN ('pending', 'failed', 'sent')"
                        + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                        + " ORDER BY next_attempt_at, id LIMIT ?")) {
            s.setString(1, connector);
            s.setObject(2, utc(now));
            s.setObject(3, utc(now));
            s.setInt(4, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("looking for due deliveries failed: " + e.getMessage(), e);
        }
    }

    /** Takes the delivery for {@code owner} until {@code until}; false when another node holds it. */
    public boolean claim(long id, String owner, Instant now, Instant until) {
        return update("UPDATE regulatory_delivery SET lease_owner = ?, lease_until = ? WHERE id = ?"
                + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)", owner, utc(until), id, owner,
                utc(now)) == 1;
    }

    /** Gives the lease back. */
    public void release(long id, String owner) {
        update("UPDATE regulatory_delivery SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                id, owner);
    }

    /**
     * Fixes the message id and the bytes of the delivery, once: a delivery that has them keeps them.
     *
     * @return false when they were fixed before (the caller then sends what {@link #find} returns)
     */
    public boolean prepared(long id, String owner, String messageId, byte[] payload, String contentType) {
        return update("UPDATE regulatory_delivery SET message_id = ?, payload = ?, payload_sha256 = ?,"
                + " content_type = ? WHERE id = ? AND lease_owner = ? AND message_id IS NULL", messageId, payload,
                sha256(payload), contentType, id, owner) == 1;
    }

    /**
     * Records an attempt and the state it leaves the delivery in.
     *
     * @param state         {@link State#ACKNOWLEDGED}, {@link State#SENT}, {@link State#FAILED} or {@link State#DEAD}
     * @param nextAttemptAt when to try again ({@link State#FAILED}), or until when the receipt is awaited
     *                      ({@link State#SENT}, optional: without it a sent delivery waits for its receipt for ever)
     * @param mic           the integrity check of what was sent, if the transport computes one
     * @param receipt       the partner's receipt (MDN, hub answer), if any
     * @param receiptInfo   a readable summary of the receipt, if any
     * @param detail        why, for failures; what happened, otherwise
     * @return false when the lease was lost
     */
    public boolean attempted(long id, String owner, Instant startedAt, Instant finishedAt, State state,
                             Instant nextAttemptAt, String mic, byte[] receipt, String receiptInfo, String detail) {
        if (state == State.PENDING || state == State.FAILED && nextAttemptAt == null) {
            throw new IllegalArgumentException("an attempt ends acknowledged, sent, failed (with a next attempt) or"
                    + " dead, not " + state);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int attempt;
                try (PreparedStatement s = c.prepareStatement("SELECT attempts FROM regulatory_delivery WHERE id = ?"
                        + " AND lease_owner = ? FOR UPDATE")) {
                    s.setLong(1, id);
                    s.setString(2, owner);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            c.rollback();
                            return false;
                        }
                        attempt = r.getInt(1) + 1;
                    }
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE regulatory_delivery SET state = ?,"
                        + " attempts = ?, next_attempt_at = ?, last_error = ?, mic = COALESCE(?, mic),"
                        + " receipt = COALESCE(?, receipt), receipt_info = COALESCE(?, receipt_info),"
                        + " updated_at = ?, sent_at = CASE WHEN ? IN ('sent', 'acknowledged') THEN ? ELSE sent_at END,"
                        + " acknowledged_at = CASE WHEN ? = 'acknowledged' THEN ? ELSE acknowledged_at END"
                        + " WHERE id = ?")) {
                    int i = 1;
                    s.setString(i++, state.column());
                    s.setInt(i++, attempt);
                    s.setObject(i++, state == State.FAILED || state == State.SENT ? utc(nextAttemptAt) : null);
                    s.setString(i++, state == State.FAILED || state == State.DEAD ? clip(detail) : null);
                    s.setString(i++, mic);
                    s.setBytes(i++, receipt);
                    s.setString(i++, clip(receiptInfo));
                    s.setObject(i++, utc(finishedAt));
                    s.setString(i++, state.column());
                    s.setObject(i++, utc(finishedAt));
                    s.setString(i++, state.column());
                    s.setObject(i++, utc(finishedAt));
                    s.setLong(i, id);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO regulatory_delivery_attempt (delivery_id,"
                        + " attempt, started_at, finished_at, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setLong(1, id);
                    s.setInt(2, attempt);
                    s.setObject(3, utc(startedAt));
                    s.setObject(4, utc(finishedAt));
                    s.setString(5, state.column());
                    s.setString(6, clip(detail));
                    s.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("recording an attempt of delivery " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Records the partner's asynchronous receipt (an AS2 MDN) of the connector's delivery with this message id,
     * without a lease: the receipt arrives on its own request, whichever node sent the message. Only a delivery
     * that awaits a receipt is changed: one that is {@code sent}, or {@code failed} because the receipt was late,
     * since the message id and bytes of a resend are the same. The latest attempt takes the receipt's outcome.
     *
     * @param state         {@link State#ACKNOWLEDGED}, {@link State#FAILED} (with a next attempt) or {@link State#DEAD}
     * @param nextAttemptAt when to try again ({@link State#FAILED} only)
     * @param receipt       the receipt as received
     * @param receiptInfo   a readable summary of the receipt, e.g. its disposition
     * @param detail        why, for failures; what happened, otherwise
     * @return the delivery's id, or empty when no delivery of the connector with this message id awaits a receipt
     */
    public Optional<Long> receiptArrived(String connector, String messageId, Instant at, State state,
                                         Instant nextAttemptAt, byte[] receipt, String receiptInfo, String detail) {
        checkSettled(state, nextAttemptAt);
        return settle("connector = ? AND message_id = ? AND state IN ('sent', 'failed')",
                new Object[] {connector, messageId}, at, state, nextAttemptAt, receipt, receiptInfo, detail,
                "recording the receipt of message " + messageId);
    }

    /**
     * Records that the receipt of a sent delivery did not come in time, under the caller's lease: the delivery
     * becomes failed (retried at {@code nextAttemptAt}) or dead, and the latest attempt says why.
     *
     * @param state {@link State#FAILED} (with a next attempt) or {@link State#DEAD}
     * @return false when the lease was lost or the delivery no longer awaits its receipt (it arrived meanwhile)
     */
    public boolean receiptOverdue(long id, String owner, Instant now, State state, Instant nextAttemptAt,
                                  String detail) {
        if (state == State.ACKNOWLEDGED) {
            throw new IllegalArgumentException("an overdue receipt leaves a delivery failed or dead, not " + state);
        }
        checkSettled(state, nextAttemptAt);
        return settle("id = ? AND lease_owner = ? AND state = 'sent'", new Object[] {id, owner}, now, state,
                nextAttemptAt, null, null, detail, "recording the overdue receipt of delivery " + id).isPresent();
    }

    private static void checkSettled(State state, Instant nextAttemptAt) {
        if (state == State.PENDING || state == State.SENT || state == State.FAILED && nextAttemptAt == null) {
            throw new IllegalArgumentException("a receipt leaves a delivery acknowledged, failed (with a next"
                    + " attempt) or dead, not " + state);
        }
    }

    /** Moves the one delivery matching {@code where} to {@code state} and gives its latest attempt that outcome. */
    private Optional<Long> settle(String where, Object[] whereArgs, Instant at, State state, Instant nextAttemptAt,
                                  byte[] receipt, String receiptInfo, String detail, String what) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                int attempt;
                try (PreparedStatement s = c.prepareStatement("SELECT id, attempts FROM regulatory_delivery WHERE "
                        + where + " ORDER BY id LIMIT 1 FOR UPDATE")) {
                    for (int i = 0; i < whereArgs.length; i++) {
                        s.setObject(i + 1, whereArgs[i]);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            c.rollback();
                            return Optional.empty();
                        }
                        id = r.getLong(1);
                        attempt = r.getInt(2);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE regulatory_delivery SET state = ?,"
                        + " next_attempt_at = ?, last_error = ?, receipt = COALESCE(?, receipt),"
                        + " receipt_info = COALESCE(?, receipt_info), updated_at = ?,"
                        + " acknowledged_at = CASE WHEN ? = 'acknowledged' THEN ? ELSE acknowledged_at END"
                        + " WHERE id = ?")) {
                    int i = 1;
                    s.setString(i++, state.column());
                    s.setObject(i++, state == State.FAILED ? utc(nextAttemptAt) : null);
                    s.setString(i++, state == State.ACKNOWLEDGED ? null : clip(detail));
                    s.setBytes(i++, receipt);
                    s.setString(i++, clip(receiptInfo));
                    s.setObject(i++, utc(at));
                    s.setString(i++, state.column());
                    s.setObject(i++, utc(at));
                    s.setLong(i, id);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE regulatory_delivery_attempt SET outcome = ?,"
                        + " finished_at = ?, detail = ? WHERE delivery_id = ? AND attempt = ?")) {
                    s.setString(1, state.column());
                    s.setObject(2, utc(at));
                    s.setString(3, clip(detail));
                    s.setLong(4, id);
                    s.setInt(5, attempt);
                    s.executeUpdate();
                }
                c.commit();
                return Optional.of(id);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** The connector's delivery sent with this message id, with its bytes and receipt. */
    public Optional<Delivery> findByMessageId(String connector, String messageId) {
        return select("SELECT " + ALL_COLUMNS + " FROM regulatory_delivery WHERE connector = ? AND message_id = ?"
                + " ORDER BY id LIMIT 1", connector, messageId).stream().findFirst();
    }

    /**
     * Sends a dead or failed delivery again now, with its message id and bytes (an operator's replay).
     *
     * @return false when there is no such delivery or it is not dead or failed
     */
    public boolean replay(long id, Instant now) {
        return update("UPDATE regulatory_delivery SET state = 'pending', next_attempt_at = ?, updated_at = ?"
                + " WHERE id = ? AND state IN ('dead', 'failed')", utc(now), utc(now), id) == 1;
    }

    /** A delivery with its bytes and receipt. */
    public Optional<Delivery> find(long id) {
        List<Delivery> found = select("SELECT " + ALL_COLUMNS + " FROM regulatory_delivery WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /**
     * Up to {@code limit} deliveries with ids above {@code afterId}, by id, of the connector and in the state when
     * given (null for any), without their bytes.
     */
    public List<Delivery> page(String connector, State state, long afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + LIST_COLUMNS + " FROM regulatory_delivery WHERE id > ?");
        List<Object> args = new ArrayList<>(List.of(afterId));
        if (connector != null) {
            sql.append(" AND connector = ?");
            args.add(connector);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state.column());
        }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(limit);
        return select(sql.toString(), args.toArray());
    }

    /** The attempts of a delivery, in order. */
    public List<Attempt> attempts(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT attempt, started_at, finished_at, outcome, detail FROM regulatory_delivery_attempt"
                        + " WHERE delivery_id = ? ORDER BY attempt")) {
            s.setLong(1, id);
            List<Attempt> attempts = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    attempts.add(new Attempt(r.getInt(1), instant(r, 2), instant(r, 3), r.getString(4),
                            r.getString(5)));
                }
            }
            return attempts;
        } catch (SQLException e) {
            throw new StoreException("reading the attempts of delivery " + id + " failed: " + e.getMessage(), e);
        }
    }

    private List<Delivery> select(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Delivery> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long outbox = r.getLong("outbox_id");
                    Long outboxId = r.wasNull() ? null : outbox;
                    found.add(new Delivery(r.getLong("id"), r.getString("connector"), r.getString("partner"),
                            r.getString("subject"), outboxId, State.of(r.getString("state")),
                            r.getString("message_id"), r.getBytes("payload"), r.getString("payload_sha256"),
                            r.getString("content_type"), r.getString("mic"), r.getInt("attempts"),
                            instant(r, "next_attempt_at"), r.getString("last_error"), r.getBytes("receipt"),
                            r.getString("receipt_info"), instant(r, "created_at"), instant(r, "updated_at"),
                            instant(r, "sent_at"), instant(r, "acknowledged_at")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("reading deliveries failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof byte[] bytes) {
                    s.setBytes(i + 1, bytes);
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("updating a delivery failed: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        LocalDateTime t = r.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        LocalDateTime t = r.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
