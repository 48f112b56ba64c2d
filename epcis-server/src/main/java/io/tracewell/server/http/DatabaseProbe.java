package io.tracewell.server.http;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Asks the database one trivial question; blocking, so call it off the event loop. */
@FunctionalInterface
public interface DatabaseProbe {

    /** Returns normally when the database answered, throws with the reason otherwise. */
    void check() throws Exception;

    /** {@code SELECT 1} through the pool: proves a connection can be had and the server answers. */
    static DatabaseProbe selectOne(DataSource dataSource, int queryTimeoutSeconds) {
        return () -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(queryTimeoutSeconds);
                try (ResultSet result = statement.executeQuery("SELECT 1")) {
                    if (!result.next() || result.getInt(1) != 1) {
                        throw new SQLException("SELECT 1 did not return 1");
                    }
                }
            }
        };
    }
}
