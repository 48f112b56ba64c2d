package io.tracewell.epcis.subscription;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.tracewell.epcis.capture.http.Callers;
import io.tracewell.epcis.capture.http.Gs1Headers;
import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.http.ResponseFormats;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.query.SimpleEventQuery;
import io.tracewell.epcis.query.http.NamedQueries;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket subscriptions of the REST binding (EPCIS 2.0 §12, optional): {@code GET /queries/{name}/events} with
 * {@code Upgrade: websocket} subscribes the socket to the named query. The controls come in the query string
 * ({@link WebSocketControls}: {@code stream=true} or schedule fields, {@code reportIfEmpty},
 * {@code initialRecordTime}); mistakes are answered before the upgrade, {@code 400 SubscriptionControlsException}
 * naming the parameter, and an unknown query {@code 404}. The {@code 101} carries
 * {@code GS1-Query-Min-Record-Time}, the time from which events are sent; then the server pushes
 * EPCISQueryDocuments (JSON-LD, identifiers per the handshake's {@code GS1-EPC-Format} and
 * {@code GS1-CBV-XML-Format}) as text messages, each with the socket's generated {@code subscriptionID}:
 * <ul>
 *   <li>streaming: whenever events matching the query have become visible, in visibility order (the order of
 *       {@link EventFeed}), at most {@link Settings#batchSize} per document;</li>
 *   <li>scheduled: at each time of the schedule (read in {@link Settings#scheduleZone}), the events since the last
 *       run, or one empty document when there were none and {@code reportIfEmpty=true}.</li>
 * </ul>
 *
 * <p>A subscription lives exactly as long as its socket: it is not stored in the database, it does not move to
 * another node, and its position is lost with the socket (a client that reconnects passes the record time it got
 * to as {@code initialRecordTime}). Closing the socket ends it; deleting the named query closes the socket with the
 * reason (status 1000), and so does a changed definition under the same name; closing this object closes every
 * socket with status 1001.
 *
 * <p>Database reads never run on the event loop: the check before the upgrade and every read of events run on a
 * small pool of {@link Settings#workers} threads, and one thread ({@code websocket-subscriptions}) reads the
 * visibility horizon when woken ({@link #wake}, by this node's commits) and every {@link Settings#poll} (commits
 * of other nodes), and checks there that the sockets' queries still exist. A socket whose write queue is full is
 * not read for until it drains, so a slow client holds back only its own subscription.
 */
public final class WebSocketSubscriptions implements AutoCloseable {

    /** The path, as mounted: the same as running the named query. */
    public static final String PATH = "/queries/:queryName/events";

    /** Close status when the subscription ends normally (its query was deleted, its schedule ran out). */
    static final short NORMAL = 1000;
    /** Close status when this server stops. */
    static final short GOING_AWAY = 1001;
    /** RFC 6455: a close reason has at most 123 bytes. */
    private static final int MAX_REASON = 123;

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketSubscriptions.class);

    /**
     * @param poll         how often to look for new events and deleted queries without being woken
     * @param batchSize    events per document at most
     * @param workers      threads reading the database for the sockets
     * @param scheduleZone the time zone schedules are read in
     */
    public record Settings(Duration poll, int batchSize, int workers, ZoneId scheduleZone) {
        public Settings {
            if (poll == null || poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("poll must be a positive duration");
            }
            if (batchSize < 1 || workers < 1) {
                throw new IllegalArgumentException("batchSize and workers must be at least 1");
            }
            Objects.requireNonNull(scheduleZone, "scheduleZone");
        }

        /** Poll every 250 ms, 100 events per document, 2 reading threads, schedules in UTC. */
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(250), 100, 2, ZoneOffset.UTC);
        }
    }

    private final DataSource dataSource;
    private final NamedQueries queries;
    private final QueryParser parser;
    private final Settings settings;
    private final Clock clock;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong reads = new AtomicLong();
    private final CompanyPrefixLengths lengths;
    private final ExecutorService workers;
    private final Thread looker;

    public WebSocketSubscriptions(DataSource dataSource, QueryParser parser, Settings settings,
                                  Clock clock) {
        this(dataSource, parser, settings, clock, CompanyPrefixLengths.none());
    }

    /** @param lengths the company prefix lengths known, for {@code GS1-EPC-Format: Always_EPC_URN} */
    public WebSocketSubscriptions(DataSource dataSource, QueryParser parser, Settings settings, Clock clock,
                                  CompanyPrefixLengths lengths) {
        this.lengths = Objects.requireNonNull(lengths, "lengths");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.queries = new NamedQueries(dataSource);
        this.parser = Objects.requireNonNull(parser, "parser");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "websocket-subscription-reader-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.looker = new Thread(this::look, "websocket-subscriptions");
        this.looker.setDaemon(true);
    }

    /**
     * Mounts the upgrade on {@code GET /queries/:queryName/events}. Requests without {@code Upgrade: websocket} go
     * on to the next route, so this has to be mounted before the route that runs the named query.
     */
    public void mount(Router router) {
        router.get(PATH).handler(this::handle);
    }

    /** New events are visible: look for them now rather than at the next poll. Does not block. */
    public void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    /** The subscriptions open now, one per socket. */
    public int activeCount() {
        return sessions.size();
    }

    /** Reads of events made for the sockets since this was created. */
    public long reads() {
        return reads.get();
    }

    /** Closes every socket (status 1001) and stops looking for events. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        looker.interrupt();
        for (Session s : sessions) {
            s.context.runOnContext(v -> s.end(GOING_AWAY, "the server is shutting down"));
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------------ handshake

    private void handle(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String upgrade = request.getHeader("Upgrade");
        if (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
            routing.next();
            return;
        }
        // Held until the upgrade: the request's end must not be consumed while the database is asked.
        request.pause();
        String instance = request.path();
        // Fail closed: the socket's events are filtered by the caller taken here, at the upgrade.
        Optional<Caller> caller = Callers.find(routing);
        if (caller.isEmpty()) {
            reject(routing, Problem.of(EpcisExceptionType.UNAUTHENTICATED,
                    "the request carries no authenticated caller", instance));
            return;
        }
        Optional<String> name = queryName(instance);
        if (name.isEmpty()) {
            reject(routing, noSuchQuery(instance, name));
            return;
        }
        WebSocketControls controls;
        try {
            controls = WebSocketControls.read(new QueryStringDecoder(request.uri()).parameters(), clock.instant());
        } catch (WebSocketControls.Invalid e) {
            reject(routing, new Problem(EpcisExceptionType.SUBSCRIPTION_CONTROLS,
                    "the subscription controls are not valid: " + e.getMessage(), instance,
                    List.of(new ProblemError(SourceLocation.NONE, e.getMessage(), e.expected()))));
            return;
        } catch (IllegalArgumentException e) {
            reject(routing, new Problem(EpcisExceptionType.SUBSCRIPTION_CONTROLS,
                    "the query string cannot be decoded: " + e.getMessage(), instance,
                    List.of(new ProblemError(SourceLocation.NONE, e.getMessage(),
                            "a query string of percent-encoded UTF-8"))));
            return;
        }
        ResponseFormats formats;
        try {
            formats = ResponseFormats.fromHeaders(request::getHeader, lengths);
        } catch (ResponseFormats.UnsupportedHeaderValue e) {
            reject(routing, e.problem(instance));
            return;
        }
        Context context = routing.vertx().getOrCreateContext();
        try {
            workers.execute(() -> {
                Prepared prepared;
                try {
                    prepared = prepare(name.get(), caller.get(), controls);
                } catch (Exception e) {
                    LOG.warn("preparing a WebSocket subscription to {} failed", name.get(), e);
                    context.runOnContext(v -> reject(routing, Problem.of(EpcisExceptionType.IMPLEMENTATION,
                            "the server could not process the request", instance)));
                    return;
                }
                context.runOnContext(v -> {
                    if (prepared == null) {
                        reject(routing, noSuchQuery(instance, name));
                    } else {
                        upgrade(routing, context, prepared, controls, formats);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            reject(routing, Problem.of(EpcisExceptionType.IMPLEMENTATION, "the server is shutting down", instance));
        }
    }

    /** What the subscription starts from, read before the upgrade; null when there is no such query. */
    private record Prepared(NamedQueries.Definition definition, SimpleEventQuery query, FeedPosition start,
                            long horizon, Caller caller) {}

    /** Null also for a query the caller may not see: to it, there is no such query. */
    private Prepared prepare(String name, Caller caller, WebSocketControls controls) throws Exception {
        Optional<NamedQueries.Definition> definition = queries.definition(name, caller);
        if (definition.isEmpty()) {
            return null;
        }
        SimpleEventQuery query = parser.parse(definition.get().parameters(), definition.get().context());
        try (Connection c = dataSource.getConnection()) {
            long horizon = EventFeed.horizon(c);
            FeedPosition start = EventFeed.start(c, utc(controls.initialRecordTime()));
            return new Prepared(definition.get(), query, start, horizon, caller);
        }
    }

    private void upgrade(RoutingContext routing, Context context, Prepared prepared, WebSocketControls controls,
                         ResponseFormats formats) {
        if (stopped.get()) {
            reject(routing, Problem.of(EpcisExceptionType.IMPLEMENTATION, "the server is shutting down",
                    routing.request().path()));
            return;
        }
        // Headers of the response become the headers of the 101.
        Gs1Headers.addTo(routing.response());
        routing.response().putHeader(Gs1Headers.QUERY_MIN_RECORD_TIME,
                EpcisTime.of(controls.initialRecordTime()).toString());
        try {
            routing.request().toWebSocket().onComplete(done -> {
                if (done.failed()) {
                    LOG.debug("the WebSocket handshake for {} failed: {}", prepared.definition().name(),
                            done.cause().getMessage());
                    return;
                }
                Session session = new Session(done.result(), context, prepared, controls, formats);
                session.start();
            });
        } catch (IllegalStateException e) {
            LOG.warn("the request for a WebSocket subscription to {} could not be upgraded: {}",
                    prepared.definition().name(), e.getMessage());
            routing.response().close();
        }
    }

    private static void reject(RoutingContext routing, Problem problem) {
        routing.request().resume();
        ProblemResponses.send(routing, problem);
    }

    private static Problem noSuchQuery(String instance, Optional<String> name) {
        return Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                name.map(n -> "there is no query named " + n).orElse("the path names no query"), instance);
    }

    /** The query name of the raw path {@code /queries/{name}/events}, decoded once; empty if not a name. */
    private static Optional<String> queryName(String path) {
        String[] segments = path.split("/", -1);
        try {
            String name = PathSegments.decode(segments.length > 2 ? segments[2] : "");
            return NamedQueries.isName(name) ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    // --------------------------------------------------------------------------------------------------- looker

    private void look() {
        long lastCheck = System.nanoTime() - settings.poll().toNanos();
        while (!stopped.get()) {
            try {
                wakeUps.poll(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                if (stopped.get()) {
                    return;
                }
                if (sessions.isEmpty()) {
                    continue;
                }
                long horizon;
                try (Connection c = dataSource.getConnection()) {
                    horizon = EventFeed.horizon(c);
                }
                Map<String, Optional<Map<String, List<String>>>> definitions = null;
                if (System.nanoTime() - lastCheck >= settings.poll().toNanos()) {
                    lastCheck = System.nanoTime();
                    definitions = new HashMap<>();
                    for (Session s : sessions) {
                        if (!definitions.containsKey(s.queryName)) {
                            try {
                                definitions.put(s.queryName, queries.definition(s.queryName)
                                        .map(NamedQueries.Definition::parameters));
                            } catch (RuntimeException e) { // left unchecked this time; events still go out
                                LOG.debug("checking the query {} failed: {}", s.queryName, e.getMessage());
                            }
                        }
                    }
                }
                for (Session s : sessions) {
                    if (definitions != null) {
                        Optional<Map<String, List<String>>> now = definitions.get(s.queryName);
                        if (now != null && !now.equals(Optional.of(s.parameters))) {
                            String reason = now.isEmpty() ? "the query " + s.queryName + " was deleted"
                                    : "the query " + s.queryName + " was defined anew";
                            s.context.runOnContext(v -> s.end(NORMAL, reason));
                            continue;
                        }
                    }
                    if (s.schedule == null && horizon > s.offered) {
                        s.offered = horizon;
                        s.context.runOnContext(v -> s.offer(horizon));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.debug("looking for events for WebSocket subscriptions failed, tried again: {}", e.getMessage());
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- session

    /** What one read found: where the next starts, and the document to send, if any. */
    private record Read(FeedPosition end, boolean caughtUp, long horizon, String document, Exception failure) {}

    /**
     * One socket's subscription. Its state is kept on the socket's event loop ({@link #context}) only: database
     * reads run on the pool and hand their result back there, one read at a time.
     */
    private final class Session {
        final String id = UUID.randomUUID().toString();
        final ServerWebSocket socket;
        final Context context;
        final String queryName;
        final Map<String, List<String>> parameters;
        final SimpleEventQuery query;
        /** Who subscribed: the socket carries only the events it may read. */
        final Caller caller;
        final ResponseFormats formats;
        final LocalDateTime initialRecordTime;
        final QuerySchedule schedule;
        final boolean reportIfEmpty;
        /** The highest horizon the looker has passed on; read by the looker only. */
        volatile long offered;

        private FeedPosition position;
        private long horizon;
        private boolean reading;
        private boolean ended;
        private boolean runDue;
        private long runHorizon = -1;
        private boolean sentThisRun;
        private Instant nextRun;
        private long timer = -1;

        Session(ServerWebSocket socket, Context context, Prepared prepared, WebSocketControls controls,
                ResponseFormats formats) {
            this.socket = socket;
            this.context = context;
            this.queryName = prepared.definition().name();
            this.parameters = prepared.definition().parameters();
            this.query = prepared.query();
            this.caller = prepared.caller();
            this.formats = formats;
            this.initialRecordTime = utc(controls.initialRecordTime());
            this.schedule = controls.schedule();
            this.reportIfEmpty = controls.reportIfEmpty();
            this.position = prepared.start();
            this.horizon = prepared.horizon();
            this.offered = prepared.horizon();
        }

        void start() {
            sessions.add(this);
            socket.closeHandler(v -> ended());
            socket.exceptionHandler(e -> LOG.debug("WebSocket subscription {}: {}", id, e.getMessage()));
            socket.handler(ignored -> { }); // the client has nothing to say; pings are answered by Vert.x
            socket.drainHandler(v -> pump());
            if (stopped.get()) {
                end(GOING_AWAY, "the server is shutting down");
                return;
            }
            if (started.compareAndSet(false, true)) {
                looker.start();
            }
            LOG.debug("WebSocket subscription {} to query {} opened: {}", id, queryName,
                    schedule == null ? "streaming" : "scheduled " + schedule.fields());
            if (schedule == null) {
                pump();
            } else {
                scheduleNext();
            }
        }

        /** From the looker: events up to {@code h} are visible. */
        void offer(long h) {
            horizon = Math.max(horizon, h);
            pump();
        }

        /** Starts the next read when there is something to read, none is running and the client keeps up. */
        void pump() {
            if (ended || reading || socket.writeQueueFull()) {
                return;
            }
            if (schedule == null) {
                if (!position.reached(horizon)) {
                    read(horizon);
                }
            } else if (runDue) {
                read(runHorizon);
            }
        }

        /** Reads the next batch up to {@code upTo} (a horizon read first when negative) on the pool. */
        private void read(long upTo) {
            reading = true;
            FeedPosition from = position;
            boolean emptyReport = schedule != null && reportIfEmpty && !sentThisRun;
            try {
                workers.execute(() -> {
                    Read result;
                    try (Connection c = dataSource.getConnection()) {
                        long h = upTo >= 0 ? upTo : EventFeed.horizon(c);
                        EventFeed.Batch batch = EventFeed.read(c, EventFeed.visibleTo(query.where(), caller),
                                initialRecordTime, from, h,
                                settings.batchSize());
                        reads.incrementAndGet();
                        String document = batch.events().isEmpty() && !(batch.caughtUp() && emptyReport) ? null
                                : new String(formats.queryDocument(batch.events(), Format.JSON_LD, clock.instant(),
                                id), StandardCharsets.UTF_8);
                        result = new Read(batch.end(), batch.caughtUp(), h, document, null);
                    } catch (Exception e) {
                        result = new Read(from, false, upTo, null, e);
                    }
                    Read done = result;
                    context.runOnContext(v -> readDone(done));
                });
            } catch (RejectedExecutionException e) {
                reading = false; // shutting down
            }
        }

        private void readDone(Read result) {
            reading = false;
            if (ended) {
                return;
            }
            if (result.failure() != null) {
                LOG.debug("reading events for WebSocket subscription {} failed, tried again: {}", id,
                        result.failure().getMessage());
                context.owner().setTimer(settings.poll().toMillis(), t -> pump());
                return;
            }
            if (result.document() != null) {
                socket.writeTextMessage(result.document());
                sentThisRun = true;
            }
            position = result.end();
            if (schedule != null) {
                runHorizon = result.horizon();
                if (result.caughtUp()) {
                    runDue = false;
                    runHorizon = -1;
                    sentThisRun = false;
                    scheduleNext();
                }
            }
            pump();
        }

        /** Sets the timer for the schedule's next time after the last one (or after now, if that has passed). */
        private void scheduleNext() {
            Instant now = clock.instant();
            Instant from = nextRun == null || nextRun.isBefore(now) ? now : nextRun;
            Optional<Instant> next = schedule.next(from, settings.scheduleZone());
            if (next.isEmpty()) {
                end(NORMAL, "the schedule does not fire again");
                return;
            }
            nextRun = next.get();
            long delay = Math.max(1, Duration.between(now, nextRun).toMillis());
            timer = context.owner().setTimer(delay, t -> {
                timer = -1;
                runDue = true;
                pump();
            });
        }

        /** Ends the subscription and closes the socket with {@code status} and {@code reason}. */
        void end(short status, String reason) {
            if (ended) {
                return;
            }
            ended();
            LOG.debug("WebSocket subscription {} to query {} closed: {}", id, queryName, reason);
            byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
            String shortened = bytes.length <= MAX_REASON ? reason
                    : new String(bytes, 0, MAX_REASON - 3, StandardCharsets.US_ASCII) + "...";
            socket.close(status, shortened);
        }

        /** The socket is closed, or closing: no more reads, no more timers. */
        private void ended() {
            ended = true;
            sessions.remove(this);
            if (timer >= 0) {
                context.owner().cancelTimer(timer);
                timer = -1;
            }
        }
    }
}
