package io.tracewell.epcis.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The conditions of a query on {@code epcis_event e}, AND-ed, with their JDBC parameters in order. Each condition
 * is a complete SQL predicate; side tables are reached with {@code EXISTS (SELECT 1 FROM ... WHERE event_row_id
 * = e.id AND ...)}, which the side tables' indexes answer.
 */
public final class SqlWhere {

    private final List<String> predicates = new ArrayList<>();
    private final List<Object> arguments = new ArrayList<>();

    /** Adds one predicate; {@code ?} in it are bound to {@code args} in order. */
    public SqlWhere add(String predicate, Object... args) {
        predicates.add(predicate);
        Collections.addAll(arguments, args);
        return this;
    }

    /** Adds {@code column IN (?, ?, ...)}. */
    public SqlWhere in(String column, List<?> values) {
        return add(column + " IN (" + placeholders(values.size()) + ")", values.toArray());
    }

    public List<String> predicates() {
        return List.copyOf(predicates);
    }

    public List<Object> arguments() {
        return Collections.unmodifiableList(arguments);
    }

    /** {@code ?, ?, ?} for {@code n} values. */
    public static String placeholders(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("at least one value");
        }
        return "?" + ", ?".repeat(n - 1);
    }

    /** The predicates joined by AND, or {@code TRUE}. */
    public String sql() {
        return predicates.isEmpty() ? "TRUE" : String.join(" AND ", predicates);
    }
}
