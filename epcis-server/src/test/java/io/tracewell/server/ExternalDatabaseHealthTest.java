package io.tracewell.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The server against an external MariaDB named by {@code TRACEWELL_TEST_DB_URL} (with
 * {@code TRACEWELL_TEST_DB_USER}, default root, and {@code TRACEWELL_TEST_DB_PASSWORD}, default empty), on a fresh
 * database of that server, dropped afterwards.
 * Without it the test is skipped: a fresh machine has no MariaDB, and the default build must pass there.
 */
class ExternalDatabaseHealthTest {

    private static final String SKIP_REASON = "TRACEWELL_TEST_DB_URL is not set, so there is no external MariaDB"
            + " to test against (e.g. TRACEWELL_TEST_DB_URL=jdbc:mariadb://127.0.0.1:3306/test)";

    @Test
    void healthIs200WithTheExternalDatabaseUp() throws Exception {
        String url = System.getenv("TRACEWELL_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            // Surefire shows only a count of skipped tests; say which and why where the build output shows it.
            System.err.println("Skipping " + getClass().getSimpleName() + ": " + SKIP_REASON);
        }
        assumeTrue(url != null && !url.isBlank(), SKIP_REASON);
        // A fresh database on that server: the named database may hold the schema of another version.
        try (TestServers servers = TestServers.configured().orElseThrow()) {
            TracewellServer server = servers.main();
            HttpResponse<String> response = TestHttp.get(server.baseUri().resolve("health"));

            assertThat(response.statusCode()).as("health of %s: %s", url, response.body()).isEqualTo(200);
            JsonObject body = new JsonObject(response.body());
            assertThat(body.getString("status")).isEqualTo("UP");
            assertThat(body.getString("database")).isEqualTo("UP");
            assertThat(body.getString("databaseMode")).isEqualTo("external");
        }
    }
}
