package io.tracewell.epcis.query.http;

import io.tracewell.epcis.query.SimpleEventQuery;
import io.tracewell.epcis.query.SqlWhere;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The values the stored events use, as the resource collections list them ({@code /bizSteps}, {@code /epcs},
 * ...): distinct values of one indexed column, read in the column's (binary) order from a given value on, so
 * that the index answers each page without reading the events.
 */
final class KnownValues {

    /**
     * Where one kind of value is stored: a column of a table, with an extra condition on that table (or none).
     * {@code filter} is fixed SQL; its arguments are in {@code filterArguments}.
     */
    record Source(String table, String column, String filter, List<String> filterArguments) {

        Source {
            filterArguments = List.copyOf(filterArguments);
        }

        static Source eventColumn(String column) {
            return new Source("epcis_event", column, column + " IS NOT NULL", List.of());
        }
    }

    private final DataSource dataSource;

    KnownValues(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Up to {@code limit} distinct values greater than {@code after}, in ascending order. */
    List<String> page(Source source, String after, int limit) {
        String sql = "SELECT DISTINCT " + source.column() + " FROM " + source.table() + " WHERE " + source.filter()
                + " AND " + source.column() + " > ? ORDER BY " + source.column() + " LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String a : source.filterArguments()) {
                s.setString(i++, a);
            }
            s.setString(i++, after);
            s.setInt(i, limit);
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new StoreException("listing " + source.column() + " of " + source.table() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Whether at least one stored event matches the query's conditions. */
    boolean anyMatch(SimpleEventQuery query) {
        SqlWhere where = query.where();
        String sql = "SELECT 1 FROM epcis_event e WHERE " + where.sql() + " LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object a : where.arguments()) {
                s.setObject(i++, a);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StoreException("looking for a matching event failed: " + e.getMessage(), e);
        }
    }
}
