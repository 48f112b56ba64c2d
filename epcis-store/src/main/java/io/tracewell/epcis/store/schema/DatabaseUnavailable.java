package io.tracewell.epcis.store.schema;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that could not be reached (stopped, restarting, a network cut, the pool timing out for a
 * connection) from a database that answered with an error. Work that failed for the first reason is not wrong and
 * is done again once the database is back; work that failed for the second is reported.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    /** Whether {@code failure}, or one of its causes, says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (SQL:2016 and the MariaDB driver)
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
