package io.tracewell.server;

import static io.tracewell.server.config.TracewellConfig.DATA_DIR;
import static io.tracewell.server.config.TracewellConfig.HTTP_HOST;
import static io.tracewell.server.config.TracewellConfig.HTTP_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.store.embedded.EmbeddedDatabaseException;
import io.tracewell.server.config.ConfigSource;
import io.tracewell.server.config.TracewellConfig;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole server on the embedded MariaDB, over real HTTP, as {@code java -jar} would run it. */
class EmbeddedServerTest {

    // Under target/ so that "mvn clean" removes it; the space checks that paths reach mariadbd whole.
    private static final Path DATA = Path.of("target", "embedded server test").toAbsolutePath();

    private static TracewellConfig config() {
        return TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                HTTP_HOST, "127.0.0.1",
                HTTP_PORT, "0",
                DATA_DIR, DATA.toString(),
                // a route the test mounts has no access rule; development mode lets every request in
                TracewellConfig.SECURITY_DEVELOPMENT_MODE, "true")));
    }

    @Test
    void answersHealthOverHttpThenStopsTheDatabaseProcessOnClose() throws Exception {
        TracewellServer server = new TracewellServer(config()).start();
        URI health = server.baseUri().resolve("health");
        ProcessHandle mariadb;
        try {
            HttpResponse<String> response = TestHttp.get(health);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonObject body = new JsonObject(response.body());
            assertThat(body.getString("status")).isEqualTo("UP");
            assertThat(body.getString("database")).isEqualTo("UP");
            assertThat(body.getString("databaseMode")).isEqualTo("embedded");
            assertThat(body.getString("version")).isEqualTo(TracewellVersion.get());

            List<ProcessHandle> processes = MariaDbProcesses.serving(DATA);
            assertThat(processes).hasSize(1);
            mariadb = processes.get(0);
        } finally {
            server.close();
        }

        assertThat(mariadb.isAlive()).isFalse();
        assertThat(MariaDbProcesses.serving(DATA)).isEmpty();
        assertThatThrownBy(() -> TestHttp.get(health)).isInstanceOf(ConnectException.class);
    }

    @Test
    void handlersMountedOnTheRouterAreServedByTheSameHttpServer() throws Exception {
        try (TracewellServer server = new TracewellServer(config()).start()) {
            server.router().get("/mounted-by-test").handler(context -> context.end("served by the router"));

            HttpResponse<String> response = TestHttp.get(server.baseUri().resolve("mounted-by-test"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("served by the router");
        }
    }

    @Test
    void keepsItsDataInTheDataDirectoryBetweenRuns() throws Exception {
        String token = UUID.randomUUID().toString();
        try (TracewellServer first = new TracewellServer(config()).start();
                Connection connection = first.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS persistence_probe (token CHAR(36) NOT NULL)");
            statement.execute("DELETE FROM persistence_probe");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO persistence_probe VALUES (?)")) {
                insert.setString(1, token);
                insert.executeUpdate();
            }
        }

        try (TracewellServer second = new TracewellServer(config()).start();
                Connection connection = second.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT token FROM persistence_probe")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo(token);
            assertThat(result.next()).isFalse();
        }
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectoryAtOnce() throws Exception {
        try (TracewellServer first = new TracewellServer(config()).start()) {
            assertThatThrownBy(() -> new TracewellServer(config()).start())
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessage("the embedded database directory " + DATA.resolve("mariadb")
                            + " is in use by another Tracewell server; stop it or choose another EPCIS_DATA_DIR");

            assertThat(TestHttp.get(first.baseUri().resolve("health")).statusCode()).isEqualTo(200);
            assertThat(MariaDbProcesses.serving(DATA)).hasSize(1);
        }
    }
}
