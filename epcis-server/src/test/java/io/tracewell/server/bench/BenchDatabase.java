package io.tracewell.server.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;

/**
 * The database the server under test writes to, reached directly for the JDBC baseline and for counting what a
 * capture stored. Connections get {@code rewriteBatchedStatements=true} as the server's pool does.
 */
record BenchDatabase(String url, String user, String password) {

    Connection connect() throws SQLException {
        String withBatches = url.contains("rewriteBatchedStatements=") ? url
                : url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
        return DriverManager.getConnection(withBatches, user, password);
    }

    String version() throws SQLException {
        try (Connection c = connect(); ResultSet r = c.createStatement().executeQuery("SELECT VERSION()")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Event rows and EPC rows stored under the given capture IDs. */
    StoredCounts count(Collection<String> captureIds) throws SQLException {
        if (captureIds.isEmpty()) {
            return new StoredCounts(0, 0);
        }
        String in = String.join(", ", Collections.nCopies(captureIds.size(), "?"));
        try (Connection c = connect()) {
            long events = single(c, "SELECT COUNT(*) FROM epcis_event WHERE capture_id IN (" + in + ")", captureIds);
            long epcs = single(c, "SELECT COUNT(*) FROM epcis_event_epc p JOIN epcis_event e ON e.id = p.event_row_id"
                    + " WHERE e.capture_id IN (" + in + ")", captureIds);
            return new StoredCounts(events, epcs);
        }
    }

    record StoredCounts(long events, long epcRows) {
    }

    private static long single(Connection c, String sql, Collection<String> parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String p : parameters) {
                s.setString(i++, p);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** For printing: the URL without anything after '?', and never the password. */
    String describe() {
        int q = url.indexOf('?');
        return (q < 0 ? url : url.substring(0, q)) + " as " + user;
    }
}
