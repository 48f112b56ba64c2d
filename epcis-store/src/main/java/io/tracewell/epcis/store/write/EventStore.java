package io.tracewell.epcis.store.write;

import static io.tracewell.epcis.store.write.SqlValues.canonical;
import static io.tracewell.epcis.store.write.SqlValues.utc;

import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.store.read.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes captured events: the event rows, every projection row and the outbox row of a batch, in one
 * transaction (docs/store.md). Reads events back from the stored JSON-LD.
 */
public final class EventStore {

    private static final String INSERT_EVENT = "INSERT INTO epcis_event (outbox_id, capture_id, organisation,"
            + " event_type, action, event_time, event_time_zone_offset, record_time, event_id, hash_id, biz_step,"
            + " disposition, read_point, biz_location, transformation_id, certification_info, has_error_declaration,"
            + " error_declaration_time, error_reason, has_sensor_data, event_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventStore.class);

    private final DataSource dataSource;
    private final EventHasher hasher;
    private final Clock clock;
    private final OutboxPublisher publisher;
    private final java.util.List<Runnable> visibleListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EventStore(DataSource dataSource, EventHasher hasher, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publisher = new OutboxPublisher(dataSource);
    }

    /**
     * Runs {@code listener} each time events this store committed have become visible (their outbox row numbered),
     * on the committing thread: quick work only, such as waking a subscription runner.
     */
    public void onVisible(Runnable listener) {
        visibleListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The standard CBV 2.0 hash, the system clock. */
    public static EventStore of(DataSource dataSource) {
        return new EventStore(dataSource, EventHasher.standard(), Clock.systemUTC());
    }

    /**
     * Stores the events, all or nothing. Each event gets the server's recordTime (EPCIS 2.0 §7.4.1: set by
     * the repository at capture) and, when it has no eventID, its CBV 2.0 event hash ID (CBV 2.0 §8.9), which
     * the REST binding suggests for servers that populate missing IDs. An event already stored (same hash ID,
     * neither with an error declaration) is not stored again: it is listed in {@link StoreResult#duplicates()}.
     *
     * @throws StoreLimitException when a value is longer than its column; nothing was written
     * @throws StoreException when the database refuses the batch; nothing of it was written
     */
    public StoreResult store(List<EpcisEvent> events, CaptureContext ctx) {
        for (int i = 0; i < events.size(); i++) {
            ColumnLimits.check(i, events.get(i));
        }
        for (int attempt = 1; ; attempt++) {
            try (Session session = open(ctx)) {
                StoreResult result = session.add(events);
                session.commit();
                return result;
            } catch (StoreException e) {
                if (!e.isTransient() || attempt == TRANSIENT_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** How often {@link #store} runs a transaction that the database rolled back for a conflict. */
    public static final int TRANSIENT_ATTEMPTS = 5;

    /** A short, growing, randomised wait before the next attempt, so that two colliding writers part. */
    public static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to store again", e);
        }
    }

    /**
     * Throws {@link StoreLimitException} when a value of the event is longer than the store keeps; {@code index}
     * names the event in the message ({@code events[index]...}).
     */
    public static void checkColumnLimits(int index, EpcisEvent event) {
        ColumnLimits.check(index, event);
    }

    /**
     * A transaction that events are added to batch by batch, for captures too large to hold in memory: nothing
     * is visible to others until {@link Session#commit}, and closing without commit rolls everything back.
     */
    public Session open(CaptureContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        try {
            return new Session(dataSource.getConnection(), ctx);
        } catch (SQLException e) {
            throw new StoreException("no database connection for storing events: " + e.getMessage(), e);
        }
    }

    /** Work done in the session's transaction just before it commits (finishing a capture job, say). */
    @FunctionalInterface
    public interface InTransaction {
        void run(Connection connection) throws SQLException;
    }

    /** One open store transaction; not thread-safe. */
    public final class Session implements AutoCloseable {
        private final Connection connection;
        private final CaptureContext ctx;
        private final boolean autoCommit;
        private final int isolation;
        private long outboxId = -1;
        private int eventCount;
        private long lastRowId;
        private LocalDateTime recordTime;
        private EpcisTime recordTimeValue;
        private boolean open = true;

        private Session(Connection connection, CaptureContext ctx) throws SQLException {
            this.connection = connection;
            this.ctx = ctx;
            this.autoCommit = connection.getAutoCommit();
            this.isolation = connection.getTransactionIsolation();
            try {
                // READ COMMITTED: no gap locks on reads, and each statement sees what others have committed
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }

        /**
         * Writes the events (checked with {@link #checkColumnLimits} by the caller or here) with all their
         * projection rows. On failure the whole transaction is rolled back and the session closed.
         */
        public StoreResult add(List<EpcisEvent> events) {
            requireOpen();
            try {
                startTransactionIfNeeded();
                List<EpcisEvent> completed = new ArrayList<>(events.size());
                List<String> hashIds = new ArrayList<>(events.size());
                for (int i = 0; i < events.size(); i++) {
                    EpcisEvent event = events.get(i);
                    ColumnLimits.check(i, event);
                    String hashId = hasher.hashId(event).toString();
                    String eventID = event.eventID() == null ? hashId : event.eventID();
                    completed.add(event.withCommon(event.common().withRecordTime(recordTimeValue).withEventID(eventID)));
                    hashIds.add(hashId);
                }
                StoreResult result = write(completed, hashIds);
                eventCount += result.events().size();
                return result;
            } catch (SQLException | RuntimeException e) {
                abort(e);
                if (e instanceof StoreLimitException limit) {
                    throw limit;
                }
                throw new StoreException("storing " + events.size() + " event(s)"
                        + (ctx.captureId() == null ? "" : " of capture " + ctx.captureId()) + " failed, nothing of"
                        + " the transaction was stored: " + e.getMessage(), e);
            }
        }

        /** Writes master data elements (EPCIS 2.0 §7.2) in this transaction. */
        public void addMasterData(List<Vocabulary> vocabularies) {
            requireOpen();
            try {
                startTransactionIfNeeded();
                MasterDataWriter.write(connection, vocabularies, ctx.captureId(), recordTime);
            } catch (SQLException | RuntimeException e) {
                abort(e);
                throw new StoreException("storing master data" + (ctx.captureId() == null ? "" : " of capture "
                        + ctx.captureId()) + " failed, nothing of the transaction was stored: " + e.getMessage(), e);
            }
        }

        /** Commits and ends the session. */
        public void commit() {
            commit(c -> { });
        }

        /** Runs {@code beforeCommit} in the transaction, commits and ends the session. */
        public void commit(InTransaction beforeCommit) {
            commitTransaction(beforeCommit);
            close();
        }

        /**
         * Commits what was added so far (with {@code beforeCommit}, e.g. a job's progress) and keeps the session
         * open for a new transaction, which gets its own outbox row and recordTime.
         */
        public void commitAndContinue(InTransaction beforeCommit) {
            commitTransaction(beforeCommit);
        }

        private void commitTransaction(InTransaction beforeCommit) {
            requireOpen();
            try {
                if (outboxId >= 0) {
                    try (PreparedStatement s = connection.prepareStatement(
                            "UPDATE epcis_outbox SET event_count = ? WHERE id = ?")) {
                        s.setInt(1, eventCount);
                        s.setLong(2, outboxId);
                        s.executeUpdate();
                    }
                }
                beforeCommit.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                abort(e);
                throw new StoreException("committing the events" + (ctx.captureId() == null ? "" : " of capture "
                        + ctx.captureId()) + " failed, nothing of the transaction was stored: " + e.getMessage(), e);
            }
            boolean wroteEvents = outboxId >= 0;
            outboxId = -1;
            eventCount = 0;
            recordTime = null;
            if (wroteEvents) {
                try {
                    publisher.publish(); // stored now; visible to query pages once numbered
                    for (Runnable listener : visibleListeners) {
                        try {
                            listener.run();
                        } catch (RuntimeException e) {
                            LOG.warn("a listener of newly visible events failed: {}", e.toString());
                        }
                    }
                } catch (StoreException e) {
                    // committed all the same: the server's periodic publish numbers the row later
                    LOG.warn("numbering the committed outbox row failed, it is retried: {}", e.getMessage());
                }
            }
        }

        /** Rolls back what was not committed and returns the connection. */
        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            } catch (SQLException e) {
                // the pool discards a connection whose reset fails
            } finally {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing more to do with it
                }
            }
        }

        private void abort(Exception cause) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                cause.addSuppressed(rollbackFailure);
            }
            close();
        }

        private void requireOpen() {
            if (!open) {
                throw new IllegalStateException("the store session is closed");
            }
        }

        private void startTransactionIfNeeded() throws SQLException {
            if (recordTime != null) {
                return;
            }
            // DATETIME(6) keeps microseconds; the JSON carries the same truncated value so both agree.
            recordTimeValue = EpcisTime.of(clock.instant().truncatedTo(ChronoUnit.MICROS));
            recordTime = utc(recordTimeValue);
        }

        private StoreResult write(List<EpcisEvent> events, List<String> hashIds) throws SQLException {
            if (outboxId < 0) {
                outboxId = insertOutbox(connection, ctx, recordTime);
            }
            insertNew(this, events, hashIds);
            List<long[]> rows = new ArrayList<>();
            List<String> rowHashes = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id, hash_id FROM epcis_event WHERE outbox_id = ? AND id > ? ORDER BY id")) {
                s.setLong(1, outboxId);
                s.setLong(2, lastRowId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new long[] {r.getLong(1)});
                        rowHashes.add(r.getString(2));
                    }
                }
            }
            // The inserted rows are the events in input order minus the duplicates left out.
            List<StoreResult.StoredEvent> stored = new ArrayList<>(rows.size());
            List<Integer> duplicates = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < events.size(); i++) {
                if (next < rows.size() && rowHashes.get(next).equals(hashIds.get(i))) {
                    stored.add(new StoreResult.StoredEvent(rows.get(next)[0], events.get(i), hashIds.get(i)));
                    next++;
                } else {
                    duplicates.add(i);
                }
            }
            if (next != rows.size()) {
                throw new SQLException("the event rows of outbox row " + outboxId + " do not match the batch");
            }
            if (!rows.isEmpty()) {
                lastRowId = rows.get(rows.size() - 1)[0];
            }
            try (ProjectionStatements projections = new ProjectionStatements(connection)) {
                EventProjector projector = new EventProjector(projections);
                for (StoreResult.StoredEvent event : stored) {
                    projector.project(event.rowId(), event.event());
                }
                projections.execute();
            }
            return new StoreResult(outboxId, stored, duplicates);
        }
    }

    /**
     * Inserts the events that are not stored yet: a plain read finds the hashes already stored (committed, or by
     * this transaction), repeats within the batch are left out, and the rest goes in as one plain batch. Not
     * {@code INSERT ... ON DUPLICATE KEY UPDATE}: its duplicate check locks the index gaps next to every key it
     * meets, which makes other captures wait for this transaction. Should another transaction store one of the
     * same events in between, the insert fails on the unique key (the statement is undone, the transaction goes on)
     * and is tried again with a fresh look.
     */
    private void insertNew(Session session, List<EpcisEvent> events, List<String> hashIds) throws SQLException {
        Connection c = session.connection;
        for (int attempt = 1; ; attempt++) {
            java.util.Set<String> present = storedHashes(c, events, hashIds);
            java.util.Set<String> taken = new java.util.HashSet<>(present);
            List<Integer> insert = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).errorDeclaration() != null || taken.add(hashIds.get(i))) {
                    insert.add(i);
                }
            }
            if (insert.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_EVENT)) {
                for (int i : insert) {
                    bindEvent(s, session.outboxId, session.ctx, events.get(i), hashIds.get(i), session.recordTime);
                    s.addBatch();
                }
                s.executeBatch();
                return;
            } catch (SQLException e) {
                if (!isDuplicateKey(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The hashes of the batch's events (without error declaration) that are stored already. */
    private static java.util.Set<String> storedHashes(Connection c, List<EpcisEvent> events, List<String> hashIds)
            throws SQLException {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).errorDeclaration() == null) {
                wanted.add(hashIds.get(i));
            }
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (int from = 0; from < wanted.size(); from += 1000) {
            List<String> part = wanted.subList(from, Math.min(wanted.size(), from + 1000));
            try (PreparedStatement s = c.prepareStatement("SELECT undeclared_hash_id FROM epcis_event WHERE"
                    + " undeclared_hash_id IN (" + "?, ".repeat(part.size() - 1) + "?)")) {
                for (int i = 0; i < part.size(); i++) {
                    s.setString(i + 1, part.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        present.add(r.getString(1));
                    }
                }
            }
        }
        return present;
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    private static long insertOutbox(Connection c, CaptureContext ctx, LocalDateTime now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO epcis_outbox (created_at, kind, capture_id,"
                + " event_count) VALUES (?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            s.setObject(1, now);
            s.setString(2, ctx.kind().name());
            s.setString(3, ctx.captureId());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void bindEvent(PreparedStatement s, long outboxId, CaptureContext ctx, EpcisEvent event,
                                  String hashId, LocalDateTime recordTime) throws SQLException {
        ErrorDeclaration error = event.errorDeclaration();
        s.setLong(1, outboxId);
        s.setString(2, ctx.captureId());
        s.setString(3, ctx.organisation());
        s.setString(4, event.type().standardName());
        Action action = actionOf(event);
        s.setString(5, action == null ? null : action.name());
        s.setObject(6, utc(event.eventTime()));
        s.setString(7, event.eventTimeZoneOffset().toString());
        s.setObject(8, recordTime);
        s.setString(9, event.eventID());
        s.setString(10, hashId);
        s.setString(11, event.bizStep() == null ? null : event.bizStep().uri());
        s.setString(12, event.disposition() == null ? null : event.disposition().uri());
        s.setString(13, event.readPoint() == null ? null : canonical(event.readPoint().id()));
        s.setString(14, event.bizLocation() == null ? null : canonical(event.bizLocation().id()));
        s.setString(15, event instanceof TransformationEvent t ? t.transformationID() : null);
        s.setString(16, event.certificationInfo());
        s.setBoolean(17, error != null);
        s.setObject(18, error == null ? null : utc(error.declarationTime()));
        s.setString(19, error == null || error.reason() == null ? null : error.reason().uri());
        s.setBoolean(20, !event.sensorElementList().isEmpty());
        s.setString(21, EventJson.write(event, ctx.namespaces()));
    }

    private static Action actionOf(EpcisEvent event) {
        if (event instanceof ObjectEvent o) {
            return o.action();
        } else if (event instanceof AggregationEvent a) {
            return a.action();
        } else if (event instanceof AssociationEvent a) {
            return a.action();
        } else if (event instanceof TransactionEvent t) {
            return t.action();
        }
        return null; // TransformationEvent has no action (EPCIS 2.0 §7.4.6)
    }
}
