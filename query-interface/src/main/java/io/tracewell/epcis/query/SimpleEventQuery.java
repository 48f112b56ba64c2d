package io.tracewell.epcis.query;

import java.util.List;
import java.util.Objects;

/**
 * A parsed SimpleEventQuery: the conditions (AND-ed), the order, and the limits.
 *
 * @param conditions      one per parameter
 * @param order           what the events are sorted by
 * @param eventCountLimit return at most this many events (in order), or null
 * @param maxEventCount   fail with {@link QueryTooLargeException} when more match, or null
 */
public record SimpleEventQuery(List<Condition> conditions, Order order, Integer eventCountLimit,
                               Integer maxEventCount) {

    public SimpleEventQuery {
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(order, "order");
    }

    /** The sort: a column of {@code epcis_event e} and a direction; ties are broken by the row id. */
    public record Order(OrderKey key, boolean ascending) {
        public static final Order STORAGE = new Order(OrderKey.ROW, true);
    }

    /** What events can be ordered by. {@code ROW} is storage order (no {@code orderBy}). */
    public enum OrderKey {
        ROW("e.id"),
        EVENT_TIME("e.event_time"),
        RECORD_TIME("e.record_time");

        private final String column;

        OrderKey(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    public SqlWhere where() {
        SqlWhere where = new SqlWhere();
        for (Condition c : conditions) {
            c.appendTo(where);
        }
        return where;
    }
}
