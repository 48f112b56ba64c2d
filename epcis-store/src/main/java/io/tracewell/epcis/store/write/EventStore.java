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

    private static final String INSERT_EVENT = "INSERT INTO epcis_event (outbox_id, capture_id, event_type, action,"
            + " event_time, event_time_zone_offset, record_time, event_id, hash_id, biz_step, disposition, read_point,"
            + " biz_location, transformation_id, certification_info, has_error_declaration, error_declaration_time,"
            + " error_reason, has_sensor_data, event_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?)";

    private final DataSource dataSource;
    private final EventHasher hasher;
    private final Clock clock;

    public EventStore(DataSource dataSource, EventHasher hasher, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The standard CBV 2.0 hash, the system clock. */
    public static EventStore of(DataSource dataSource) {
        return new EventStore(dataSource, EventHasher.standard(), Clock.systemUTC());
    }

    /**
     * Stores the events, all or nothing. Each event gets the server's recordTime (EPCIS 2.0 §7.4.1: set by
     * the repository at capture) and, when it has no eventID, its CBV 2.0 event hash ID (CBV 2.0 §8.9), which
     * the REST binding suggests for servers that populate missing IDs.
     *
     * @throws StoreLimitException when a value is longer than its column; nothing was written
     * @throws StoreException when the database refuses the batch; nothing of it was written
     */
    public StoreResult store(List<EpcisEvent> events, CaptureContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        // DATETIME(6) keeps microseconds; the JSON carries the same truncated value so both agree.
        EpcisTime recordTime = EpcisTime.of(clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<EpcisEvent> completed = new ArrayList<>(events.size());
        List<String> hashIds = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EpcisEvent event = events.get(i);
            ColumnLimits.check(i, event);
            String hashId = hasher.hashId(event).toString();
            String eventID = event.eventID() == null ? hashId : event.eventID();
            completed.add(event.withCommon(event.common().withRecordTime(recordTime).withEventID(eventID)));
            hashIds.add(hashId);
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                StoreResult result = write(c, completed, hashIds, ctx, utc(recordTime));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure); // the pool discards the connection; the cause matters more
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("storing " + events.size() + " event(s)"
                    + (ctx.captureId() == null ? "" : " of capture " + ctx.captureId()) + " failed, nothing was"
                    + " stored: " + e.getMessage(), e);
        }
    }

    private static StoreResult write(Connection c, List<EpcisEvent> events, List<String> hashIds, CaptureContext ctx,
                                     LocalDateTime recordTime) throws SQLException {
        long outboxId = insertOutbox(c, ctx, events.size(), recordTime);
        try (PreparedStatement insert = c.prepareStatement(INSERT_EVENT)) {
            for (int i = 0; i < events.size(); i++) {
                bindEvent(insert, outboxId, ctx, events.get(i), hashIds.get(i), recordTime);
                insert.addBatch();
            }
            if (!events.isEmpty()) {
                insert.executeBatch();
            }
        }
        List<Long> rowIds = rowIdsOf(c, outboxId);
        if (rowIds.size() != events.size()) {
            throw new SQLException("expected " + events.size() + " event rows for outbox row " + outboxId
                    + ", found " + rowIds.size());
        }
        List<StoreResult.StoredEvent> stored = new ArrayList<>(events.size());
        try (ProjectionStatements rows = new ProjectionStatements(c)) {
            EventProjector projector = new EventProjector(rows);
            for (int i = 0; i < events.size(); i++) {
                projector.project(rowIds.get(i), events.get(i));
                stored.add(new StoreResult.StoredEvent(rowIds.get(i), events.get(i), hashIds.get(i)));
            }
            rows.execute();
        }
        return new StoreResult(outboxId, stored);
    }

    private static long insertOutbox(Connection c, CaptureContext ctx, int count, LocalDateTime now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO epcis_outbox (created_at, kind, capture_id,"
                + " event_count) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setObject(1, now);
            s.setString(2, ctx.kind().name());
            s.setString(3, ctx.captureId());
            s.setInt(4, count);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * The row ids of the batch, in input order: AUTO_INCREMENT values ascend in insertion order (not
     * necessarily without gaps: other transactions may take values in between), and the batch is the only
     * writer of its outbox id.
     */
    private static List<Long> rowIdsOf(Connection c, long outboxId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM epcis_event WHERE outbox_id = ? ORDER BY id")) {
            s.setLong(1, outboxId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void bindEvent(PreparedStatement s, long outboxId, CaptureContext ctx, EpcisEvent event,
                                  String hashId, LocalDateTime recordTime) throws SQLException {
        ErrorDeclaration error = event.errorDeclaration();
        s.setLong(1, outboxId);
        s.setString(2, ctx.captureId());
        s.setString(3, event.type().standardName());
        Action action = actionOf(event);
        s.setString(4, action == null ? null : action.name());
        s.setObject(5, utc(event.eventTime()));
        s.setString(6, event.eventTimeZoneOffset().toString());
        s.setObject(7, recordTime);
        s.setString(8, event.eventID());
        s.setString(9, hashId);
        s.setString(10, event.bizStep() == null ? null : event.bizStep().uri());
        s.setString(11, event.disposition() == null ? null : event.disposition().uri());
        s.setString(12, event.readPoint() == null ? null : canonical(event.readPoint().id()));
        s.setString(13, event.bizLocation() == null ? null : canonical(event.bizLocation().id()));
        s.setString(14, event instanceof TransformationEvent t ? t.transformationID() : null);
        s.setString(15, event.certificationInfo());
        s.setBoolean(16, error != null);
        s.setObject(17, error == null ? null : utc(error.declarationTime()));
        s.setString(18, error == null || error.reason() == null ? null : error.reason().uri());
        s.setBoolean(19, !event.sensorElementList().isEmpty());
        s.setString(20, EventJson.write(event, ctx.namespaces()));
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
