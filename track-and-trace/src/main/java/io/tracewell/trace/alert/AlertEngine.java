package io.tracewell.trace.alert;

import io.tracewell.epcis.store.outbox.Outbox;
import io.tracewell.epcis.store.outbox.OutboxEntry;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the alert rules on captured events, as the outbox consumer {@value #CONSUMER}: each outbox row is
 * evaluated once, its alerts stored in the transaction that marks it processed, so a crash between the two
 * evaluates the row again and the unique key of {@code trace_alert} keeps the alerts single. One node at a time
 * evaluates, the one holding the consumer's lease.
 *
 * <p>{@link #wake()} (for {@code EventStore.onVisible}) runs {@link #runOnce()} on the engine's own thread;
 * {@link #checkOverdueShipments()} is for a periodic timer.
 */
public final class AlertEngine implements AutoCloseable {

    /** The outbox consumer's name. */
    public static final String CONSUMER = "alerts";

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
    private static final String EVENTS_OF_ROW = "SELECT e.id, e.event_id, e.event_time, e.biz_step, e.disposition,"
            + " e.read_point, e.biz_location, x.canonical_id"
            + " FROM epcis_event e LEFT JOIN epcis_event_epc x ON x.event_row_id = e.id"
            + " AND x.role IN (" + History.INSTANCE_ROLES + ")"
            + " WHERE e.outbox_id = ? AND e.has_error_declaration = FALSE ORDER BY e.id, x.role, x.position";

    private final DataSource dataSource;
    private final Outbox outbox;
    private final AlertSettings settings;
    private final String owner;
    private final Clock clock;
    private final List<Rule> rules;
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * @param owner this node's name, for the lease
     */
    public AlertEngine(DataSource dataSource, AlertSettings settings, String owner, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outbox = new Outbox(dataSource);
        List<Rule> enabled = new ArrayList<>();
        if (settings.commissionedTwice()) {
            enabled.add(new CommissionedTwiceRule());
        }
        if (settings.seenAfterEndOfLife()) {
            enabled.add(new SeenAfterEndOfLifeRule());
        }
        if (settings.outsideMarket()) {
            enabled.add(new OutsideMarketRule());
        }
        if (settings.cloneDetection()) {
            enabled.add(new CloneRule(settings.cloneMaxSpeedKmh(), settings.cloneMinDistanceKm()));
        }
        this.rules = List.copyOf(enabled);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "alert-engine");
            thread.setDaemon(true);
            return thread;
        });
        // The consumer is registered on the first run, not here: the server starts even while the database is away.
    }

    private volatile boolean registered;
    private volatile Runnable onRaised = () -> { };

    /** Called (on the engine's thread) after alerts were stored: the webhook is woken through it. */
    public void onRaised(Runnable listener) {
        this.onRaised = Objects.requireNonNull(listener, "listener");
    }

    private int raised(int count) {
        if (count > 0) {
            onRaised.run();
        }
        return count;
    }

    /** Creates the outbox consumer's row once (idempotent in the database too). */
    private void register() {
        if (!registered) {
            outbox.register(CONSUMER);
            registered = true;
        }
    }

    /** The rules evaluated per event, as configured. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Asks the engine's thread to run {@link #runOnce()}; returns at once. Calls while a run is queued are merged
     * into it. Failures are logged; the next wake retries the rows left unmarked.
     */
    public void wake() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                queued.set(false);
                try {
                    runOnce();
                } catch (RuntimeException e) {
                    LOG.warn("evaluating alert rules failed; the rows stay pending: {}", e.getMessage(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false);
        }
    }

    /**
     * Evaluates every pending outbox row, if this node holds or can take the lease; returns the number of new
     * alerts. Zero without the lease.
     */
    public int runOnce() {
        register();
        if (!outbox.acquireLease(CONSUMER, owner, settings.lease())) {
            return 0;
        }
        int raised = 0;
        while (true) {
            List<OutboxEntry> pending = outbox.pending(CONSUMER, settings.batchSize());
            if (pending.isEmpty()) {
                return raised(raised);
            }
            for (OutboxEntry entry : pending) {
                raised += evaluate(entry.id());
            }
            if (!outbox.acquireLease(CONSUMER, owner, settings.lease())) {
                return raised(raised);
            }
        }
    }

    /**
     * Raises {@value ShippedNotReceivedCheck#NAME} alerts for shipments older than
     * {@link AlertSettings#receiveWithin()}, at most {@link AlertSettings#batchSize()} per call; returns the number
     * raised. Does nothing when the rule is off or another node holds the lease.
     */
    public int checkOverdueShipments() {
        register();
        if (!settings.shippedNotReceived() || !outbox.acquireLease(CONSUMER, owner, settings.lease())) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int raised = 0;
                for (Finding finding : ShippedNotReceivedCheck.find(c, clock.instant(), settings.receiveWithin(),
                        settings.shipmentLookback(), settings.batchSize())) {
                    raised += AlertStore.raise(c, finding) ? 1 : 0;
                }
                c.commit();
                return raised(raised);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("checking for shipments not received failed: " + e.getMessage(), e);
        }
    }

    /** One outbox row: its events through every rule, the alerts and the processed marker in one transaction. */
    private int evaluate(long outboxId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int raised = 0;
                for (CapturedEvent event : eventsOf(c, outboxId)) {
                    for (Rule rule : rules) {
                        for (Finding finding : rule.evaluate(c, event)) {
                            raised += AlertStore.raise(c, finding) ? 1 : 0;
                        }
                    }
                }
                Outbox.markProcessed(c, CONSUMER, outboxId);
                c.commit();
                return raised;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("evaluating alert rules on outbox row " + outboxId + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static List<CapturedEvent> eventsOf(Connection c, long outboxId) throws SQLException {
        Map<Long, CapturedEvent> heads = new LinkedHashMap<>();
        Map<Long, Set<String>> epcs = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(EVENTS_OF_ROW)) {
            s.setLong(1, outboxId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long rowId = r.getLong(1);
                    if (!heads.containsKey(rowId)) {
                        heads.put(rowId, new CapturedEvent(rowId, r.getString(2),
                                r.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), List.of()));
                        epcs.put(rowId, new LinkedHashSet<>());
                    }
                    String epc = r.getString(8);
                    if (epc != null) {
                        epcs.get(rowId).add(epc);
                    }
                }
            }
        }
        List<CapturedEvent> events = new ArrayList<>(heads.size());
        heads.forEach((rowId, head) -> events.add(new CapturedEvent(rowId, head.eventId(), head.eventTime(),
                head.bizStep(), head.disposition(), head.readPoint(), head.bizLocation(),
                List.copyOf(epcs.get(rowId)))));
        return events;
    }

    /** Stops the engine's thread and gives the lease up. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        outbox.releaseLease(CONSUMER, owner);
    }
}
