package io.tracewell.server.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The database the server uses.
 *
 * @param url JDBC URL of an external MariaDB; empty means "start the embedded MariaDB"
 * @param user user name for the external database; empty leaves it to the URL
 * @param password password for the external database (may be empty)
 * @param poolSize maximum number of pooled connections
 * @param connectionTimeout how long to wait for a connection before reporting the database as down
 */
public record DatabaseSettings(
        Optional<String> url, Optional<String> user, String password, int poolSize, Duration connectionTimeout) {

    public DatabaseSettings {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        if (connectionTimeout.toMillis() < 250) {
            // HikariCP's floor; below it the pool silently uses 30 s.
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms: " + connectionTimeout);
        }
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url.orElse("<embedded>") + ", user=" + user.orElse("<from url>")
                + ", password=" + (password.isEmpty() ? "<empty>" : "<hidden>") + ", poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
