package io.tracewell.epcis.query.http;

import io.tracewell.epcis.query.SimpleEventQuery;
import io.tracewell.epcis.query.SqlWhere;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.access.Visibility;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The values the stored events use, as the resource collections list them ({@code /bizSteps}, {@code /epcs},
 * ...): distinct values of one indexed column, read in the column's (binary) order from a given value on, so
 * that the index answers each page without reading the events. Only values of events the caller may read are
 * listed or found (docs/security.md, "Visibility").
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

    /**
     * Up to {@code limit} distinct values greater than {@code after}, in ascending order, of the events
     * {@code caller} may read ({@link Visibility}): another organisation's identifiers are not listed. For a caller
     * that reads everything the statement is the plain one, which the column's index answers alone.
     */
    List<String> page(Source source, Caller caller, String after, int limit) {
        Optional<Visibility.Condition> visible = Visibility.events(caller, "e");
        String sql;
        if (visible.isEmpty()) {
            sql = "SELECT DISTINCT " + source.column() + " FROM " + source.table() + " WHERE " + source.filter()
                    + " AND " + source.column() + " > ? ORDER BY " + source.column() + " LIMIT ?";
        } else if (source.table().equals("epcis_event")) {
            sql = "SELECT DISTINCT e." + source.column() + " FROM epcis_event e WHERE " + source.filter()
                    + " AND e." + source.column() + " > ? AND " + visible.get().sql()
                    + " ORDER BY e." + source.column() + " LIMIT ?";
        } else {
            sql = "SELECT DISTINCT t." + source.column() + " FROM " + source.table() + " t JOIN epcis_event e"
                    + " ON e.id = t.event_row_id WHERE " + source.filter() + " AND t." + source.column() + " > ?"
                    + " AND " + visible.get().sql() + " ORDER BY t." + source.column() + " LIMIT ?";
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String a : source.filterArguments()) {
                s.setString(i++, a);
            }
            s.setString(i++, after);
            for (Object a : visible.map(Visibility.Condition::arguments).orElse(List.of())) {
                s.setObject(i++, a);
            }
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

    /** Whether at least one stored event that {@code caller} may read matches the query's conditions. */
    boolean anyMatch(SimpleEventQuery query, Caller caller) {
        SqlWhere where = query.where();
        Visibility.events(caller, "e").ifPresent(v -> where.add(v.sql(), v.arguments().toArray()));
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
