package io.tracewell.server;

import static io.tracewell.server.config.TracewellConfig.DB_CONNECTION_TIMEOUT_MS;
import static io.tracewell.server.config.TracewellConfig.DB_URL;
import static io.tracewell.server.config.TracewellConfig.HTTP_HOST;
import static io.tracewell.server.config.TracewellConfig.HTTP_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.store.embedded.LoopbackPort;
import io.tracewell.server.config.ConfigSource;
import io.tracewell.server.config.TracewellConfig;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server starts without its database and says so on /health, so an orchestrator can hold traffic back. */
class UnreachableDatabaseHealthTest {

    @Test
    void healthIs503WithTheDatabaseDownWhenNothingListensAtTheDatabaseUrl() throws Exception {
        int nothingListens = LoopbackPort.free();
        TracewellConfig config = TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                HTTP_HOST, "127.0.0.1",
                HTTP_PORT, "0",
                DB_URL, "jdbc:mariadb://127.0.0.1:" + nothingListens + "/tracewell",
                DB_CONNECTION_TIMEOUT_MS, "1000")));

        try (TracewellServer server = new TracewellServer(config).start()) {
            HttpResponse<String> response = TestHttp.get(server.baseUri().resolve("health"));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonObject body = new JsonObject(response.body());
            assertThat(body.getString("status")).isEqualTo("DOWN");
            assertThat(body.getString("database")).isEqualTo("DOWN");
            assertThat(body.getString("databaseMode")).isEqualTo("external");
            assertThat(server.embeddedDatabase()).isEmpty();
        }
    }
}
