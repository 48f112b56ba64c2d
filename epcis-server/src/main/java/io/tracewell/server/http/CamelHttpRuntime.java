package io.tracewell.server.http;

import io.tracewell.server.config.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
 *
 * <p>Camel creates its HTTP server with default {@link HttpServerOptions} and offers no way to change them, while
 * the request URI limit ({@link UriLengthLimit}) needs a longer request line than the default 4096 bytes and its own
 * handler of unreadable requests. So the instance bound for Camel is a view of ours that differs in one method only:
 * {@code createHttpServer(options)} applies those two settings to the server Camel asks for. Everything else,
 * event loops and worker pools included, is our instance's.
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
        UriLengthLimit uriLimit = new UriLengthLimit(http.maxUriLength());
        main.bind("vertx", withUriLimit(vertx, uriLimit, http.tls()));
        main.configure().setName("tracewell");
        main.configure().setShutdownTimeout(10);
        main.configure().httpServer().withEnabled(true).withHost(http.host()).withPort(http.port());
        main.start();
        try {
            MainHttpServer server = main.getCamelContext().hasService(MainHttpServer.class);
            if (server == null || server.getRouter() == null) {
                throw new IllegalStateException("camel-platform-http-main did not start an HTTP server");
            }
            Router router = server.getRouter();
            router.route().order(UriLengthLimit.ORDER).handler(uriLimit);
            router.route().order(ContentEncodingGuard.ORDER).handler(new ContentEncodingGuard());
            return new CamelHttpRuntime(main, router);
        } catch (RuntimeException e) {
            main.stop();
            throw e;
        }
    }

    /**
     * Our Vert.x instance, except that the HTTP servers created through it read request lines up to
     * {@link UriLengthLimit#requestLineLimit()} and answer longer ones with its problem, and serve HTTPS only when
     * {@code tls} is given.
     */
    static Vertx withUriLimit(Vertx vertx, UriLengthLimit limit,
                              java.util.Optional<io.tracewell.server.config.TlsSettings> tls) {
        return (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[] {Vertx.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createHttpServer")) {
                        HttpServerOptions asked = args != null && args.length == 1
                                && args[0] instanceof HttpServerOptions o ? o : new HttpServerOptions();
                        HttpServerOptions options = new HttpServerOptions(asked)
                                .setMaxInitialLineLength(limit.requestLineLimit());
                        tls.ifPresent(t -> options.setSsl(true).setKeyCertOptions(new io.vertx.core.net.PfxOptions()
                                .setPath(t.keyStore().toString()).setPassword(t.password())));
                        return vertx.createHttpServer(options)
                                .invalidRequestHandler(limit.invalidRequests());
                    }
                    try {
                        return method.invoke(vertx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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
