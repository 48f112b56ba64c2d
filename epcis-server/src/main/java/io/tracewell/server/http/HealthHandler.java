package io.tracewell.server.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 with {@code {"status":"UP","database":"UP",...}} when the database answers,
 * 503 with {@code DOWN} otherwise, so a load balancer or orchestrator can take the node out of service.
 *
 * <p>The reason for a failure is logged, not returned: the endpoint is unauthenticated. It is logged when
 * the state changes rather than on every probe, which a load balancer may send every second.
 */
public final class HealthHandler implements Handler<RoutingContext> {

    public static final String PATH = "/health";

    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

    private final DatabaseProbe database;
    private final String databaseMode;
    private final String version;
    private final AtomicReference<Boolean> lastUp = new AtomicReference<>();

    /**
     * @param databaseMode {@code embedded} or {@code external}, reported as is
     * @param version the server version, reported as is
     */
    public HealthHandler(DatabaseProbe database, String databaseMode, String version) {
        this.database = database;
        this.databaseMode = databaseMode;
        this.version = version;
    }

    /** Mounts on a worker thread (the probe blocks), unordered so that slow probes do not queue up. */
    public void mount(Router router) {
        router.get(PATH).blockingHandler(this, false);
    }

    @Override
    public void handle(RoutingContext context) {
        boolean up = probe();
        String status = up ? "UP" : "DOWN";
        JsonObject body = new JsonObject()
                .put("status", status)
                .put("database", status)
                .put("databaseMode", databaseMode)
                .put("version", version);
        context.response()
                .setStatusCode(up ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    private boolean probe() {
        try {
            database.check();
            Boolean before = lastUp.getAndSet(true);
            if (Boolean.FALSE.equals(before)) {
                LOG.info("Database is reachable again");
            }
            return true;
        } catch (Exception e) {
            Boolean before = lastUp.getAndSet(false);
            if (!Boolean.FALSE.equals(before)) {
                LOG.warn("Database health check failed: {}", e.toString());
            }
            return false;
        }
    }
}
