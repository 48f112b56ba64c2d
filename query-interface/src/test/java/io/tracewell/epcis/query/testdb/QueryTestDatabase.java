package io.tracewell.epcis.query.testdb;

import com.zaxxer.hikari.HikariDataSource;
import io.tracewell.epcis.store.embedded.EmbeddedMariaDb;
import io.tracewell.epcis.store.embedded.EmbeddedMariaDbSettings;
import io.tracewell.epcis.store.schema.ConnectionSettings;
import io.tracewell.epcis.store.schema.DataSources;
import io.tracewell.epcis.store.schema.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, uniquely named database with the store's schema (all migrations) for one test class: on the server
 * {@code TRACEWELL_TEST_DB_URL} names when it is set (user root, no password), otherwise on the store's
 * {@link EmbeddedMariaDb} (data under {@code target/embedded-mariadb}, started once per test JVM, stopped when it
 * exits; one for every test class of the module, so that no two servers share its data directory). Dropped on
 * {@link #close()}.
 */
public final class QueryTestDatabase implements AutoCloseable {

    private static EmbeddedMariaDb embedded;

    private final String serverUrl;
    private final String name;
    private final HikariDataSource dataSource;

    private QueryTestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.dataSource = DataSources.pooled(
                new ConnectionSettings(serverUrl + name, Optional.of("root"), ""), 12, Duration.ofSeconds(30));
    }

    public static QueryTestDatabase create() {
        String serverUrl = serverUrl();
        String name = "tw_query_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(serverUrl, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        QueryTestDatabase database = new QueryTestDatabase(serverUrl, name);
        Migrations.migrate(database.dataSource);
        return database;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        execute(serverUrl, "DROP DATABASE IF EXISTS " + name);
    }

    private static String serverUrl() {
        String configured = System.getenv("TRACEWELL_TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            int slash = configured.indexOf('/', "jdbc:mariadb://".length());
            return slash < 0 ? configured + "/" : configured.substring(0, slash + 1);
        }
        return embeddedServerUrl();
    }

    private static synchronized String embeddedServerUrl() {
        if (embedded == null) {
            EmbeddedMariaDb started = EmbeddedMariaDb.start(new EmbeddedMariaDbSettings(
                    Path.of("target", "embedded-mariadb").toAbsolutePath(), 0, "tracewell_test"));
            // Its output threads are not daemons, and a mariadbd left running would hold the data directory.
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-mariadb-stop"));
            embedded = started;
        }
        return "jdbc:mariadb://127.0.0.1:" + embedded.port() + "/";
    }

    private static void execute(String serverUrl, String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl, "root", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + serverUrl + ": " + e.getMessage(), e);
        }
    }
}
