package io.tracewell.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tracewell.server.config.DatabaseSettings;

/** Builds the server's one connection pool. */
public final class DataSources {

    private DataSources() {}

    public static HikariDataSource pooled(ConnectionSettings connection, DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tracewell");
        // Named explicitly so the driver is found even where service files were not merged.
        config.setDriverClassName("org.mariadb.jdbc.Driver");
        config.setJdbcUrl(connection.url());
        connection.user().ifPresent(config::setUsername);
        config.setPassword(connection.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // Start even when the database is down: /health reports it, and the pool connects once it is back.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
