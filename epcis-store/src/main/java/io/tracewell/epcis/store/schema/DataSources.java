package io.tracewell.epcis.store.schema;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Pools for the event store: the server's one pool and the tests' pools. */
public final class DataSources {

    private DataSources() {}

    /**
     * A HikariCP pool on a MariaDB URL. {@code rewriteBatchedStatements=true} is added when the URL does
     * not say otherwise: Connector/J then sends one multi-row INSERT per batch instead of one round trip
     * per row, which is what makes the projection writes cheap.
     *
     * @param connectionTimeout how long a caller waits for a connection (HikariCP's floor is 250 ms)
     */
    public static HikariDataSource pooled(ConnectionSettings connection, int poolSize, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tracewell");
        // Named explicitly so the driver is found even where service files were not merged (shaded jar).
        config.setDriverClassName("org.mariadb.jdbc.Driver");
        config.setJdbcUrl(withBatchRewriting(connection.url()));
        connection.user().ifPresent(config::setUsername);
        config.setPassword(connection.password());
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        // Start even when the database is down: the server's /health reports it, and the pool connects once
        // it is back.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    static String withBatchRewriting(String url) {
        if (url.contains("rewriteBatchedStatements=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
    }
}
