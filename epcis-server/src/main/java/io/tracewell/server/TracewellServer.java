package io.tracewell.server;

import com.zaxxer.hikari.HikariDataSource;
import io.tracewell.epcis.capture.SingleEventCapture;
import io.tracewell.epcis.capture.http.CaptureRoutes;
import io.tracewell.epcis.capture.http.DiscoveryRoutes;
import io.tracewell.epcis.capture.http.EventsRoutes;
import io.tracewell.epcis.capture.job.CaptureJobRunner;
import io.tracewell.epcis.capture.job.DocumentCapture;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.query.EventQueries;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.query.http.NamedQueryRoutes;
import io.tracewell.epcis.query.http.QueryRoutes;
import io.tracewell.epcis.query.http.ResourceRoutes;
import io.tracewell.epcis.store.embedded.EmbeddedMariaDb;
import io.tracewell.epcis.store.embedded.EmbeddedMariaDbSettings;
import io.tracewell.epcis.store.embedded.LoopbackPort;
import io.tracewell.epcis.store.read.StoredEvents;
import io.tracewell.epcis.store.schema.ConnectionSettings;
import io.tracewell.epcis.store.schema.DataSources;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.store.write.OutboxPublisher;
import io.tracewell.epcis.query.http.NamedQueries;
import io.tracewell.epcis.subscription.SubscriptionRoutes;
import io.tracewell.epcis.subscription.SubscriptionRunner;
import io.tracewell.epcis.subscription.WebSocketSubscriptions;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.server.admin.DeliveryRoutes;
import io.tracewell.trace.serial.SerialCommissioning;
import io.tracewell.trace.serial.SerialNumberService;
import io.tracewell.trace.serial.SerializationRoutes;
import io.tracewell.trace.serial.SerializationSettings;
import io.tracewell.epcis.subscription.Subscriptions;
import io.tracewell.server.config.SubscriptionSettings;
import io.tracewell.epcis.validation.DocumentValidator;
import io.tracewell.server.config.CaptureSettings;
import io.tracewell.server.config.DatabaseSettings;
import io.tracewell.server.config.EmbeddedDatabaseSettings;
import io.tracewell.server.config.HttpSettings;
import io.tracewell.server.config.TracewellConfig;
import io.tracewell.server.database.DatabaseSchema;
import io.tracewell.server.http.CamelHttpRuntime;
import io.tracewell.server.http.DatabaseProbe;
import io.tracewell.server.http.HealthHandler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of the running server with plain constructors, in dependency
 * order, and takes them down in reverse order.
 *
 * <pre>
 * configuration -> database (embedded MariaDB or external URL) -> connection pool -> schema migrations
 *               -> Vert.x -> Camel Main + HTTP server -> routes mounted on the Vert.x Router
 * </pre>
 *
 * <p>{@link #start()} and {@link #close()} are synchronized, so a shutdown hook that fires during
 * start-up waits for it and then releases whatever was started, the embedded database included.
 */
public final class TracewellServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TracewellServer.class);

    /** The largest body {@code POST /events} takes: one event, however rich, stays far below it. */
    private static final long SINGLE_EVENT_BODY_LIMIT = 4L * 1024 * 1024;

    /** How long a capture job stays with a node that stops renewing it (renewed every third of it). */
    private static final java.time.Duration CAPTURE_LEASE = java.time.Duration.ofSeconds(30);

    /** How long a query's nextPageToken is accepted. */
    private static final java.time.Duration PAGE_TOKEN_LIFETIME = java.time.Duration.ofHours(24);

    /** The most events one query page holds, whatever perPage asks. */
    private static final int MAX_PER_PAGE = 1000;

    private final TracewellConfig config;
    private final java.io.PrintStream console;
    private final Deque<Part> started = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private EmbeddedMariaDb embeddedDatabase;
    private HikariDataSource dataSource;
    private DatabaseSchema schema;
    private io.tracewell.server.security.ServerSecurity security;
    private Vertx vertx;
    private CamelHttpRuntime camel;
    private URI baseUri;
    private boolean startCalled;
    private boolean closing;

    public TracewellServer(TracewellConfig config) {
        this(config, System.out);
    }

    /** @param console where the first start prints the first administrator key (standard output, not the log) */
    public TracewellServer(TracewellConfig config, java.io.PrintStream console) {
        this.config = config;
        this.console = console;
    }

    /** Starts everything; on failure, stops what had started and rethrows. */
    public synchronized TracewellServer start() throws Exception {
        if (startCalled || closing) {
            throw new IllegalStateException("a server starts once");
        }
        startCalled = true;
        try {
            DatabaseSettings database = config.database();
            ConnectionSettings connection;
            if (database.embedded()) {
                EmbeddedDatabaseSettings embedded = config.embeddedDatabase();
                embeddedDatabase = track("embedded MariaDB", EmbeddedMariaDb.start(new EmbeddedMariaDbSettings(
                        embedded.dataDirectory(), embedded.port(), embedded.databaseName())));
                connection = embeddedDatabase.connectionSettings();
            } else {
                connection = new ConnectionSettings(database.url().orElseThrow(), database.user(), database.password());
            }
            dataSource = track("connection pool",
                    DataSources.pooled(connection, database.poolSize(), database.connectionTimeout()));
            // A database that is not reachable yet does not stop the start: health retries and says DOWN.
            schema = new DatabaseSchema(dataSource);
            schema.migrateOrLog();
            security = io.tracewell.server.security.ServerSecurity.create(config.security(), dataSource,
                    Clock.systemUTC());
            security.createFirstAdminKey(console);

            HttpSettings http = config.http().port() == 0
                    ? config.http().withPort(LoopbackPort.free())
                    : config.http();
            vertx = Vertx.vertx();
            Vertx ownVertx = vertx;
            AutoCloseable closeVertx = () -> ownVertx.close().toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            track("Vert.x", closeVertx);
            camel = track("Camel and the HTTP server", CamelHttpRuntime.start(vertx, http));
            mountRoutes(camel.router());

            io.tracewell.server.security.ServerSecurity.warnIfPlain(http.host(), http.tls().isPresent());
            baseUri = URI.create(http.scheme() + "://" + displayHost(http.host()) + ":" + http.port() + "/");
            LOG.info("Tracewell {} listening on {} (database: {}); health at {}", TracewellVersion.get(), baseUri,
                    describe(connection), baseUri.resolve(HealthHandler.PATH.substring(1)));
            return this;
        } catch (Exception | Error e) {
            closeStarted();
            closed.countDown();
            throw e;
        }
    }

    /**
     * Every HTTP route of the server is mounted here: the health check, discovery ({@code OPTIONS}, {@code GET /})
     * and the capture interface of the EPCIS REST binding ({@code /events}, {@code /capture}) with its job workers.
     */
    private void mountRoutes(Router router) {
        // First: every request is authenticated and checked against the access rules (docs/security.md).
        router.route().order(io.tracewell.server.security.SecurityHandler.ORDER).handler(security.handler());
        new io.tracewell.server.security.ApiKeyRoutes(security.apiKeys()).mount(router);

        EventStore store = new EventStore(dataSource, EventHasher.standard(), Clock.systemUTC());
        StoredEvents storedEvents = new StoredEvents(dataSource);
        SingleEventCapture capture = new SingleEventCapture(DocumentValidator.create(), EventHasher.standard(),
                store, storedEvents);
        CompanyPrefixLengths lengths = config.companyPrefixLengths();
        new EventsRoutes(capture, storedEvents, Clock.systemUTC(), SINGLE_EVENT_BODY_LIMIT, lengths).mount(router);
        // Serial numbers, their commissioning events and GS1 barcodes (docs/serialization.md).
        SerializationSettings serialization = config.trackAndTrace().serialization();
        SerialNumberService serialNumbers = new SerialNumberService(dataSource, new java.security.SecureRandom(),
                Clock.systemUTC(), serialization.guessOneIn());
        new SerializationRoutes(serialNumbers,
                new SerialCommissioning(capture, serialNumbers, serialization.epcsPerEvent(),
                        config.capture().organisation()), serialization)
                .mount(router);
        // Pack verification (docs/verification.md): GET /verify?code= and GS1 Digital Link paths /01/...
        io.tracewell.trace.verify.VerificationService verification = new io.tracewell.trace.verify.VerificationService(
                dataSource, capture, Clock.systemUTC(), config.capture().organisation());
        new io.tracewell.trace.verify.VerificationRoutes(verification).mount(router);
        // DSCSA saleable-returns verification in the manner of the Verification Router Service: GET /verify/dscsa
        new io.tracewell.trace.verify.VrsRoutes(verification, config.trackAndTrace().responderGln(),
                Clock.systemUTC()).mount(router);
        // Recalls of lots and packs, captured as events that verification answers "recalled".
        new io.tracewell.trace.recall.RecallRoutes(new io.tracewell.trace.recall.RecallService(capture,
                Clock.systemUTC(), config.capture().organisation())).mount(router);

        CaptureSettings captureSettings = config.capture();
        CaptureJobs jobs = new CaptureJobs(dataSource);
        CaptureJobRunner runner = track("capture workers", new CaptureJobRunner(jobs,
                DocumentCapture.of(jobs, store), captureSettings.nodeId(), captureSettings.workers(), CAPTURE_LEASE));
        runner.start();
        // Webhook subscriptions (docs/subscriptions.md): woken by this node's commits, polling for other nodes'.
        Subscriptions subscriptions = new Subscriptions(dataSource);
        NamedQueries namedQueries = new NamedQueries(dataSource);
        SubscriptionSettings subscriptionSettings = config.subscriptions();
        SubscriptionRunner subscriptionRunner = track("subscription delivery", new SubscriptionRunner(subscriptions,
                namedQueries, QueryParser.standard(), captureSettings.nodeId(), subscriptionSettings.runner(),
                Clock.systemUTC(), lengths));
        store.onVisible(subscriptionRunner::wake);
        subscriptionRunner.start();
        // WebSocket subscriptions (docs/subscriptions.md §7): live only as long as their socket, never stored.
        WebSocketSubscriptions webSockets = track("websocket subscriptions", new WebSocketSubscriptions(dataSource,
                QueryParser.standard(), new WebSocketSubscriptions.Settings(subscriptionSettings.runner().poll(),
                        subscriptionSettings.batchSize(), 2, subscriptionSettings.runner().scheduleZone()),
                Clock.systemUTC(), lengths));
        store.onVisible(webSockets::wake);
        // Alerts on captured events (docs/alerts.md): evaluated from the outbox, woken by this node's commits.
        io.tracewell.trace.alert.AlertEngine alerts = track("alert engine", new io.tracewell.trace.alert.AlertEngine(
                dataSource, config.trackAndTrace().alerts(), captureSettings.nodeId() + "/alerts",
                Clock.systemUTC()));
        store.onVisible(alerts::wake);
        // Alerts POSTed to the configured webhook until it accepts them (docs/alerts.md, "Webhook").
        config.trackAndTrace().webhook().ifPresent(settings -> {
            io.tracewell.trace.alert.AlertWebhook webhook = track("alert webhook",
                    new io.tracewell.trace.alert.AlertWebhook(dataSource, settings));
            alerts.onRaised(webhook::wake);
            webhook.start();
        });
        new io.tracewell.trace.alert.AlertRoutes(new io.tracewell.trace.alert.AlertStore(dataSource)).mount(router);
        // Outbox rows whose node stopped between commit and numbering (docs/store.md §5a) are numbered here.
        OutboxPublisher publisher = new OutboxPublisher(dataSource);
        java.util.concurrent.ScheduledExecutorService publishing = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "outbox-publisher");
                    t.setDaemon(true);
                    return t;
                });
        track("outbox publisher", publishing::shutdownNow);
        publishing.scheduleWithFixedDelay(() -> {
            try {
                if (publisher.publish() > 0) {
                    subscriptionRunner.wake();
                    webSockets.wake();
                }
            } catch (RuntimeException e) {
                LOG.debug("numbering outbox rows failed, retried later: {}", e.getMessage());
            }
        }, 0, 2, java.util.concurrent.TimeUnit.SECONDS);
        // Other nodes' commits, retries after a failure, and shipments not received in time: on a thread of its
        // own, so that a slow check never holds up the numbering of outbox rows.
        java.util.concurrent.ScheduledExecutorService alertTimer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "alert-timer");
                    t.setDaemon(true);
                    return t;
                });
        track("alert timer", alertTimer::shutdownNow);
        alertTimer.scheduleWithFixedDelay(() -> {
            try {
                alerts.wake();
                alerts.checkOverdueShipments();
            } catch (RuntimeException e) {
                LOG.debug("the periodic alert check failed, tried again later: {}", e.getMessage());
            }
        }, 60, 60, java.util.concurrent.TimeUnit.SECONDS);
        new SubscriptionRoutes(subscriptions, namedQueries, subscriptionRunner, subscriptionSettings.batchSize(),
                subscriptionSettings.runner().scheduleZone(), MAX_PER_PAGE, TracewellVersion.get(), Clock.systemUTC())
                .mount(router);
        // The DSCSA gateway, when configured (docs/dscsa.md): shipments to trading partners as EPCIS 1.2 over AS2.
        config.dscsa().ifPresent(gateway -> {
            io.tracewell.regulatory.as2.As2Sender as2 = track("AS2 sender",
                    new io.tracewell.regulatory.as2.As2Sender(camel.camelContext()));
            io.tracewell.regulatory.dscsa.DscsaConfiguration dscsa = gateway.configuration();
            // Partners' documents received over AS2 become capture jobs of these workers.
            io.tracewell.regulatory.as2.As2Receiver receiver = dscsa.inbound().map(in ->
                    io.tracewell.regulatory.as2.As2Receiver.start(in, dscsa.inboundProfiles(), dataSource,
                            new io.tracewell.regulatory.dscsa.InboundCapture(jobs, runner::owner, runner.lease(),
                                    runner::submit, captureSettings.organisation()))).orElse(null);
            io.tracewell.regulatory.delivery.ConnectorService service = track("DSCSA gateway",
                    new io.tracewell.regulatory.delivery.ConnectorService("dscsa",
                            new io.tracewell.regulatory.dscsa.DscsaConnector(
                            dataSource, dscsa.partners(), dscsa.settings(),
                            new io.tracewell.regulatory.dscsa.As2Transport(as2, dscsa.profiles()),
                            dscsa.asyncMdn().map(m -> {
                                io.tracewell.regulatory.dscsa.DscsaConnector.Schedule d =
                                        io.tracewell.regulatory.dscsa.DscsaConnector.Schedule.defaults();
                                return new io.tracewell.regulatory.dscsa.DscsaConnector.Schedule(d.firstRetry(),
                                        d.maxRetry(), d.maxAttempts(), d.lease(), m.timeout());
                            }).orElse(io.tracewell.regulatory.dscsa.DscsaConnector.Schedule.defaults()),
                            captureSettings.nodeId(), Clock.systemUTC()), gateway.interval(),
                            // partners' documents whose hand-on failed are tried again each round
                            receiver == null ? () -> { } : () -> receiver.retryHandOns(100),
                            receiver == null ? () -> { } : receiver));
            // Asynchronous MDNs of partners configured for them settle the deliveries they acknowledge.
            dscsa.asyncMdn().ifPresent(m -> track("AS2 asynchronous MDN receiver",
                    io.tracewell.regulatory.dscsa.AsyncMdnReceiver.start(m.address(), m.port(), m.path(), dataSource,
                            dscsa.profiles(), Clock.systemUTC())));
            if (receiver != null) {
                LOG.info("DSCSA gateway receiving AS2 messages on {}", receiver.url());
            }
            store.onVisible(service::wake);
            service.start();
            LOG.info("DSCSA gateway on: {} trading partner(s)", dscsa.partners().size());
        });
        // The EU FMD connector, when configured (docs/fmd.md): master data, batches, pack states and recalls to the
        // EU hub, through the same delivery records.
        config.fmd().ifPresent(gateway -> {
            io.tracewell.regulatory.fmd.FmdConfiguration fmd = gateway.configuration();
            io.tracewell.regulatory.delivery.ConnectorService service = track("FMD connector",
                    new io.tracewell.regulatory.delivery.ConnectorService("fmd",
                            new io.tracewell.regulatory.fmd.FmdConnector(dataSource,
                            new io.tracewell.regulatory.fmd.SoapHubAdapter(fmd.hub()), fmd.release(), fmd.schedule(),
                            captureSettings.nodeId(), Clock.systemUTC()), gateway.interval()));
            store.onVisible(service::wake);
            service.start();
            LOG.info("FMD connector on: EU hub {}, batches released {}", fmd.hub().endpoint(), fmd.release());
        });
        // The operator's view of the regulatory connectors' deliveries (docs/deliveries.md).
        new DeliveryRoutes(new Deliveries(dataSource), MAX_PER_PAGE, Clock.systemUTC()).mount(router);
        new CaptureRoutes(jobs, runner, captureSettings.limits()).mount(router);
        new DiscoveryRoutes(captureSettings.limits(), TracewellVersion.get()).mount(router);

        DataSource pool = dataSource;
        java.util.function.Supplier<byte[]> secret = new java.util.function.Supplier<>() {
            private volatile byte[] loaded; // read once the schema is migrated, then kept

            @Override
            public byte[] get() {
                byte[] s = loaded;
                if (s == null) {
                    s = EventQueries.loadSecret(pool);
                    loaded = s;
                }
                return s;
            }
        };
        QueryRoutes queryRoutes = new QueryRoutes(QueryParser.standard(), new EventQueries(dataSource, secret,
                PAGE_TOKEN_LIFETIME, Clock.systemUTC()), MAX_PER_PAGE, Clock.systemUTC(), lengths);
        queryRoutes.mount(router);
        new ResourceRoutes(queryRoutes, QueryParser.standard(), dataSource, MAX_PER_PAGE, TracewellVersion.get())
                .mount(router);
        webSockets.mount(router); // before NamedQueryRoutes: requests without Upgrade: websocket go on to it
        new NamedQueryRoutes(queryRoutes, QueryParser.standard(), dataSource, MAX_PER_PAGE, TracewellVersion.get())
                .mount(router);

        // Last: the HTTP server already listens while the routes are mounted, so /health answers 200 only once every
        // other route is there (a client that waits for it must not meet a 404 from a route not yet mounted).
        String databaseMode = embeddedDatabase != null ? "embedded" : "external";
        DatabaseProbe selectOne = DatabaseProbe.selectOne(dataSource, 5);
        DatabaseProbe ready = () -> {
            schema.migrate();
            selectOne.check();
        };
        new HealthHandler(ready, databaseMode, TracewellVersion.get()).mount(router);
    }

    /** The address clients use, e.g. {@code http://localhost:8080/}. */
    public URI baseUri() {
        return requireStarted(baseUri);
    }

    /** The HTTP server's router, for mounting Vert.x Web handlers. */
    public Router router() {
        return requireStarted(camel).router();
    }

    public Vertx vertx() {
        return requireStarted(vertx);
    }

    public CamelContext camelContext() {
        return requireStarted(camel).camelContext();
    }

    public DataSource dataSource() {
        return requireStarted(dataSource);
    }

    /** The embedded MariaDB, when no database URL was configured. */
    public Optional<EmbeddedMariaDb> embeddedDatabase() {
        requireStarted(baseUri);
        return Optional.ofNullable(embeddedDatabase);
    }

    /** Stops HTTP and Camel (graceful), Vert.x, the pool, then the embedded database. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        LOG.info("Tracewell is shutting down");
        closeStarted();
        closed.countDown();
        LOG.info("Tracewell stopped");
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Something started that must be closed, with a name for the log. */
    private record Part(String name, AutoCloseable closeable) {}

    private <T extends AutoCloseable> T track(String name, T part) {
        started.push(new Part(name, part));
        return part;
    }

    private void closeStarted() {
        while (!started.isEmpty()) {
            Part part = started.pop();
            try {
                part.closeable().close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}: {}", part.name(), e.toString());
            }
        }
    }

    private <T> T requireStarted(T part) {
        if (part == null || closing) {
            throw new IllegalStateException("the server is not running");
        }
        return part;
    }

    private String describe(ConnectionSettings connection) {
        return embeddedDatabase != null
                ? "embedded MariaDB on 127.0.0.1:" + embeddedDatabase.port() + ", data in "
                        + embeddedDatabase.dataDirectory()
                : "external " + withoutQuery(connection.url());
    }

    /** Query parameters may carry credentials; the log gets scheme, host, port and schema only. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** A wildcard bind address is not something to type into a browser. */
    private static String displayHost(String host) {
        return switch (host) {
            case "0.0.0.0", "::", "[::]" -> "localhost";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
    }
}
