package io.tracewell.trace.serial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.store.write.EventStore;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Issues serial numbers for GTINs and keeps them (tables of V8__serial_numbers.sql, docs/serialization.md).
 *
 * <p><b>Never twice.</b> The unique key (gtin, serial) of {@code serial_number} decides: an insert of a serial the
 * GTIN has already fails in the database, whichever node issued the first one. A request runs in one transaction
 * that first locks the GTIN's row of {@code serial_gtin} ({@code SELECT ... FOR UPDATE}), so requests for one GTIN
 * follow one another on every node, and the count of serials the GTIN has, which the guessing-probability check
 * uses, is exact. Requests for different GTINs run side by side.
 *
 * <p><b>Random.</b> Serials are drawn with a {@link SecureRandom} over GS1 set 82 ({@link SerialAlphabet}) and
 * inserted {@value #BATCH} to a statement (one multi-row INSERT, which the database applies whole or not at all).
 * When the statement fails on the unique key, the serials of the batch the GTIN already has are looked up, drawn
 * again and the statement repeated; each redraw is counted in {@code collision_retries}.
 *
 * <p><b>Sequential.</b> The numbers from the GTIN's {@code next_sequence} on, in decimal, padded with zeros to the
 * request's width if it has one. Should a number of the range be taken already (a random serial of only digits
 * can be), the whole range moves past it, so that a request's numbers have no gaps; each move is counted.
 *
 * <p>All or nothing: a request that fails leaves no serial and no counter change behind. The transaction holds
 * the GTIN's lock for as long as its inserts take (about a second per 100,000 serials on a local database), which
 * other requests for the same GTIN wait out.
 */
public final class SerialNumberService {

    /** Rows per INSERT statement. */
    static final int BATCH = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRANSIENT_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final SecureRandom random;
    private final Clock clock;
    private final long guessOneIn;

    /**
     * @param random     the generator random serials are drawn from (shared; {@link SecureRandom} is thread-safe)
     * @param guessOneIn random requests must keep the guessing probability below 1 in this many
     */
    public SerialNumberService(DataSource dataSource, SecureRandom random, Clock clock, long guessOneIn) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (guessOneIn < GuessingProbability.FMD_ONE_IN) {
            throw new IllegalArgumentException("guessOneIn must be at least " + GuessingProbability.FMD_ONE_IN);
        }
        this.guessOneIn = guessOneIn;
    }

    /** A new {@link SecureRandom}, the system clock, the EU FMD bound. */
    public static SerialNumberService of(DataSource dataSource) {
        return new SerialNumberService(dataSource, new SecureRandom(), Clock.systemUTC(),
                GuessingProbability.FMD_ONE_IN);
    }

    /**
     * What {@link #issue} did.
     *
     * @param request the stored request
     * @param serials all its serials in order when there are at most {@code keep} of them, else none (read them
     *                with {@link #page})
     */
    public record Issued(SerialRequestRecord request, List<String> serials) {
        public Issued {
            serials = List.copyOf(serials);
        }
    }

    /** One serial of a request and its position there (0-based). */
    public record Entry(int ordinal, String serial) {}

    /**
     * Issues the request's serials and stores the request, in one transaction.
     *
     * @param keep return the serials when there are at most this many
     * @throws SerializationRequestException when the guessing probability would not stay below the bound, or a
     *                                       sequential width has no numbers left; nothing was issued
     */
    public Issued issue(SerializationRequest request, int keep) {
        Objects.requireNonNull(request, "request");
        for (int attempt = 1; ; attempt++) {
            try {
                return issueOnce(request, keep);
            } catch (SQLException e) {
                if (!isTransient(e) || attempt == TRANSIENT_ATTEMPTS) {
                    throw new IllegalStateException("issuing " + request.count() + " serials for GTIN "
                            + request.gtin() + " failed, none was issued: " + e.getMessage(), e);
                }
                EventStore.pause(attempt);
            }
        }
    }

    private Issued issueOnce(SerializationRequest request, int keep) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String gtin = request.gtin().value();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            try {
                c.setAutoCommit(true);
                createGtinRow(c, gtin);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(false);
                long[] counters = lockGtin(c, gtin);
                long nextSequence = counters[0];
                long issuedBefore = counters[1];
                if (request.scheme() == SerialScheme.RANDOM) {
                    checkGuessingProbability(issuedBefore + request.count(), request.length().getAsInt(),
                            issuedBefore);
                }
                insertRequest(c, id, request, now);
                List<String> kept = new ArrayList<>(request.count() <= keep ? request.count() : 0);
                int retries;
                if (request.scheme() == SerialScheme.RANDOM) {
                    retries = insertRandom(c, id, gtin, request.count(), request.length().getAsInt(),
                            request.count() <= keep ? kept : null);
                } else {
                    long[] range = insertSequential(c, id, gtin, request.count(), request.length(), nextSequence,
                            request.count() <= keep ? kept : null);
                    nextSequence = range[0] + request.count();
                    retries = (int) range[1];
                }
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE serial_gtin SET next_sequence = ?, issued_count = issued_count + ? WHERE gtin = ?")) {
                    s.setLong(1, nextSequence);
                    s.setLong(2, request.count());
                    s.setString(3, gtin);
                    s.executeUpdate();
                }
                if (retries > 0) {
                    try (PreparedStatement s = c.prepareStatement(
                            "UPDATE serial_request SET collision_retries = ? WHERE id = ?")) {
                        s.setInt(1, retries);
                        s.setString(2, id);
                        s.executeUpdate();
                    }
                }
                c.commit();
                SerialRequestRecord record = new SerialRequestRecord(id, request.gtin(), request.count(),
                        request.scheme(), request.length(), request.lot(), request.expiry(), now, retries,
                        request.commission(), request.commission().map(x -> CommissionState.PENDING),
                        request.commission().map(x -> now), List.of(), Optional.empty());
                return new Issued(record, kept);
            } catch (SQLException | RuntimeException e) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
                c.setTransactionIsolation(isolation);
            }
        }
    }

    /**
     * Creates the GTIN's counter row if it has none, in a statement of its own (autocommit): inside the request's
     * transaction, the shared lock a failed duplicate insert keeps would let two requests that both found the row
     * created deadlock on its exclusive lock.
     */
    private static void createGtinRow(Connection c, String gtin) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO serial_gtin (gtin, next_sequence, issued_count) VALUES (?, 1, 0)")) {
            s.setString(1, gtin);
            s.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // the GTIN has its row already
        }
    }

    /** Locks the GTIN's counter row and returns {next_sequence, issued_count}. */
    private static long[] lockGtin(Connection c, String gtin) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT next_sequence, issued_count FROM serial_gtin WHERE gtin = ? FOR UPDATE")) {
            s.setString(1, gtin);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("the serial_gtin row of " + gtin + " vanished");
                }
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    private void checkGuessingProbability(long issuedAfter, int length, long issuedBefore) {
        if (GuessingProbability.below(issuedAfter, length, guessOneIn)) {
            return;
        }
        int minimum = GuessingProbability.minimumLength(issuedAfter, guessOneIn);
        BigInteger space = GuessingProbability.space(length);
        long room = space.subtract(BigInteger.ONE).divide(BigInteger.valueOf(guessOneIn))
                .subtract(BigInteger.valueOf(issuedBefore)).max(BigInteger.ZERO).longValue();
        String expected = (minimum <= SerializationSettings.MAX_LENGTH
                ? "a length of at least " + minimum + " for this count, or "
                : "")
                + "a count of at most " + room + " at length " + length;
        String message = "with " + issuedBefore + " serials issued for the GTIN already and " + (issuedAfter
                - issuedBefore) + " more, a guessed serial of length " + length + " would be valid with probability "
                + issuedAfter + " / 82^" + length + " = " + GuessingProbability.probability(issuedAfter, length)
                .toString() + ", not below 1 in " + guessOneIn;
        throw new SerializationRequestException(List.of(
                SerializationRequestException.error("/length", message, expected)));
    }

    private static void insertRequest(Connection c, String id, SerializationRequest request, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO serial_request (id, gtin, serial_count, scheme,"
                + " serial_length, lot, expiry, created_at, commission_state, commission, commission_event_time)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, request.gtin().value());
            s.setInt(3, request.count());
            s.setString(4, request.scheme().word());
            if (request.length().isPresent()) {
                s.setInt(5, request.length().getAsInt());
            } else {
                s.setNull(5, java.sql.Types.TINYINT);
            }
            s.setString(6, request.lot().orElse(null));
            s.setString(7, request.expiry().orElse(null));
            s.setTimestamp(8, timestamp(now));
            if (request.commission().isPresent()) {
                s.setString(9, CommissionState.PENDING.word());
                s.setString(10, commissionJson(request.commission().get()));
                s.setTimestamp(11, timestamp(now));
            } else {
                s.setString(9, null);
                s.setString(10, null);
                s.setTimestamp(11, null);
            }
            s.executeUpdate();
        }
    }

    /** Draws and inserts the random serials; returns how many were drawn again. */
    private int insertRandom(Connection c, String id, String gtin, int count, int length, List<String> kept)
            throws SQLException {
        SerialAlphabet alphabet = new SerialAlphabet(random);
        int retries = 0;
        for (int ordinal = 0; ordinal < count; ordinal += BATCH) {
            int n = Math.min(BATCH, count - ordinal);
            String[] batch = new String[n];
            Set<String> inBatch = new HashSet<>(n * 2);
            for (int i = 0; i < n; i++) {
                String serial = alphabet.draw(length);
                while (!inBatch.add(serial)) {
                    retries++;
                    serial = alphabet.draw(length);
                }
                batch[i] = serial;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    insertRows(c, id, gtin, ordinal, batch);
                    break;
                } catch (SQLException e) {
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                    Set<String> taken = taken(c, gtin, Arrays.asList(batch));
                    if (taken.isEmpty() && attempt >= 3) {
                        throw e;
                    }
                    for (int i = 0; i < n; i++) {
                        if (taken.contains(batch[i])) {
                            String serial = alphabet.draw(length);
                            while (taken.contains(serial) || !inBatch.add(serial)) {
                                serial = alphabet.draw(length);
                            }
                            batch[i] = serial;
                            retries++;
                        }
                    }
                }
            }
            if (kept != null) {
                kept.addAll(Arrays.asList(batch));
            }
        }
        return retries;
    }

    /**
     * Inserts {@code count} numbers in a row from {@code first} on, moving the range past any number the GTIN has
     * already; returns {first number used, moves}.
     */
    private static long[] insertSequential(Connection c, String id, String gtin, int count, OptionalInt width,
                                           long first, List<String> kept) throws SQLException {
        long limit = width.isPresent() && width.getAsInt() < 19
                ? BigInteger.TEN.pow(width.getAsInt()).longValueExact() - 1
                : Long.MAX_VALUE;
        long start = first;
        int moves = 0;
        while (true) {
            if (start > limit - count + 1) {
                throw SerializationRequestException.at(width.isPresent() ? "/length" : "/count",
                        "the GTIN's sequential serials run out: " + count + " numbers from " + start
                                + " go past " + limit + (width.isPresent() ? ", the largest of width "
                                + width.getAsInt() : ""),
                        width.isPresent() ? "a larger width, or the random scheme" : "the random scheme");
            }
            Savepoint before = c.setSavepoint();
            try {
                for (int ordinal = 0; ordinal < count; ordinal += BATCH) {
                    int n = Math.min(BATCH, count - ordinal);
                    String[] batch = new String[n];
                    for (int i = 0; i < n; i++) {
                        batch[i] = number(start + ordinal + i, width);
                    }
                    insertRows(c, id, gtin, ordinal, batch);
                }
                c.releaseSavepoint(before);
            } catch (SQLException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
                c.rollback(before);
                long highestTaken = highestTaken(c, gtin, start, count, width);
                if (highestTaken < start) {
                    throw e;
                }
                start = highestTaken + 1;
                moves++;
                continue;
            }
            if (kept != null) {
                for (int i = 0; i < count; i++) {
                    kept.add(number(start + i, width));
                }
            }
            return new long[] {start, moves};
        }
    }

    /** The highest number of {@code [start, start + count)} the GTIN has as a serial already, or -1. */
    private static long highestTaken(Connection c, String gtin, long start, int count, OptionalInt width)
            throws SQLException {
        long highest = -1;
        for (int from = 0; from < count; from += BATCH) {
            int n = Math.min(BATCH, count - from);
            List<String> part = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                part.add(number(start + from + i, width));
            }
            for (String serial : taken(c, gtin, part)) {
                highest = Math.max(highest, Long.parseLong(serial));
            }
        }
        return highest;
    }

    static String number(long n, OptionalInt width) {
        String digits = Long.toString(n);
        if (width.isEmpty() || digits.length() >= width.getAsInt()) {
            return digits;
        }
        return "0".repeat(width.getAsInt() - digits.length()) + digits;
    }

    private static void insertRows(Connection c, String id, String gtin, int firstOrdinal, String[] serials)
            throws SQLException {
        StringBuilder sql = new StringBuilder(64 + serials.length * 12)
                .append("INSERT INTO serial_number (request_id, ordinal, gtin, serial) VALUES ");
        for (int i = 0; i < serials.length; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = 0; i < serials.length; i++) {
                s.setString(p++, id);
                s.setInt(p++, firstOrdinal + i);
                s.setString(p++, gtin);
                s.setString(p++, serials[i]);
            }
            s.executeUpdate();
        }
    }

    /** The serials among {@code serials} the GTIN has already. */
    private static Set<String> taken(Connection c, String gtin, List<String> serials) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT serial FROM serial_number WHERE gtin = ? AND serial IN ("
                + "?, ".repeat(serials.size() - 1) + "?)")) {
            s.setString(1, gtin);
            for (int i = 0; i < serials.size(); i++) {
                s.setString(i + 2, serials.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    taken.add(r.getString(1));
                }
            }
        }
        return taken;
    }

    /** The stored request, if there is one with this ID. */
    public Optional<SerialRequestRecord> find(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT gtin, serial_count, scheme, serial_length, lot, expiry,"
                     + " created_at, collision_retries, commission_state, commission, commission_event_time,"
                     + " commission_event_ids, commission_error FROM serial_request WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                int length = r.getInt(4);
                OptionalInt lengthValue = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(length);
                String state = r.getString(9);
                String ids = r.getString(12);
                return Optional.of(new SerialRequestRecord(id, new Gtin(r.getString(1)), r.getInt(2),
                        SerialScheme.ofWord(r.getString(3)).orElseThrow(), lengthValue,
                        Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getString(6)),
                        instant(r.getTimestamp(7)), r.getInt(8),
                        Optional.ofNullable(r.getString(10)).map(SerialNumberService::commission),
                        Optional.ofNullable(state).map(CommissionState::ofWord),
                        Optional.ofNullable(r.getTimestamp(11)).map(SerialNumberService::instant),
                        ids == null || ids.isEmpty() ? List.of() : List.of(ids.split("\n")),
                        Optional.ofNullable(r.getString(13))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading serial request " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Up to {@code limit} serials of the request after position {@code afterOrdinal} (-1 for the first page). */
    public List<Entry> page(String id, int afterOrdinal, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ordinal, serial FROM serial_number"
                     + " WHERE request_id = ? AND ordinal > ? ORDER BY ordinal LIMIT ?")) {
            s.setString(1, id);
            s.setInt(2, afterOrdinal);
            s.setInt(3, limit);
            List<Entry> entries = new ArrayList<>(Math.min(limit, 10_000));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new Entry(r.getInt(1), r.getString(2)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the serials of request " + id + " failed: " + e.getMessage(),
                    e);
        }
    }

    /** Whether the request issued this serial. */
    public boolean issued(SerialRequestRecord request, String serial) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT request_id FROM serial_number WHERE gtin = ? AND serial = ?")) {
            s.setString(1, request.gtin().value());
            s.setString(2, serial);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1).equals(request.id());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("looking up a serial of request " + request.id() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Records that the request's commissioning events were captured. */
    public void commissioned(String id, List<String> eventIDs) {
        updateCommission(id, CommissionState.CAPTURED, String.join("\n", eventIDs), null);
    }

    /** Records that commissioning failed, and why; the events captured before the failure are listed. */
    public void commissionFailed(String id, List<String> eventIDs, String reason) {
        String shortened = reason.length() > 4000 ? reason.substring(0, 3997) + "..." : reason;
        updateCommission(id, CommissionState.FAILED, String.join("\n", eventIDs), shortened);
    }

    private void updateCommission(String id, CommissionState state, String eventIDs, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE serial_request SET commission_state = ?,"
                     + " commission_event_ids = ?, commission_error = ? WHERE id = ?")) {
            s.setString(1, state.word());
            s.setString(2, eventIDs.isEmpty() ? null : eventIDs);
            s.setString(3, error);
            s.setString(4, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording the commissioning of request " + id + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static String commissionJson(Commission commission) {
        ObjectNode node = JSON.createObjectNode();
        node.put("readPoint", commission.readPoint());
        node.put("bizLocation", commission.bizLocation());
        commission.companyPrefixLength().ifPresent(l -> node.put("companyPrefixLength", l));
        return node.toString();
    }

    private static Commission commission(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            JsonNode length = node.get("companyPrefixLength");
            return new Commission(node.get("readPoint").asText(), node.get("bizLocation").asText(),
                    length == null ? OptionalInt.empty() : OptionalInt.of(length.asInt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored commission is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState())
                    || sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }
}
