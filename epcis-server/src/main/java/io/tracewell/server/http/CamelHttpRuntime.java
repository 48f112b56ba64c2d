package io.tracewell.server.http;

import io.tracewell.server.config.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.main.Main;
import org.apache.camel.main.SimpleMainShutdownStrategy;

/**
 * Apache Camel Main with its one HTTP server (Vert.x, from {@code camel-platform-http-main}).
 *
 * <p>The server's Vert.x Web {@link Router} is handed out so that handlers which read better in plain
 * Vert.x (content negotiation, streamed bodies, WebSocket upgrades) are mounted on it directly, beside
 * anything Camel's own {@code platform-http} endpoints add. We create the {@link Vertx} instance and bind
 * it in Camel's registry, where the platform HTTP server picks it up instead of creating its own, so the
 * rest of the application can use the same event loops.
 */
public final class CamelHttpRuntime implements AutoCloseable {

    private final Main main;
    private final Router router;

    private CamelHttpRuntime(Main main, Router router) {
        this.main = main;
        this.router = router;
    }

    /**
     * Starts Camel and the HTTP server on {@code http}'s host and port, which must be a concrete port: the
     * router is registered under a name made from the configured port.
     */
    public static CamelHttpRuntime start(Vertx vertx, HttpSettings http) {
        if (http.port() == 0) {
            throw new IllegalArgumentException("choose the HTTP port before starting Camel");
        }
        Main main = new Main();
        // The process owns one shutdown hook (see ServeCommand); Camel's own would stop Camel alone.
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        main.bind("vertx", vertx);
        main.configure().setName("tracewell");
        main.configure().setShutdownTimeout(10);
        main.configure().httpServer().withEnabled(true).withHost(http.host()).withPort(http.port());
        main.start();
        try {
            MainHttpServer server = main.getCamelContext().hasService(MainHttpServer.class);
            if (server == null || server.getRouter() == null) {
                throw new IllegalStateException("camel-platform-http-main did not start an HTTP server");
            }
            return new CamelHttpRuntime(main, server.getRouter());
        } catch (RuntimeException e) {
            main.stop();
            throw e;
        }
    }

    /** The HTTP server's router; routes added here are served at once. */
    public Router router() {
        return router;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** Stops Camel gracefully: in-flight exchanges get up to the shutdown timeout, then the HTTP server closes. */
    @Override
    public void close() {
        main.stop();
    }
}
