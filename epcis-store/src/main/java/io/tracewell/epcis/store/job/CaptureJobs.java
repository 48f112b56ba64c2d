package io.tracewell.epcis.store.job;

import io.tracewell.epcis.store.write.StoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code capture_job} table (docs/store.md §6): a job is created with the received document, worked on
 * under a lease, and finished; a job whose node died is found again by its expired lease and finished from the
 * kept document. Times come from the database clock ({@code UTC_TIMESTAMP(6)}).
 */
public final class CaptureJobs {

    private final DataSource dataSource;

    public CaptureJobs(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Records a new running job holding the document, leased to {@code owner} for {@code lease}. */
    public void create(String captureId, CaptureErrorBehaviour behaviour, String mediaType, byte[] document,
                       String owner, Duration lease) {
        update("creating capture job " + captureId, "INSERT INTO capture_job (capture_id, state, error_behaviour,"
                        + " created_at, started_at, lease_owner, lease_until, media_type, document, document_sha256)"
                        + " VALUES (?, 'RUNNING', ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), ?,"
                        + " UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND, ?, ?, ?)",
                captureId, behaviour.name(), owner, micros(lease), mediaType, document, sha256(document));
    }

    public Optional<CaptureJob> find(String captureId) {
        String sql = "SELECT capture_id, state, error_behaviour, created_at, finished_at, media_type, event_count,"
                + " errors FROM capture_job WHERE capture_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, captureId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                int count = r.getInt(7);
                Integer eventCount = r.wasNull() ? null : count; // wasNull() speaks of the last column read
                return Optional.of(new CaptureJob(r.getString(1), CaptureJobState.valueOf(r.getString(2)),
                        CaptureErrorBehaviour.valueOf(r.getString(3)), instant(r, 4), instant(r, 5), r.getString(6),
                        eventCount, r.getString(8)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading capture job " + captureId + " failed: " + e.getMessage(), e);
        }
    }

    /** The kept document of a running job, empty once the job has finished. */
    public Optional<byte[]> document(String captureId) {
        String sql = "SELECT document FROM capture_job WHERE capture_id = ? AND document IS NOT NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, captureId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the document of capture job " + captureId + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Running jobs whose lease has run out (their node died), oldest first. */
    public List<String> abandoned(int limit) {
        String sql = "SELECT capture_id FROM capture_job WHERE state = 'RUNNING'"
                + " AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP(6)) ORDER BY created_at LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("looking for abandoned capture jobs failed: " + e.getMessage(), e);
        }
    }

    /** Takes or renews the lease of a running job; true when {@code owner} holds it now. */
    public boolean claim(String captureId, String owner, Duration lease) {
        return update("claiming capture job " + captureId, "UPDATE capture_job SET lease_owner = ?,"
                        + " lease_until = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND WHERE capture_id = ?"
                        + " AND state = 'RUNNING' AND (lease_owner IS NULL OR lease_until < UTC_TIMESTAMP(6)"
                        + " OR lease_owner = ?)",
                owner, micros(lease), captureId, owner) == 1;
    }

    /**
     * Ends a running job: state, event count and errors; the kept document is dropped and the lease
     * released. False when the job was not running (finished already).
     */
    public boolean finish(String captureId, CaptureJobState state, int eventCount, String errorsJson) {
        if (state == CaptureJobState.RUNNING) {
            throw new IllegalArgumentException("a job finishes as SUCCESS or FAILED, not RUNNING");
        }
        return update("finishing capture job " + captureId, "UPDATE capture_job SET state = ?, event_count = ?,"
                        + " errors = ?, finished_at = UTC_TIMESTAMP(6), document = NULL, lease_owner = NULL,"
                        + " lease_until = NULL WHERE capture_id = ? AND state = 'RUNNING'",
                state.name(), eventCount, errorsJson, captureId) == 1;
    }

    /** Whether events of this job are stored: a job resumed after a crash must not store them twice. */
    public boolean hasStoredEvents(String captureId) {
        String sql = "SELECT 1 FROM epcis_event WHERE capture_id = ? LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, captureId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StoreException("looking up the events of capture job " + captureId + " failed: "
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

    private static Instant instant(ResultSet r, int column) throws SQLException {
        LocalDateTime utc = r.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    private static String sha256(byte[] document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
