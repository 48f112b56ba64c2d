package io.tracewell.epcis.query;

import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.access.Visibility;
import io.tracewell.epcis.store.read.EventJson;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs a {@link SimpleEventQuery} page by page on the store: SQL built from the conditions, events read back from
 * their stored JSON-LD.
 *
 * <p>Pages are keyset pages: ordered by the query's sort key and the row id, each page starts after the last event
 * of the previous one, within the horizon fixed by the first page: the highest visibility number of the outbox
 * then (docs/store.md §5a), which covers exactly the events committed by that moment. So a page never repeats an
 * event, none is skipped, and events committed while a client pages through (even by a capture that started
 * before and took lower row ids) do not enter its pages: the client sees the events that matched when it
 * started.
 */
public final class EventQueries {

    /** The highest visibility number: the events committed and numbered so far are those at or below it. */
    static final String HORIZON = "SELECT COALESCE(MAX(visible_seq), 0) AS h FROM epcis_outbox";
    /** An event's visibility number, compared with the horizon that follows. */
    static final String VISIBLE = "(SELECT o.visible_seq FROM epcis_outbox o WHERE o.id = e.outbox_id) <= ";

    private final DataSource dataSource;
    private final java.util.function.Supplier<byte[]> secret;
    private final Duration tokenLifetime;
    private final Clock clock;

    /** @param secret the page-token secret, asked for when a token is made or read (see {@link #loadSecret}) */
    public EventQueries(DataSource dataSource, java.util.function.Supplier<byte[]> secret, Duration tokenLifetime,
                        Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The page-token secret shared by the nodes on this database (migration V3). */
    public static byte[] loadSecret(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT secret FROM server_secret WHERE name = 'page-token'"); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new StoreException("the page-token secret is missing from server_secret", null);
            }
            return r.getBytes(1);
        } catch (SQLException e) {
            throw new StoreException("reading the page-token secret failed: " + e.getMessage(), e);
        }
    }

    /**
     * One page of events, and the token of the next page when there is one.
     *
     * @param sqlNanos  the time in the database: statements run and rows fetched
     * @param readNanos the time reading the stored JSON-LD of the rows into events
     */
    public record Page(List<EpcisEvent> events, Optional<String> nextPageToken, Optional<Instant> tokenExpires,
                       long sqlNanos, long readNanos) {}

    /**
     * @param caller         who asks: only the events it may read are matched ({@link Visibility}, AND-ed to the
     *                       query's own conditions on every page and in the {@code maxEventCount} check)
     * @param canonicalQuery the query's parameters as text, to bind tokens to the query they continue
     * @param token          the {@code nextPageToken} of the previous page, or null for the first
     * @throws QueryParameterException for a bad token, or one made for another caller
     * @throws QueryTooLargeException  when {@code maxEventCount} is exceeded
     */
    public Page run(SimpleEventQuery query, Caller caller, String canonicalQuery, String token, int perPage) {
        long started = System.nanoTime();
        Optional<Visibility.Condition> visible = Visibility.events(caller, "e");
        // Tokens are bound to the caller as well as the query: one handed to another caller is refused. (Each
        // page is filtered by its own caller anyway; a token only carries a position.)
        byte[] queryHash = PageToken.hash(canonicalQuery + "\n" + callerKey(caller));
        Instant now = clock.instant();
        SimpleEventQuery.Order order = query.order();
        try (Connection c = dataSource.getConnection()) {
            PageToken position = token == null ? null : PageToken.decode(token, secret.get(), queryHash, now);
            long remaining = position != null ? position.remaining()
                    : query.eventCountLimit() == null ? -1 : query.eventCountLimit();
            SqlWhere where = query.where();
            // Only rows visible at the first page (docs/store.md §5a): committed and numbered by then. A first page
            // reads the horizon in its own statement (one read view, one round trip) unless maxEventCount needs it
            // before. A scalar subquery, not EXISTS: MariaDB turned the EXISTS into a join driven from
            // epcis_outbox, which read every event of the horizon for a one-day window (docs/benchmarks.md).
            Long horizon = position != null ? Long.valueOf(position.horizon()) : null;
            if (position == null && query.maxEventCount() != null) {
                horizon = horizon(c);
                SqlWhere counted = query.where();
                visible.ifPresent(v -> counted.add(v.sql(), v.arguments().toArray()));
                counted.add(VISIBLE + "?", horizon);
                checkMaxEventCount(c, counted, query.maxEventCount());
            }
            visible.ifPresent(v -> where.add(v.sql(), v.arguments().toArray()));
            String from = "epcis_event e";
            if (horizon == null) {
                from += " CROSS JOIN (" + HORIZON + ") hz";
                where.add(VISIBLE + "hz.h");
            } else {
                where.add(VISIBLE + "?", horizon);
            }
            if (position != null) {
                keyset(where, order, position);
            }
            int limit = remaining < 0 ? perPage : (int) Math.min(perPage, remaining);
            String direction = order.ascending() ? "ASC" : "DESC";
            String sql = "SELECT e.id, " + order.key().column() + ", e.event_json"
                    + (horizon == null ? ", hz.h" : "") + " FROM " + from + " WHERE "
                    + where.sql() + " ORDER BY " + order.key().column() + " " + direction
                    + (order.key() == SimpleEventQuery.OrderKey.ROW ? "" : ", e.id " + direction) + " LIMIT ?";
            List<String> rows = new ArrayList<>();
            long lastId = 0;
            long lastKey = 0;
            boolean more = false;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = bind(s, where.arguments());
                s.setInt(i, limit + 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (horizon == null) {
                            horizon = r.getLong(4);
                        }
                        if (rows.size() == limit) {
                            more = true;
                            break;
                        }
                        lastId = r.getLong(1);
                        lastKey = order.key() == SimpleEventQuery.OrderKey.ROW ? lastId
                                : micros(r.getObject(2, LocalDateTime.class));
                        rows.add(r.getString(3));
                    }
                }
            }
            long fetched = System.nanoTime();
            List<EpcisEvent> events = new ArrayList<>(rows.size());
            for (String json : rows) {
                events.add(EventJson.read(json));
            }
            long sqlNanos = fetched - started;
            long readNanos = System.nanoTime() - fetched;
            long left = remaining < 0 ? -1 : remaining - events.size();
            if (!more || left == 0) {
                return new Page(events, Optional.empty(), Optional.empty(), sqlNanos, readNanos);
            }
            Instant expires = now.plus(tokenLifetime).truncatedTo(ChronoUnit.SECONDS);
            String next = new PageToken(queryHash, horizon, lastKey, lastId, left, expires).encode(secret.get());
            return new Page(events, Optional.of(next), Optional.of(expires), sqlNanos, readNanos);
        } catch (SQLException e) {
            throw new StoreException("the query failed: " + e.getMessage(), e);
        }
    }

    /** What a page token is bound to besides the query: the caller's organisation, roles and GLNs. */
    static String callerKey(Caller caller) {
        return caller.organisation() + "|" + new java.util.TreeSet<>(caller.roles()) + "|"
                + new java.util.TreeSet<>(caller.partnerGlns());
    }

    /** The highest visibility number now: every outbox row numbered up to it is committed (docs/store.md §5a). */
    public static long horizon(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(HORIZON);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void checkMaxEventCount(Connection c, SqlWhere where, int max) throws SQLException {
        String sql = "SELECT COUNT(*) FROM (SELECT 1 FROM epcis_event e WHERE " + where.sql() + " LIMIT ?) m";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = bind(s, where.arguments());
            s.setInt(i, max + 1);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) > max) {
                    throw new QueryTooLargeException(max);
                }
            }
        }
    }

    /** After the previous page's last event, in the query's order. */
    private static void keyset(SqlWhere where, SimpleEventQuery.Order order, PageToken p) {
        String after = order.ascending() ? ">" : "<";
        if (order.key() == SimpleEventQuery.OrderKey.ROW) {
            where.add("e.id " + after + " ?", p.lastId());
            return;
        }
        String column = order.key().column();
        LocalDateTime key = fromMicros(p.lastKey());
        where.add("(" + column + " " + after + " ? OR (" + column + " = ? AND e.id " + after + " ?))", key, key,
                p.lastId());
    }

    private static int bind(PreparedStatement s, List<Object> arguments) throws SQLException {
        int i = 1;
        for (Object a : arguments) {
            s.setObject(i++, a);
        }
        return i;
    }

    private static long micros(LocalDateTime t) {
        Instant i = t.toInstant(ZoneOffset.UTC);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    private static LocalDateTime fromMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }
}
