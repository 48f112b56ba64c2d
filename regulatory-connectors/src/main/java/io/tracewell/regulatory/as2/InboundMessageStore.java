package io.tracewell.regulatory.as2;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.tracewell.epcis.store.write.StoreException;

/**
 * The AS2 messages received from partners (table {@code as2_inbound_message}, migration V9): each verified message
 * once per {@code (partner AS2 ID, Message-ID)}, with the document, the MIC answered, and whether it was handed on.
 *
 * <p>{@link #record} commits the row on its own before the MDN is answered; a second message with the same key finds
 * the first row instead. Handing on happens under a lease ({@link #claim}), so that a resend arriving while the first
 * copy is being handed on, or two nodes retrying, do not hand it on twice.
 */
public final class InboundMessageStore {

    /** Where the hand-on of a message stands. */
    public enum HandOnState {
        /** Being handed on, under a lease. */
        HANDING,
        /** Handed on; the reference is recorded. */
        DONE,
        /** The last hand-on failed; the error is recorded and the hand-on is tried again. */
        FAILED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static HandOnState of(String column) {
            return valueOf(column.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One received message.
     *
     * @param payload the document as received (after decryption and signature check, transfer encoding undone)
     * @param mic     the Received-Content-MIC answered for the first copy
     */
    public record InboundMessage(long id, String partnerAs2Id, String messageId, byte[] payload, String payloadSha256,
                                 String contentType, String mic, Instant receivedAt, HandOnState handOnState,
                                 int handOnAttempts, Instant handOnLeaseUntil, String captureRef, String handOnError,
                                 Instant handedOnAt) {
    }

    /**
     * The result of {@link #record}.
     *
     * @param message   the row: the new one, or the one recorded before
     * @param duplicate true when the message was recorded before under the same partner and Message-ID
     */
    public record Recording(InboundMessage message, boolean duplicate) {
    }

    private static final String COLUMNS = "id, partner_as2_id, message_id, payload, payload_sha256, content_type, mic,"
            + " received_at, hand_on_state, hand_on_attempts, hand_on_lease_until, capture_ref, hand_on_error,"
            + " handed_on_at";
    private static final int MAX_TEXT = 4000;
    private static final int MAX_REFERENCE = 255;
    private static final int MAX_CONTENT_TYPE = 255;

    private final DataSource dataSource;

    public InboundMessageStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Records a verified message in a transaction of its own, leased for its first hand-on until {@code leaseUntil};
     * when the partner sent this Message-ID before, returns that row instead and changes nothing.
     *
     * @throws StoreException when the database cannot record it
     */
    public Recording record(String partnerAs2Id, String messageId, byte[] payload, String contentType, String mic,
                            Instant now, Instant leaseUntil) {
        Objects.requireNonNull(payload, "payload");
        String sha256 = sha256(payload);
        String type = contentType == null ? null : clip(contentType, MAX_CONTENT_TYPE);
        Instant receivedAt = now.truncatedTo(ChronoUnit.MICROS);
        Instant lease = leaseUntil.truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO as2_inbound_message (partner_as2_id,"
                    + " message_id, payload, payload_sha256, content_type, mic, received_at, hand_on_state,"
                    + " hand_on_attempts, hand_on_lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, 'handing', 0, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, partnerAs2Id);
                s.setString(2, messageId);
                s.setBytes(3, payload);
                s.setString(4, sha256);
                s.setString(5, type);
                s.setString(6, mic);
                s.setObject(7, utc(receivedAt));
                s.setObject(8, utc(lease));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no id for the new row");
                    }
                    return new Recording(new InboundMessage(keys.getLong(1), partnerAs2Id, messageId, payload.clone(),
                            sha256, type, mic, receivedAt, HandOnState.HANDING, 0, lease, null, null, null), false);
                }
            } catch (SQLIntegrityConstraintViolationException duplicate) {
                // The unique key (partner, Message-ID): a row recorded and committed before; InnoDB makes a
                // concurrent insert of the same key wait for the other transaction and fail only once it committed.
                InboundMessage first = find(c, partnerAs2Id, messageId).orElseThrow(() -> new SQLException(
                        "duplicate key for " + partnerAs2Id + " " + messageId + " but no row found", duplicate));
                return new Recording(first, true);
            }
        } catch (SQLException e) {
            throw new StoreException("recording AS2 message " + messageId + " from " + partnerAs2Id + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Takes a message for handing on until {@code until}, when its last hand-on failed or the lease of a running one
     * expired before {@code now}.
     *
     * @return true when this caller holds the lease now
     */
    public boolean claim(long id, Instant now, Instant until) {
        return update("UPDATE as2_inbound_message SET hand_on_state = 'handing', hand_on_lease_until = ?"
                + " WHERE id = ? AND (hand_on_state = 'failed'"
                + " OR (hand_on_state = 'handing' AND hand_on_lease_until < ?))",
                utc(until.truncatedTo(ChronoUnit.MICROS)), id, utc(now)) == 1;
    }

    /**
     * Records a hand-on that returned {@code reference}, if the lease ending at {@code leaseUntil} is still the one
     * held.
     *
     * @return false when the lease was taken over meanwhile
     */
    public boolean handedOn(long id, Instant leaseUntil, String reference, Instant now) {
        return update("UPDATE as2_inbound_message SET hand_on_state = 'done', capture_ref = ?, hand_on_error = NULL,"
                + " handed_on_at = ?, hand_on_attempts = hand_on_attempts + 1, hand_on_lease_until = NULL"
                + " WHERE id = ? AND hand_on_state = 'handing' AND hand_on_lease_until = ?",
                clip(reference, MAX_REFERENCE), utc(now), id, utc(leaseUntil.truncatedTo(ChronoUnit.MICROS))) == 1;
    }

    /**
     * Records a failed hand-on, if the lease ending at {@code leaseUntil} is still the one held.
     *
     * @return false when the lease was taken over meanwhile
     */
    public boolean handOnFailed(long id, Instant leaseUntil, String error) {
        return update("UPDATE as2_inbound_message SET hand_on_state = 'failed', hand_on_error = ?,"
                + " hand_on_attempts = hand_on_attempts + 1, hand_on_lease_until = NULL"
                + " WHERE id = ? AND hand_on_state = 'handing' AND hand_on_lease_until = ?",
                clip(error, MAX_TEXT), id, utc(leaseUntil.truncatedTo(ChronoUnit.MICROS))) == 1;
    }

    /** The ids of messages to hand on again: failed ones, and running ones whose lease expired before {@code now}. */
    public List<Long> dueForHandOn(Instant now, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM as2_inbound_message WHERE hand_on_state = 'failed'"
                        + " OR (hand_on_state = 'handing' AND hand_on_lease_until < ?) ORDER BY id LIMIT ?")) {
            s.setObject(1, utc(now));
            s.setInt(2, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("looking for AS2 messages to hand on failed: " + e.getMessage(), e);
        }
    }

    /** The message the partner sent under {@code messageId}, if it was recorded. */
    public Optional<InboundMessage> find(String partnerAs2Id, String messageId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, partnerAs2Id, messageId);
        } catch (SQLException e) {
            throw new StoreException("reading AS2 message " + messageId + " from " + partnerAs2Id + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The message with this row id. */
    public Optional<InboundMessage> find(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM as2_inbound_message WHERE id = ?")) {
            s.setLong(1, id);
            return one(s);
        } catch (SQLException e) {
            throw new StoreException("reading AS2 message " + id + " failed: " + e.getMessage(), e);
        }
    }

    private static Optional<InboundMessage> find(Connection c, String partnerAs2Id, String messageId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM as2_inbound_message"
                + " WHERE partner_as2_id = ? AND message_id = ?")) {
            s.setString(1, partnerAs2Id);
            s.setString(2, messageId);
            return one(s);
        }
    }

    private static Optional<InboundMessage> one(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(new InboundMessage(r.getLong("id"), r.getString("partner_as2_id"),
                    r.getString("message_id"), r.getBytes("payload"), r.getString("payload_sha256"),
                    r.getString("content_type"), r.getString("mic"), instant(r, "received_at"),
                    HandOnState.of(r.getString("hand_on_state")), r.getInt("hand_on_attempts"),
                    instant(r, "hand_on_lease_until"), r.getString("capture_ref"), r.getString("hand_on_error"),
                    instant(r, "handed_on_at")));
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("updating an AS2 message failed: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no SHA-256", e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        LocalDateTime value = r.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
