package io.tracewell.epcis.subscription;

import io.tracewell.epcis.capture.http.ResponseFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.query.QueryParameterException;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.query.SimpleEventQuery;
import io.tracewell.epcis.query.http.NamedQueries;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook subscriptions (docs/subscriptions.md). One thread looks for subscriptions with something to do
 * (streaming ones behind the newest visible events, scheduled ones whose time has come) when woken by a commit on
 * this node ({@link #wake}) and every poll interval otherwise (commits of other nodes); a bounded pool delivers
 * them, each under a database lease so that one node at a time delivers a subscription.
 *
 * <p>Delivery is at least once, in order, with nothing skipped: events go out in batches in visibility order, and
 * the subscription's position moves past a batch only once the receiver answered it with 2xx. A receiver that
 * fails is tried again after a back-off doubling from {@link Settings#firstRetry} up to {@link Settings#maxRetry};
 * after {@link Settings#failuresBeforeFailing} failures in a row the subscription is marked failing (and still
 * tried at the longest back-off), and it resumes from its position when the receiver answers again. A 413 from the
 * receiver halves the subscription's batch size and sends again at once.
 */
public final class SubscriptionRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRunner.class);
    private static final int DUE_PER_LOOK = 100;

    /**
     * @param workers               subscriptions delivered at once by this node
     * @param poll                  how often to look for work without being woken
     * @param lease                 how long a node keeps a subscription without renewing its lease
     * @param firstRetry            the first back-off after a failed delivery, doubled after each further one
     * @param maxRetry              the longest back-off
     * @param failuresBeforeFailing failures in a row after which the subscription is marked failing
     * @param connectTimeout        to connect to a receiver
     * @param requestTimeout        for a receiver's answer
     * @param scheduleZone          the time zone schedules are read in
     */
    public record Settings(int workers, Duration poll, Duration lease, Duration firstRetry, Duration maxRetry,
                           int failuresBeforeFailing, Duration connectTimeout, Duration requestTimeout,
                           ZoneId scheduleZone) {
        public Settings {
            if (workers < 1 || failuresBeforeFailing < 1) {
                throw new IllegalArgumentException("workers and failuresBeforeFailing must be at least 1");
            }
            for (Duration d : new Duration[] {poll, lease, firstRetry, maxRetry, connectTimeout, requestTimeout}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("durations must be positive");
                }
            }
            Objects.requireNonNull(scheduleZone, "scheduleZone");
        }

        public static Settings defaults() {
            return new Settings(4, Duration.ofMillis(250), Duration.ofSeconds(60), Duration.ofSeconds(1),
                    Duration.ofMinutes(5), 8, Duration.ofSeconds(5), Duration.ofSeconds(30), ZoneId.of("UTC"));
        }
    }

    private final Subscriptions store;
    private final NamedQueries queries;
    private final QueryParser parser;
    private final String owner;
    private final Settings settings;
    private final Clock clock;
    private final WebhookSender sender;
    private final CompanyPrefixLengths lengths;
    private final LinkedBlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>(1);
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService workers;
    private final Thread looker;

    public SubscriptionRunner(Subscriptions store, NamedQueries queries, QueryParser parser, String nodeId,
                              Settings settings, Clock clock) {
        this(store, queries, parser, nodeId, settings, clock, CompanyPrefixLengths.none());
    }

    /** @param lengths the company prefix lengths known, for {@code GS1-EPC-Format: Always_EPC_URN} */
    public SubscriptionRunner(Subscriptions store, NamedQueries queries, QueryParser parser, String nodeId,
                              Settings settings, Clock clock, CompanyPrefixLengths lengths) {
        this.lengths = Objects.requireNonNull(lengths, "lengths");
        this.store = Objects.requireNonNull(store, "store");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.owner = Objects.requireNonNull(nodeId, "nodeId") + "/subscriptions";
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = new WebhookSender(settings.connectTimeout(), settings.requestTimeout());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "subscription-delivery-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.looker = new Thread(this::look, "subscription-runner");
        this.looker.setDaemon(true);
    }

    public void start() {
        looker.start();
    }

    /** New events are visible: look for streaming subscriptions to deliver now rather than at the next poll. */
    public void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    @Override
    public void close() {
        stopped.set(true);
        looker.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void look() {
        while (!stopped.get()) {
            try {
                wakeUps.poll(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                if (stopped.get()) {
                    return;
                }
                long horizon;
                try (Connection c = store.dataSource().getConnection()) {
                    horizon = EventFeed.horizon(c);
                }
                for (String id : store.due(clock.instant(), horizon, owner, DUE_PER_LOOK)) {
                    if (running.add(id)) {
                        workers.execute(() -> {
                            try {
                                deliver(id);
                            } finally {
                                running.remove(id);
                            }
                        });
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | StoreException e) {
                LOG.debug("looking for subscriptions to deliver failed, tried again: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("looking for subscriptions to deliver failed, tried again", e);
            }
        }
    }

    /** Delivers what one subscription has due, under its lease. */
    private void deliver(String id) {
        Instant now = clock.instant();
        try {
            if (!store.claim(id, owner, now, now.plus(settings.lease()))) {
                return;
            }
            try {
                Optional<Subscription> found = store.find(id);
                if (found.isPresent()) {
                    deliver(found.get());
                }
            } finally {
                store.release(id, owner);
            }
        } catch (StoreException e) {
            LOG.debug("delivering subscription {} stopped on a database error, tried again: {}", id,
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("delivering subscription {} failed, tried again", id, e);
        }
    }

    private void deliver(Subscription s) {
        Optional<NamedQueries.Definition> definition = queries.definition(s.queryName());
        if (definition.isEmpty()) {
            return; // deleted meanwhile; its subscriptions went with it
        }
        Instant runAt = clock.instant();
        SimpleEventQuery query;
        ResponseFormats formats;
        try {
            query = parser.parse(definition.get().parameters(), definition.get().context());
            formats = ResponseFormats.fromHeaders(header -> header.equals("GS1-EPC-Format") ? s.epcFormat()
                    : header.equals(ResponseFormats.CBV_XML_FORMAT) ? s.cbvXmlFormat() : null,
                    lengths);
        } catch (QueryParameterException | ResponseFormats.UnsupportedHeaderValue e) {
            failed(s, "the subscription's query cannot be run: " + e.getMessage());
            return;
        }
        long horizon;
        try (Connection c = store.dataSource().getConnection()) {
            horizon = EventFeed.horizon(c);
        } catch (SQLException e) {
            throw new StoreException("reading the horizon failed: " + e.getMessage(), e);
        }
        boolean scheduled = !s.stream();
        boolean caughtUp = send(s, query, formats, horizon, scheduled && s.reportIfEmpty());
        if (caughtUp && scheduled) {
            Instant from = s.nextRunAt() == null || s.nextRunAt().isBefore(runAt) ? runAt : s.nextRunAt();
            Instant next = s.schedule().next(from, settings.scheduleZone()).orElse(null);
            store.scheduled(s.id(), owner, s.nextRunAt() == null ? runAt : s.nextRunAt(), next);
        }
    }

    /**
     * Sends the events up to the horizon in batches, each acknowledged before the position moves past it.
     *
     * @param reportIfEmpty send an empty document when there was nothing to send
     * @return whether everything up to the horizon went out
     */
    private boolean send(Subscription s, SimpleEventQuery query, ResponseFormats formats, long horizon,
                         boolean reportIfEmpty) {
        FeedPosition position = s.position();
        int batchSize = s.batchSize();
        boolean sent = false;
        Format format = s.mediaType().contains("xml") ? Format.XML : Format.JSON_LD;
        while (!stopped.get()) {
            Instant now = clock.instant();
            if (!store.claim(s.id(), owner, now, now.plus(settings.lease()))) {
                return false;
            }
            EventFeed.Batch batch;
            try (Connection c = store.dataSource().getConnection()) {
                batch = EventFeed.read(c, EventFeed.visibleTo(query.where(), s.owner()),
                        Subscriptions.utc(s.initialRecordTime()), position, horizon,
                        batchSize);
            } catch (SQLException e) {
                throw new StoreException("reading events for subscription " + s.id() + " failed: "
                        + e.getMessage(), e);
            }
            boolean empty = batch.events().isEmpty();
            if (empty && !(batch.caughtUp() && reportIfEmpty && !sent)) {
                if (!batch.end().equals(position) && !store.advance(s.id(), owner, batch.end(), null)) {
                    return false;
                }
            } else {
                byte[] body = formats.queryDocument(batch.events(), format, now, s.id());
                WebhookSender.Outcome outcome = sender.send(s.dest(), s.mediaType(), s.id(), s.signatureToken(),
                        body);
                if (outcome.status() == 413 && batchSize > 1) {
                    batchSize = Math.max(1, batchSize / 2);
                    LOG.info("subscription {}: the receiver answered 413, batches of {} events from now on", s.id(),
                            batchSize);
                    if (!store.batchSize(s.id(), owner, batchSize)) {
                        return false;
                    }
                    continue;
                }
                if (!outcome.acknowledged()) {
                    failed(s, outcome.failure() != null ? outcome.failure()
                            : "the receiver answered " + outcome.status());
                    return false;
                }
                sent = true;
                if (!store.advance(s.id(), owner, batch.end(), clock.instant())) {
                    return false;
                }
            }
            position = batch.end();
            if (batch.caughtUp()) {
                return true;
            }
        }
        return false;
    }

    private void failed(Subscription s, String error) {
        int failures = s.failures() + 1;
        long factor = 1L << Math.min(failures - 1, 30);
        Duration backOff = settings.firstRetry().multipliedBy(factor);
        if (backOff.compareTo(settings.maxRetry()) > 0) {
            backOff = settings.maxRetry();
        }
        Subscription.State state = failures >= settings.failuresBeforeFailing() ? Subscription.State.FAILING
                : Subscription.State.ACTIVE;
        LOG.info("subscription {} to {}: delivery failed ({} in a row), next try in {}: {}", s.id(), s.dest(),
                failures, backOff, error);
        store.failed(s.id(), owner, failures, state, clock.instant().plus(backOff), error);
    }
}
