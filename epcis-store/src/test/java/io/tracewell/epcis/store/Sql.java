package io.tracewell.epcis.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;

/** Reads rows for assertions: each row as its columns joined by '|', NULL as "null", decimals without
 * trailing zeros, DATETIME as ISO local date-time. */
final class Sql {

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<String> rows(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringJoiner row = new StringJoiner("|");
                    for (int i = 1; i <= columns; i++) {
                        Object value = r.getObject(i);
                        if (value instanceof BigDecimal d) {
                            value = d.stripTrailingZeros().toPlainString();
                        } else if (value instanceof Timestamp t) {
                            value = t.toLocalDateTime(); // DATETIME holds UTC wall-clock time, no zone
                        }
                        row.add(String.valueOf(value));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    String one(String sql, Object... parameters) {
        List<String> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql + ", got " + rows);
        }
        return rows.get(0);
    }

    long count(String table) {
        return Long.parseLong(one("SELECT COUNT(*) FROM " + table));
    }

    void execute(String sql) {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
