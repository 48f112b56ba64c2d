package io.tracewell.server;

import static io.tracewell.server.config.TracewellConfig.DB_PASSWORD;
import static io.tracewell.server.config.TracewellConfig.DB_URL;
import static io.tracewell.server.config.TracewellConfig.DB_USER;
import static io.tracewell.server.config.TracewellConfig.HTTP_HOST;
import static io.tracewell.server.config.TracewellConfig.HTTP_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tracewell.server.config.ConfigSource;
import io.tracewell.server.config.TracewellConfig;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The server against an external MariaDB named by {@code TRACEWELL_TEST_DB_URL} (with
 * {@code TRACEWELL_TEST_DB_USER}, default root, and {@code TRACEWELL_TEST_DB_PASSWORD}, default empty).
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
        TracewellConfig config = TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                HTTP_HOST, "127.0.0.1",
                HTTP_PORT, "0",
                DB_URL, url,
                DB_USER, Objects.requireNonNullElse(System.getenv("TRACEWELL_TEST_DB_USER"), "root"),
                DB_PASSWORD, Objects.requireNonNullElse(System.getenv("TRACEWELL_TEST_DB_PASSWORD"), ""))));

        try (TracewellServer server = new TracewellServer(config).start()) {
            HttpResponse<String> response = TestHttp.get(server.baseUri().resolve("health"));

            assertThat(response.statusCode()).as("health of %s: %s", url, response.body()).isEqualTo(200);
            JsonObject body = new JsonObject(response.body());
            assertThat(body.getString("status")).isEqualTo("UP");
            assertThat(body.getString("database")).isEqualTo("UP");
            assertThat(body.getString("databaseMode")).isEqualTo("external");
        }
    }
}
