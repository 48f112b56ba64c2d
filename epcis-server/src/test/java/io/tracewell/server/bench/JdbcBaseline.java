package io.tracewell.server.bench;

import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.store.read.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The baseline of the capture benchmark: the rows a capture of {@link CaptureDocuments} events writes (one
 * {@code epcis_event} row with its stored JSON-LD and ten {@code epcis_event_epc} rows per event, plus one outbox
 * row per transaction), written with plain JDBC batch INSERTs, one transaction per N events, by one or more
 * threads. It is what the database alone can take, with every value computed beforehand: the capture's parsing,
 * validation, hashing and JSON writing are not part of it.
 *
 * <p>The rows go into copies of the tables ({@code CREATE TABLE ... LIKE}: same columns, same indexes), created at
 * the start and dropped at the end, with row ids chosen by the writer rather than read back after the insert.
 */
final class JdbcBaseline {

    static final String EVENT_TABLE = "bench_baseline_event";
    static final String EPC_TABLE = "bench_baseline_event_epc";
    static final String OUTBOX_TABLE = "bench_baseline_outbox";

    private static final String EVENT_COLUMNS = "event_type, action, event_time, event_time_zone_offset,"
            + " record_time, event_id, hash_id, biz_step, disposition, read_point, biz_location, transformation_id,"
            + " certification_info, has_error_declaration, error_declaration_time, error_reason, has_sensor_data,"
            + " event_json";
    private static final String INSERT_EVENT = "INSERT INTO " + EVENT_TABLE + " (id, outbox_id, capture_id,"
            + " organisation, " + EVENT_COLUMNS + ") VALUES (?, ?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?)";
    private static final String INSERT_EPC = "INSERT INTO " + EPC_TABLE + " (event_row_id, role, position,"
            + " canonical_id, written_id, quantity, uom) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_OUTBOX = "INSERT INTO " + OUTBOX_TABLE + " (created_at, kind, capture_id,"
            + " event_count) VALUES (?, ?, ?, ?)";
    private static final EventHasher HASHER = EventHasher.standard();

    private final BenchDatabase database;
    private final AtomicLong nextRowId = new AtomicLong(1);

    JdbcBaseline(BenchDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The epcis_event row of one event as EventStore binds it (store-assigned columns excluded). */
    record EventRow(String eventType, String action, LocalDateTime eventTime, String eventTimeZoneOffset,
                    LocalDateTime recordTime, String eventId, String hashId, String bizStep, String disposition,
                    String readPoint, String bizLocation, boolean hasSensorData, String eventJson,
                    List<EpcRow> epcs) {
    }

    /** One epcis_event_epc row as EventProjector adds it for an epcList entry. */
    record EpcRow(String role, int position, String canonicalId, String writtenId) {
    }

    record Result(int threads, long events, double seconds) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * The row values EventStore writes for {@code event} stored at {@code recordTime}: the CBV 2.0 hash ID (also
     * the eventID, since the event has none), the stored JSON-LD with recordTime and eventID filled in, canonical
     * identifiers, UTC times to the microsecond.
     */
    static EventRow row(ObjectEvent event, Instant recordTime) {
        Instant micros = recordTime.truncatedTo(ChronoUnit.MICROS);
        String hashId = HASHER.hashId(event).toString();
        String eventId = event.eventID() == null ? hashId : event.eventID();
        EpcisEvent completed = event.withCommon(event.common().withRecordTime(EpcisTime.of(micros))
                .withEventID(eventId));
        List<EpcRow> epcs = new ArrayList<>(event.epcList().size());
        for (int i = 0; i < event.epcList().size(); i++) {
            String epc = event.epcList().get(i);
            epcs.add(new EpcRow("EPC_LIST", i, canonical(epc), epc));
        }
        return new EventRow(event.type().standardName(), event.action().name(), utc(event.eventTime().instant()),
                event.eventTimeZoneOffset().toString(), utc(micros), eventId, hashId,
                event.bizStep() == null ? null : event.bizStep().uri(),
                event.disposition() == null ? null : event.disposition().uri(),
                event.readPoint() == null ? null : canonical(event.readPoint().id()),
                event.bizLocation() == null ? null : canonical(event.bizLocation().id()),
                !event.sensorElementList().isEmpty(), EventJson.write(completed, CaptureDocuments.NAMESPACES),
                List.copyOf(epcs));
    }

    void createTables() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            dropTables(s);
            s.execute("CREATE TABLE " + EVENT_TABLE + " LIKE epcis_event");
            s.execute("CREATE TABLE " + EPC_TABLE + " LIKE epcis_event_epc");
            s.execute("CREATE TABLE " + OUTBOX_TABLE + " LIKE epcis_outbox");
        }
    }

    void dropTables() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            dropTables(s);
        }
    }

    private static void dropTables(Statement s) throws SQLException {
        s.execute("DROP TABLE IF EXISTS " + EVENT_TABLE + ", " + EPC_TABLE + ", " + OUTBOX_TABLE);
    }

    /**
     * Computes the rows of events {@code first .. first+events-1} (not timed), then writes them in transactions
     * of {@code perTransaction} events, which {@code threads} threads take from a shared queue (timed: from the
     * first transaction's start to the last commit).
     */
    Result run(long first, int events, int perTransaction, int threads) throws SQLException, InterruptedException {
        int transactions = (events + perTransaction - 1) / perTransaction;
        List<List<EventRow>> batches = new ArrayList<>(transactions);
        Instant recordTime = Instant.now();
        for (int t = 0; t < transactions; t++) {
            batches.add(null);
        }
        IntStream.range(0, transactions).parallel().forEach(t -> {
            int n = Math.min(perTransaction, events - t * perTransaction);
            List<EventRow> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(row(CaptureDocuments.event(first + (long) t * perTransaction + i), recordTime));
            }
            batches.set(t, rows);
        });

        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Connection c = database.connect();
                c.setAutoCommit(false);
                connections.add(c);
            }
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Exception> failure = new AtomicReference<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            String captureId = "jdbc-baseline-" + threads + "-" + first;
            for (Connection c : connections) {
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                        for (int t = next.getAndIncrement(); t < transactions && failure.get() == null;
                             t = next.getAndIncrement()) {
                            write(c, captureId, batches.get(t));
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }, "jdbc-baseline-" + workers.size());
                worker.start();
                workers.add(worker);
            }
            long begin = System.nanoTime();
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("the JDBC baseline failed: " + failure.get().getMessage(),
                        failure.get());
            }
            return new Result(threads, events, seconds);
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private void write(Connection c, String captureId, List<EventRow> rows) throws SQLException {
        try {
            long outboxId;
            try (PreparedStatement s = c.prepareStatement(INSERT_OUTBOX, Statement.RETURN_GENERATED_KEYS)) {
                s.setObject(1, rows.get(0).recordTime());
                s.setString(2, "CAPTURE");
                s.setString(3, captureId);
                s.setInt(4, rows.size());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    outboxId = keys.getLong(1);
                }
            }
            long firstId = nextRowId.getAndAdd(rows.size());
            try (PreparedStatement s = c.prepareStatement(INSERT_EVENT)) {
                for (int i = 0; i < rows.size(); i++) {
                    EventRow r = rows.get(i);
                    s.setLong(1, firstId + i);
                    s.setLong(2, outboxId);
                    s.setString(3, captureId);
                    s.setString(4, r.eventType());
                    s.setString(5, r.action());
                    s.setObject(6, r.eventTime());
                    s.setString(7, r.eventTimeZoneOffset());
                    s.setObject(8, r.recordTime());
                    s.setString(9, r.eventId());
                    s.setString(10, r.hashId());
                    s.setString(11, r.bizStep());
                    s.setString(12, r.disposition());
                    s.setString(13, r.readPoint());
                    s.setString(14, r.bizLocation());
                    s.setString(15, null);
                    s.setString(16, null);
                    s.setBoolean(17, false);
                    s.setObject(18, null);
                    s.setString(19, null);
                    s.setBoolean(20, r.hasSensorData());
                    s.setString(21, r.eventJson());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_EPC)) {
                for (int i = 0; i < rows.size(); i++) {
                    for (EpcRow epc : rows.get(i).epcs()) {
                        s.setLong(1, firstId + i);
                        s.setString(2, epc.role());
                        s.setInt(3, epc.position());
                        s.setString(4, epc.canonicalId());
                        s.setString(5, epc.writtenId());
                        s.setObject(6, null);
                        s.setString(7, null);
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * Compares the first event a capture stored with the row this baseline writes for the same event (taking the
     * recordTime the server gave it), and checks that the capture wrote no other projection rows for it. Returns
     * the differences; empty when the baseline writes what the capture wrote.
     */
    List<String> compareWithCaptured(String captureId, long eventIndex) throws SQLException {
        List<String> differences = new ArrayList<>();
        try (Connection c = database.connect()) {
            long rowId;
            EventRow stored;
            try (PreparedStatement s = c.prepareStatement("SELECT id, " + EVENT_COLUMNS
                    + " FROM epcis_event WHERE capture_id = ? ORDER BY id LIMIT 1")) {
                s.setString(1, captureId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return List.of("no event row with capture_id " + captureId);
                    }
                    rowId = r.getLong("id");
                    stored = new EventRow(r.getString("event_type"), r.getString("action"),
                            r.getObject("event_time", LocalDateTime.class), r.getString("event_time_zone_offset"),
                            r.getObject("record_time", LocalDateTime.class), r.getString("event_id"),
                            r.getString("hash_id"), r.getString("biz_step"), r.getString("disposition"),
                            r.getString("read_point"), r.getString("biz_location"), r.getBoolean("has_sensor_data"),
                            r.getString("event_json"), List.of());
                    for (String column : new String[] {"transformation_id", "certification_info",
                        "error_declaration_time", "error_reason"}) {
                        if (r.getObject(column) != null) {
                            differences.add(column + " is set: " + r.getObject(column));
                        }
                    }
                    if (r.getBoolean("has_error_declaration")) {
                        differences.add("has_error_declaration is true");
                    }
                }
            }
            List<EpcRow> epcs = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT role, position, canonical_id, written_id, quantity,"
                    + " uom FROM epcis_event_epc WHERE event_row_id = ? ORDER BY role, position")) {
                s.setLong(1, rowId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        epcs.add(new EpcRow(r.getString(1), r.getInt(2), r.getString(3), r.getString(4)));
                        if (r.getObject(5) != null || r.getObject(6) != null) {
                            differences.add("epc row " + r.getInt(2) + " has a quantity or uom");
                        }
                    }
                }
            }
            EventRow expected = row(CaptureDocuments.event(eventIndex), stored.recordTime().toInstant(ZoneOffset.UTC));
            compare(differences, "event_type", expected.eventType(), stored.eventType());
            compare(differences, "action", expected.action(), stored.action());
            compare(differences, "event_time", expected.eventTime(), stored.eventTime());
            compare(differences, "event_time_zone_offset", expected.eventTimeZoneOffset(),
                    stored.eventTimeZoneOffset());
            compare(differences, "event_id", expected.eventId(), stored.eventId());
            compare(differences, "hash_id", expected.hashId(), stored.hashId());
            compare(differences, "biz_step", expected.bizStep(), stored.bizStep());
            compare(differences, "disposition", expected.disposition(), stored.disposition());
            compare(differences, "read_point", expected.readPoint(), stored.readPoint());
            compare(differences, "biz_location", expected.bizLocation(), stored.bizLocation());
            compare(differences, "has_sensor_data", expected.hasSensorData(), stored.hasSensorData());
            compare(differences, "event_json", expected.eventJson(), stored.eventJson());
            compare(differences, "epcis_event_epc rows", expected.epcs(), epcs);
            for (String table : new String[] {"epcis_event_biz_transaction", "epcis_event_source_dest",
                "epcis_event_persistent_disposition", "epcis_event_corrective_id", "epcis_event_field",
                "epcis_event_sensor_element", "epcis_event_sensor_report"}) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table
                        + " WHERE event_row_id = ?")) {
                    s.setLong(1, rowId);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        if (r.getLong(1) != 0) {
                            differences.add("the capture wrote " + r.getLong(1) + " row(s) into " + table);
                        }
                    }
                }
            }
        }
        return differences;
    }

    private static void compare(List<String> differences, String what, Object expected, Object stored) {
        if (!Objects.equals(expected, stored)) {
            differences.add(what + ": baseline " + abbreviate(expected) + ", capture " + abbreviate(stored));
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String canonical(String identifier) {
        try {
            return Epc.parse(identifier).canonical();
        } catch (IdentifierException e) {
            return identifier;
        }
    }
}
