package io.tracewell.epcis.store.testdb;

import com.zaxxer.hikari.HikariDataSource;
import io.tracewell.epcis.store.embedded.EmbeddedMariaDb;
import io.tracewell.epcis.store.embedded.EmbeddedMariaDbSettings;
import io.tracewell.epcis.store.schema.ConnectionSettings;
import io.tracewell.epcis.store.schema.DataSources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, uniquely named database for one test class, either on the {@link EmbeddedMariaDb} (data under
 * {@code target/embedded-mariadb}, started once per test JVM and stopped when it exits) or on the server
 * named by {@code TRACEWELL_TEST_DB_URL} (user root, no password; the machines' and CI's MariaDB 10.11).
 * The database is dropped on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String URL_VARIABLE = "TRACEWELL_TEST_DB_URL";
    private static EmbeddedMariaDb embedded;

    private final String serverUrl;
    private final String name;
    private final HikariDataSource dataSource;

    private TestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.dataSource = DataSources.pooled(
                new ConnectionSettings(serverUrl + name, Optional.of("root"), ""), 4, Duration.ofSeconds(30));
    }

    /** On the embedded MariaDB (11.4), always available. */
    public static TestDatabase embedded() {
        return create(embeddedServerUrl());
    }

    /** On the server {@code TRACEWELL_TEST_DB_URL} names, when it is set. */
    public static Optional<TestDatabase> onConfiguredServer() {
        String configured = System.getenv(URL_VARIABLE);
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        // jdbc:mariadb://host:port/db?options -> jdbc:mariadb://host:port/
        int slash = configured.indexOf('/', "jdbc:mariadb://".length());
        return Optional.of(create(slash < 0 ? configured + "/" : configured.substring(0, slash + 1)));
    }

    private static TestDatabase create(String serverUrl) {
        String name = "tw_store_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(serverUrl, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new TestDatabase(serverUrl, name);
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        dataSource.close();
        execute(serverUrl, "DROP DATABASE IF EXISTS " + name);
    }

    private static synchronized String embeddedServerUrl() {
        if (embedded == null) {
            EmbeddedMariaDb started = EmbeddedMariaDb.start(new EmbeddedMariaDbSettings(
                    Path.of("target", "embedded-mariadb").toAbsolutePath(), 0, "tracewell_test"));
            // Its output threads are not daemons, and a mariadbd left running would hold the data directory.
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-mariadb-stop"));
            embedded = started;
        }
        // Root over TCP with no database selected; each test class creates its own.
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
