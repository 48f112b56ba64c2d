package io.tracewell.epcis.store.job;

import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.access.Visibility;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.store.write.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * The {@code capture_job} table and the received documents (docs/store.md §6).
 *
 * <p>Life of a job: {@link #receive} creates it as {@code RECEIVING} and returns the stream its document is
 * written to, in 1 MiB pieces ({@code capture_job_chunk}), so no document is ever held in memory whole;
 * {@link #submit} makes it {@code RUNNING} (only then does the client get its {@code 202}); a worker holding the
 * job's lease reads the document back ({@link #openDocument}) and ends the job with {@link #finish}, in the
 * transaction that stores its events. A job whose node died is found by {@link #abandoned} and finished from the
 * kept document by another worker or after the restart. Times come from the database clock.
 */
public final class CaptureJobs {

    /** The size of one stored piece of a document: far below MariaDB's smallest max_allowed_packet (16 MiB). */
    public static final int CHUNK_SIZE = 1024 * 1024;

    private static final String COLUMNS = "capture_id, state, error_behaviour, created_at, finished_at, media_type,"
            + " document_size, event_count, events_stored, errors, organisation,"
            + " NOT EXISTS (SELECT 1 FROM epcis_outbox o WHERE o.capture_id = capture_job.capture_id"
            + " AND o.visible_seq IS NULL)";

    private final DataSource dataSource;

    public CaptureJobs(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Starts receiving a document: a {@code RECEIVING} job leased to {@code owner}. Write the document to the
     * returned stream and then call {@link #submit}; on failure call {@link #discard}.
     *
     * @param organisation the organisation submitting the document: the job and its events belong to it
     */
    public DocumentUpload receive(String captureId, String organisation, CaptureErrorBehaviour behaviour,
                                  String mediaType, String owner, Duration lease) {
        if (organisation == null || organisation.isBlank()) {
            throw new IllegalArgumentException("a capture job belongs to an organisation");
        }
        update("creating capture job " + captureId, "INSERT INTO capture_job (capture_id, organisation, state,"
                        + " error_behaviour, created_at, lease_owner, lease_until, media_type) VALUES (?, ?,"
                        + " 'RECEIVING', ?, UTC_TIMESTAMP(6), ?, UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND, ?)",
                captureId, organisation, behaviour.name(), owner, micros(lease), mediaType);
        return new DocumentUpload(captureId, owner, lease);
    }

    /**
     * Makes a received job {@code RUNNING}, unless the same document (same SHA-256, same error behaviour) was
     * submitted before and is running or captured: then this job is discarded and the earlier job's ID is
     * returned, so a client that retries a document does not capture it twice. Only jobs of the same
     * organisation count: another organisation's document is not revealed, and its events are not this one's.
     */
    public Optional<String> submit(String captureId, DocumentUpload upload) {
        if (!upload.finished) {
            throw new IllegalStateException("the upload of " + captureId + " is not finished");
        }
        String sql = "SELECT j.capture_id FROM capture_job j JOIN capture_job r ON r.capture_id = ?"
                + " WHERE j.document_sha256 = ? AND j.state IN ('RUNNING', 'SUCCESS')"
                + " AND j.error_behaviour = r.error_behaviour AND j.organisation = r.organisation"
                + " AND j.capture_id <> r.capture_id"
                + " ORDER BY j.created_at LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, captureId);
            s.setString(2, upload.sha256());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    String earlier = r.getString(1);
                    discard(captureId);
                    return Optional.of(earlier);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("submitting capture job " + captureId + " failed: " + e.getMessage(), e);
        }
        int updated = update("submitting capture job " + captureId, "UPDATE capture_job SET state = 'RUNNING',"
                        + " created_at = UTC_TIMESTAMP(6), document_size = ?, document_sha256 = ?"
                        + " WHERE capture_id = ? AND state = 'RECEIVING'",
                upload.size(), upload.sha256(), captureId);
        if (updated != 1) {
            throw new StoreException("capture job " + captureId + " is no longer receiving", null);
        }
        return Optional.empty();
    }

    /** Removes a job that was not submitted, with its document. */
    public void discard(String captureId) {
        update("discarding the document of " + captureId, "DELETE FROM capture_job_chunk WHERE capture_id = ?",
                captureId);
        update("discarding capture job " + captureId, "DELETE FROM capture_job WHERE capture_id = ?", captureId);
    }

    /** The kept document of a job, read piece by piece. */
    public InputStream openDocument(String captureId) {
        return new ChunkInput(captureId);
    }

    /** A submitted job (never one still receiving). */
    public Optional<CaptureJob> find(String captureId) {
        List<CaptureJob> found = select("SELECT " + COLUMNS + " FROM capture_job WHERE capture_id = ?"
                + " AND state <> 'RECEIVING'", captureId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * A submitted job that {@code caller} may see: one of its own organisation's, or any for a regulator. Another
     * organisation's job is answered as absent, so its existence is not revealed.
     */
    public Optional<CaptureJob> find(String captureId, Caller caller) {
        return find(captureId).filter(job -> Visibility.owns(caller, job.organisation()));
    }

    /**
     * Submitted jobs that {@code caller} may see ({@link #find(String, Caller)}), newest first, {@code limit} at a
     * time: pass the last job of a page as {@code after} for the next one (keyset paging: stable while jobs are
     * added).
     */
    public List<CaptureJob> list(Caller caller, CaptureJob after, int limit) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM capture_job WHERE state <> 'RECEIVING'");
        if (!caller.readsAll()) {
            sql.append(" AND organisation = ?");
            arguments.add(caller.organisation());
        }
        if (after != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND capture_id < ?))");
            arguments.add(utc(after.createdAt()));
            arguments.add(utc(after.createdAt()));
            arguments.add(after.captureId());
        }
        sql.append(" ORDER BY created_at DESC, capture_id DESC LIMIT ?");
        arguments.add(limit);
        return select(sql.toString(), arguments.toArray());
    }

    /**
     * Running jobs nobody works on, oldest first: their lease ran out, or they were held by an earlier run of
     * this node ({@code nodePrefix}, not {@code currentOwner}), which is certainly dead.
     */
    public List<String> abandoned(String nodePrefix, String currentOwner, int limit) {
        String sql = "SELECT capture_id FROM capture_job WHERE state = 'RUNNING' AND (lease_owner IS NULL"
                + " OR lease_until < UTC_TIMESTAMP(6) OR (lease_owner LIKE ? AND lease_owner <> ?))"
                + " ORDER BY created_at LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, likePrefix(nodePrefix));
            s.setString(2, currentOwner);
            s.setInt(3, limit);
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

    /**
     * Takes the lease of a running job: when it is free, expired, held by {@code owner} already, or held by an
     * earlier run of this node ({@code nodePrefix}). True when {@code owner} holds it now.
     */
    public boolean claim(String captureId, String owner, String nodePrefix, Duration lease) {
        return update("claiming capture job " + captureId, "UPDATE capture_job SET lease_owner = ?,"
                        + " lease_until = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND WHERE capture_id = ?"
                        + " AND state = 'RUNNING' AND (lease_owner IS NULL OR lease_until < UTC_TIMESTAMP(6)"
                        + " OR lease_owner = ? OR lease_owner LIKE ?)",
                owner, micros(lease), captureId, owner, likePrefix(nodePrefix)) == 1;
    }

    /** Extends the lease of every job {@code owner} holds (receiving or running); returns how many. */
    public int renew(String owner, Duration lease) {
        return update("renewing capture job leases", "UPDATE capture_job SET lease_until = UTC_TIMESTAMP(6)"
                + " + INTERVAL ? MICROSECOND WHERE lease_owner = ? AND state IN ('RECEIVING', 'RUNNING')",
                micros(lease), owner);
    }

    /**
     * Records, in the caller's transaction, how far a {@code proceed} job has come: the events handled (stored
     * or rejected) and stored so far, and the errors so far. A resumed job starts after {@code eventsDone}.
     */
    public void progress(Connection c, String captureId, int eventsDone, int eventsStored, String errorsJson)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE capture_job SET events_done = ?, events_stored = ?,"
                + " errors = ? WHERE capture_id = ? AND state = 'RUNNING'")) {
            s.setInt(1, eventsDone);
            s.setInt(2, eventsStored);
            s.setString(3, errorsJson);
            s.setString(4, captureId);
            s.executeUpdate();
        }
    }

    /** Where a resumed job goes on: events handled and stored in committed batches. */
    public Progress progress(String captureId) {
        String sql = "SELECT events_done, events_stored, errors FROM capture_job WHERE capture_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, captureId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Progress(r.getInt(1), r.getInt(2), r.getString(3)) : new Progress(0, 0, null);
            }
        } catch (SQLException e) {
            throw new StoreException("reading the progress of " + captureId + " failed: " + e.getMessage(), e);
        }
    }

    /** How far a job has come, see {@link #progress(Connection, String, int, int, String)}. */
    public record Progress(int eventsDone, int eventsStored, String errorsJson) {}

    /**
     * Ends a running job in the caller's transaction (the one that stores its events, so a job is finished
     * exactly when its events are committed). False when the job was not running.
     */
    public boolean finish(Connection c, String captureId, CaptureJobState state, int eventCount, int eventsStored,
                          String errorsJson) throws SQLException {
        if (state != CaptureJobState.SUCCESS && state != CaptureJobState.FAILED) {
            throw new IllegalArgumentException("a job finishes as SUCCESS or FAILED, not " + state);
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE capture_job SET state = ?, event_count = ?,"
                + " events_done = ?, events_stored = ?, errors = ?, finished_at = UTC_TIMESTAMP(6),"
                + " lease_owner = NULL, lease_until = NULL WHERE capture_id = ? AND state = 'RUNNING'")) {
            s.setString(1, state.name());
            s.setInt(2, eventCount);
            s.setInt(3, eventCount);
            s.setInt(4, eventsStored);
            s.setString(5, errorsJson);
            s.setString(6, captureId);
            return s.executeUpdate() == 1;
        }
    }

    /** {@link #finish(Connection, String, CaptureJobState, int, int, String)} in a transaction of its own. */
    public boolean finish(String captureId, CaptureJobState state, int eventCount, int eventsStored,
                          String errorsJson) {
        try (Connection c = dataSource.getConnection()) {
            return finish(c, captureId, state, eventCount, eventsStored, errorsJson);
        } catch (SQLException e) {
            throw new StoreException("finishing capture job " + captureId + " failed: " + e.getMessage(), e);
        }
    }

    /** Deletes the kept document of a finished job. */
    public void dropDocument(String captureId) {
        update("dropping the document of " + captureId, "DELETE c FROM capture_job_chunk c JOIN capture_job j"
                + " ON j.capture_id = c.capture_id WHERE c.capture_id = ? AND j.state IN ('SUCCESS', 'FAILED')",
                captureId);
    }

    /**
     * Clears what crashes leave behind: jobs still receiving whose lease ran out (their client never got a
     * {@code 202}) and documents of finished jobs. Returns the number of jobs removed.
     */
    public int sweep() {
        List<String> stale = new ArrayList<>();
        String sql = "SELECT capture_id FROM capture_job WHERE state = 'RECEIVING' AND lease_until < UTC_TIMESTAMP(6)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                stale.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("looking for stale uploads failed: " + e.getMessage(), e);
        }
        stale.forEach(this::discard);
        update("dropping documents of finished jobs", "DELETE c FROM capture_job_chunk c JOIN capture_job j"
                + " ON j.capture_id = c.capture_id WHERE j.state IN ('SUCCESS', 'FAILED')");
        return stale.size();
    }

    /** Whether events of this job are stored. */
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

    /**
     * The stream a received document is written to. Each full piece is inserted (and committed) at once; the
     * lease is renewed as pieces arrive. {@link #close()} writes the last piece; it does not submit the job.
     */
    public final class DocumentUpload extends OutputStream {
        private final String captureId;
        private final String owner;
        private final Duration lease;
        private final MessageDigest digest = sha256Digest();
        private final byte[] buffer = new byte[CHUNK_SIZE];
        private int filled;
        private int seq;
        private long size;
        private long lastRenewal = System.nanoTime();
        private boolean finished;
        private String sha256;

        private DocumentUpload(String captureId, String owner, Duration lease) {
            this.captureId = captureId;
            this.owner = owner;
            this.lease = lease;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (finished) {
                throw new IOException("the upload of " + captureId + " is closed");
            }
            digest.update(bytes, offset, length);
            size += length;
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == buffer.length) {
                    flushChunk();
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (finished) {
                return;
            }
            if (filled > 0 || seq == 0) {
                flushChunk();
            }
            finished = true;
            sha256 = HexFormat.of().formatHex(digest.digest());
        }

        /** Bytes written so far. */
        public long size() {
            return size;
        }

        /** The document's SHA-256 in hex, once closed. */
        public String sha256() {
            if (!finished) {
                throw new IllegalStateException("the upload is not closed");
            }
            return sha256;
        }

        private void flushChunk() throws IOException {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO capture_job_chunk (capture_id, seq, data) VALUES (?, ?, ?)")) {
                s.setString(1, captureId);
                s.setInt(2, seq);
                byte[] piece = filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled);
                s.setBytes(3, piece);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IOException("storing piece " + seq + " of the document of " + captureId + " failed: "
                        + e.getMessage(), e);
            }
            seq++;
            filled = 0;
            if (System.nanoTime() - lastRenewal > lease.toNanos() / 3) {
                renew(owner, lease);
                lastRenewal = System.nanoTime();
            }
        }
    }

    /** Reads a kept document piece by piece, each piece with a short query of its own. */
    private final class ChunkInput extends InputStream {
        private final String captureId;
        private byte[] piece = new byte[0];
        private int position;
        private int nextSeq;
        private boolean end;

        ChunkInput(String captureId) {
            this.captureId = captureId;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return piece[position++] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, piece.length - position);
            System.arraycopy(piece, position, bytes, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position >= piece.length) {
                if (end) {
                    return false;
                }
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                        "SELECT data FROM capture_job_chunk WHERE capture_id = ? AND seq = ?")) {
                    s.setString(1, captureId);
                    s.setInt(2, nextSeq);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            if (nextSeq == 0) {
                                throw new IOException("the document of capture job " + captureId + " is not kept");
                            }
                            end = true;
                            return false;
                        }
                        piece = r.getBytes(1);
                        position = 0;
                        nextSeq++;
                    }
                } catch (SQLException e) {
                    throw new IOException("reading piece " + nextSeq + " of the document of " + captureId
                            + " failed: " + e.getMessage(), e);
                }
            }
            return true;
        }
    }

    private List<CaptureJob> select(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<CaptureJob> jobs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int count = r.getInt(8);
                    Integer eventCount = r.wasNull() ? null : count; // wasNull() speaks of the last column read
                    jobs.add(new CaptureJob(r.getString(1), CaptureJobState.valueOf(r.getString(2)),
                            CaptureErrorBehaviour.valueOf(r.getString(3)), instant(r, 4), instant(r, 5),
                            r.getString(6), r.getLong(7), eventCount, r.getInt(9), r.getString(10),
                            r.getString(11), r.getBoolean(12)));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new StoreException("reading capture jobs failed: " + e.getMessage(), e);
        }
    }

    /**
     * One statement in its own transaction. InnoDB may pick it as the victim of a deadlock with another job's
     * statements on the same index pages (or a lock wait may time out); it was then rolled back whole, so it is
     * run again, a few times, before the failure is reported.
     */
    private int update(String what, String sql, Object... parameters) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                return s.executeUpdate();
            } catch (SQLException e) {
                StoreException failure = new StoreException(what + " failed: " + e.getMessage(), e);
                if (!failure.isTransient() || attempt == EventStore.TRANSIENT_ATTEMPTS) {
                    throw failure;
                }
                EventStore.pause(attempt);
            }
        }
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        LocalDateTime utc = r.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
