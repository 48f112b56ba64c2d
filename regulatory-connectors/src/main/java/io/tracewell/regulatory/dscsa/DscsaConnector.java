package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.outbox.Outbox;
import io.tracewell.epcis.store.outbox.OutboxEntry;
import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DSCSA gateway's work (docs/dscsa.md, docs/deliveries.md), in two steps that any node may run:
 *
 * <ol>
 *   <li>{@link #collect}: reads the outbox (the events of each committed store call) and, for every shipping event
 *   whose destination is a configured trading partner, creates a delivery to that partner, in the transaction that
 *   marks the outbox row processed for this connector: each shipment gives exactly one delivery per partner.</li>
 *   <li>{@link #sendDue}: sends due deliveries under a lease. The first attempt builds the DSCSA document and fixes its
 *   bytes and message id; every resend uses them. An acknowledged delivery is done; one whose receipt comes
 *   asynchronously is sent and waits for it ({@link AsyncMdnReceiver}) until {@link Schedule#asyncMdnTimeout}, then
 *   counts as failed; a failure is retried with a
 *   back-off that doubles up to a bound, and after the most attempts (or a refusal that retrying cannot change) the
 *   delivery is dead, for an operator to look at and replay. Transaction data missing from the store is a failure
 *   whose reason lists every missing item, so that fixing the master data is enough for the next attempt.</li>
 * </ol>
 */
public final class DscsaConnector implements io.tracewell.regulatory.delivery.ConnectorService.Connector {

    /** The connector's name in the outbox and in deliveries. */
    public static final String NAME = "dscsa";
    private static final Logger LOG = LoggerFactory.getLogger(DscsaConnector.class);
    private static final String CONTENT_TYPE = "application/xml";

    /**
     * @param firstRetry  the wait after the first failed attempt, doubled after each further one
     * @param maxRetry    the longest wait
     * @param maxAttempts attempts before a delivery is dead
     * @param lease       how long a node holds a delivery it sends
     * @param asyncMdnTimeout how long a delivery handed over to a partner that answers with an asynchronous receipt
     *                    (AS2 MDN) waits for it; then the attempt has failed and is retried like any failure
     */
    public record Schedule(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration lease,
                           Duration asyncMdnTimeout) {
        public Schedule {
            if (maxAttempts < 1 || firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0
                    || lease.isNegative() || lease.isZero() || asyncMdnTimeout.isNegative()
                    || asyncMdnTimeout.isZero()) {
                throw new IllegalArgumentException("a schedule needs maxAttempts >= 1 and 0 < firstRetry <= maxRetry,"
                        + " lease > 0, asyncMdnTimeout > 0");
            }
        }

        /** A schedule that waits the default hour for asynchronous receipts. */
        public Schedule(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration lease) {
            this(firstRetry, maxRetry, maxAttempts, lease, Duration.ofHours(1));
        }

        public static Schedule defaults() {
            return new Schedule(Duration.ofSeconds(30), Duration.ofHours(1), 12, Duration.ofMinutes(5),
                    Duration.ofHours(1));
        }

        Duration backOff(int failures) {
            Duration d = firstRetry.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
            return d.compareTo(maxRetry) > 0 ? maxRetry : d;
        }
    }

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final Map<String, TradingPartner> partners;
    private final DscsaDocumentBuilder builder;
    private final PartnerTransport transport;
    private final Schedule schedule;
    private final String owner;
    private final Clock clock;

    public DscsaConnector(DataSource dataSource, List<TradingPartner> partners, DscsaSettings settings,
                          PartnerTransport transport, Schedule schedule, String nodeId, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.outbox = new Outbox(dataSource);
        this.deliveries = new Deliveries(dataSource);
        this.partners = partners.stream().collect(Collectors.toUnmodifiableMap(TradingPartner::name,
                Function.identity()));
        this.builder = new DscsaDocumentBuilder(dataSource, settings);
        this.transport = Objects.requireNonNull(transport, "transport");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.owner = Objects.requireNonNull(nodeId, "nodeId") + "/" + NAME;
        this.clock = Objects.requireNonNull(clock, "clock");
        // The outbox consumer is registered on the first collect: the server starts even while the database is away.
    }

    private volatile boolean registered;

    /**
     * Turns up to {@code limit} outbox rows into deliveries.
     *
     * @return the number of deliveries created
     */
    @Override
    public int collect(int limit) {
        if (!registered) {
            outbox.register(NAME);
            registered = true;
        }
        if (!outbox.acquireLease(NAME, owner, schedule.lease())) {
            return 0; // another node collects
        }
        int created = 0;
        try {
            List<TradingPartner> all = List.copyOf(partners.values());
            for (OutboxEntry entry : outbox.pending(NAME, limit)) {
                List<EpcisEvent> events = outbox.events(entry.id());
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        for (EpcisEvent event : events) {
                            Optional<TradingPartner> partner = TradingPartner.destinationOf(all, event);
                            if (partner.isPresent() && Deliveries.create(c, NAME, partner.get().name(),
                                    event.common().eventID(), entry.id(), clock.instant())) {
                                created++;
                                LOG.info("DSCSA delivery of shipment {} to {} created", event.common().eventID(),
                                        partner.get().name());
                            }
                        }
                        Outbox.markProcessed(c, NAME, entry.id());
                        c.commit();
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    throw new StoreException("turning outbox row " + entry.id() + " into DSCSA deliveries failed: "
                            + e.getMessage(), e);
                }
            }
        } finally {
            outbox.releaseLease(NAME, owner);
        }
        return created;
    }

    /**
     * Sends up to {@code limit} due deliveries, one after another.
     *
     * @return the number attempted
     */
    @Override
    public int sendDue(int limit) {
        int attempted = 0;
        for (long id : deliveries.due(NAME, clock.instant(), limit)) {
            Instant now = clock.instant();
            if (!deliveries.claim(id, owner, now, now.plus(schedule.lease()))) {
                continue;
            }
            try {
                send(id);
                attempted++;
            } finally {
                deliveries.release(id, owner);
            }
        }
        return attempted;
    }

    private void send(long id) {
        Deliveries.Delivery d = deliveries.find(id).orElseThrow();
        Instant started = clock.instant();
        TradingPartner partner = partners.get(d.partner());
        if (partner == null) {
            deliveries.attempted(id, owner, started, clock.instant(), Deliveries.State.DEAD, null, null, null, null,
                    "the trading partner " + d.partner() + " is no longer configured");
            return;
        }
        if (d.state() == Deliveries.State.SENT) { // due: the asynchronous receipt's deadline has passed
            receiptOverdue(d);
            return;
        }
        byte[] payload = d.payload();
        String messageId = d.messageId();
        if (payload == null) {
            try {
                payload = builder.build(d.subject(), partner, DocumentIdentity.create(clock));
            } catch (MissingTransactionDataException e) {
                failed(d, started, false, null, null, e.getMessage());
                return;
            } catch (IllegalArgumentException e) { // not a shipment to this partner, or not renderable in 1.2
                deliveries.attempted(id, owner, started, clock.instant(), Deliveries.State.DEAD, null, null, null,
                        null, "the DSCSA document cannot be made: " + e.getMessage());
                return;
            }
            messageId = transport.newMessageId(partner);
            if (!deliveries.prepared(id, owner, messageId, payload, CONTENT_TYPE)) {
                Deliveries.Delivery fixed = deliveries.find(id).orElseThrow();
                payload = fixed.payload();
                messageId = fixed.messageId();
            }
        }
        PartnerTransport.Outcome outcome = transport.send(partner, messageId, payload, CONTENT_TYPE);
        if (outcome.acknowledged()) {
            deliveries.attempted(id, owner, started, clock.instant(), Deliveries.State.ACKNOWLEDGED, null,
                    outcome.mic(), outcome.receipt(), outcome.summary(), "acknowledged");
            LOG.info("DSCSA delivery {} of shipment {} acknowledged by {}", id, d.subject(), d.partner());
        } else if (outcome.result() == PartnerTransport.Result.AWAITING_RECEIPT) {
            Instant finished = clock.instant();
            deliveries.attempted(id, owner, started, finished, Deliveries.State.SENT,
                    finished.plus(schedule.asyncMdnTimeout()), outcome.mic(), null, null, outcome.summary());
            LOG.info("DSCSA delivery {} of shipment {} handed to {}, receipt awaited", id, d.subject(), d.partner());
        } else {
            failed(d, started, !outcome.retryable(), outcome.mic(), outcome.receipt(), outcome.summary());
        }
    }

    /** No receipt came in time: the attempt that sent it failed, and is retried like any failure. */
    private void receiptOverdue(Deliveries.Delivery d) {
        int failures = d.attempts(); // the attempt that sent it is counted already
        boolean dead = failures >= schedule.maxAttempts();
        Instant now = clock.instant();
        String reason = "no receipt (asynchronous MDN) for message " + d.messageId() + " within "
                + schedule.asyncMdnTimeout() + " of sending it";
        deliveries.receiptOverdue(d.id(), owner, now, dead ? Deliveries.State.DEAD : Deliveries.State.FAILED,
                dead ? null : now.plus(schedule.backOff(failures)), reason);
        LOG.info("DSCSA delivery {} of shipment {} to {} failed ({}): {}", d.id(), d.subject(), d.partner(),
                dead ? "dead" : "attempt " + failures + ", retried", reason);
    }

    private void failed(Deliveries.Delivery d, Instant started, boolean final_, String mic, byte[] receipt,
                        String reason) {
        int failures = d.attempts() + 1;
        boolean dead = final_ || failures >= schedule.maxAttempts();
        Instant finished = clock.instant();
        deliveries.attempted(d.id(), owner, started, finished, dead ? Deliveries.State.DEAD : Deliveries.State.FAILED,
                dead ? null : finished.plus(schedule.backOff(failures)), mic, receipt, receipt == null ? null : reason,
                reason);
        LOG.info("DSCSA delivery {} of shipment {} to {} failed ({}): {}", d.id(), d.subject(), d.partner(),
                dead ? "dead" : "attempt " + failures + ", retried", reason);
    }
}
