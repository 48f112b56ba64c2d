package io.tracewell.server.capture;

import static io.tracewell.server.config.TracewellConfig.DATA_DIR;
import static io.tracewell.server.config.TracewellConfig.DB_PASSWORD;
import static io.tracewell.server.config.TracewellConfig.DB_URL;
import static io.tracewell.server.config.TracewellConfig.DB_USER;
import static io.tracewell.server.config.TracewellConfig.HTTP_HOST;
import static io.tracewell.server.config.TracewellConfig.HTTP_PORT;

import io.tracewell.server.TracewellServer;
import io.tracewell.server.config.ConfigSource;
import io.tracewell.server.config.TracewellConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Tracewell servers for the capture tests, each on a database of its own, so that what one test captures or
 * lists is not seen by another. On the embedded MariaDB the first server runs in embedded mode (as the jar does
 * by default) and the further ones use fresh databases on its MariaDB; on the server {@code TRACEWELL_TEST_DB_URL}
 * names every server gets a fresh database there. {@link #close()} stops the servers and drops the databases.
 */
public final class TestServers implements AutoCloseable {

    static final String URL_VARIABLE = "TRACEWELL_TEST_DB_URL";

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final String databaseServerUrl;
    private final String user;
    private final String password;
    private TracewellServer main;

    private TestServers(String databaseServerUrl, String user, String password) {
        this.databaseServerUrl = databaseServerUrl;
        this.user = user;
        this.password = password;
    }

    /** A main server on the embedded MariaDB in {@code dataDirectory}, which is emptied first. */
    public static TestServers embedded(Path dataDirectory) throws Exception {
        deleteTree(dataDirectory);
        TracewellServer main = new TracewellServer(TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                HTTP_HOST, "127.0.0.1",
                HTTP_PORT, "0",
                DATA_DIR, dataDirectory.toString())))).start();
        io.tracewell.server.TestCaller.actingAsEveryone(main);
        int port = main.embeddedDatabase().orElseThrow().port();
        TestServers servers = new TestServers("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
        servers.toClose.push(main);
        servers.main = main;
        return servers;
    }

    /** A main server on a fresh database of the server {@code TRACEWELL_TEST_DB_URL} names, when it is set. */
    public static Optional<TestServers> configured() throws Exception {
        String configured = System.getenv(URL_VARIABLE);
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        // jdbc:mariadb://host:port/db?options -> jdbc:mariadb://host:port/
        int slash = configured.indexOf('/', "jdbc:mariadb://".length());
        String serverUrl = slash < 0 ? configured + "/" : configured.substring(0, slash + 1);
        String user = Objects.requireNonNullElse(System.getenv("TRACEWELL_TEST_DB_USER"), "root");
        String password = Objects.requireNonNullElse(System.getenv("TRACEWELL_TEST_DB_PASSWORD"), "");
        TestServers servers = new TestServers(serverUrl, user, password);
        try {
            servers.main = servers.startOnFreshDatabase(Map.of());
            return Optional.of(servers);
        } catch (Exception | Error e) {
            servers.close();
            throw e;
        }
    }

    /** The server most tests share. */
    public TracewellServer main() {
        return main;
    }

    /** Another server, with the configuration keys in {@code overrides}, on a database nobody else uses. */
    public TracewellServer startOnFreshDatabase(Map<String, String> overrides) throws Exception {
        return startOn(createDatabase(), overrides);
    }

    /** A new empty database on the database server, dropped by {@link #close}; returns its name. */
    public String createDatabase() {
        String name = "tw_capture_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        toClose.push(() -> execute("DROP DATABASE IF EXISTS " + name));
        return name;
    }

    /**
     * A server on the database {@code name} (from {@link #createDatabase}), which other servers may share, with
     * the configuration keys in {@code overrides}; stopped by {@link #close} unless stopped before.
     */
    public TracewellServer startOn(String name, Map<String, String> overrides) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of(
                HTTP_HOST, "127.0.0.1",
                HTTP_PORT, "0",
                DB_URL, databaseServerUrl + name,
                DB_USER, user,
                DB_PASSWORD, password));
        config.putAll(overrides);
        TracewellServer server = new TracewellServer(TracewellConfig.from(ConfigSource.defaultsWith(config))).start();
        io.tracewell.server.TestCaller.actingAsEveryone(server);
        toClose.push(server);
        return server;
    }

    /** Stops the servers and drops their databases, newest first. */
    @Override
    public void close() {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                System.err.println("closing a test server or database failed: " + e);
            }
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(databaseServerUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + databaseServerUrl + ": " + e.getMessage(), e);
        }
    }

    public static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
