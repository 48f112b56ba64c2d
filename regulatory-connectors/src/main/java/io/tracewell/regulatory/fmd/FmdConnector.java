package io.tracewell.regulatory.fmd;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.Lgtin;
import io.tracewell.epcis.id.ProductClass;
import io.tracewell.epcis.id.Sgtin;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.epcis.store.outbox.Outbox;
import io.tracewell.epcis.store.outbox.OutboxEntry;
import io.tracewell.epcis.store.write.StoreException;
import io.tracewell.regulatory.dscsa.CbvMda;
import io.tracewell.regulatory.dscsa.ShipmentEvents;
import io.tracewell.regulatory.dscsa.ShipmentHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EU FMD connector's work (docs/fmd.md), on the delivery records of docs/deliveries.md, in two steps any node may
 * run:
 *
 * <ol>
 *   <li>{@link #collect}: reads the outbox and, in the transaction that marks each row processed, records commissioned
 *   packs ({@code fmd_pack}) and creates the deliveries owed to the hub: the product master data and the batch upload
 *   when a batch is released ({@link ReleaseRule}), later packs of a released batch, pack state changes, batch
 *   recalls and product withdrawals. Each subject gets one delivery, so a recall or withdrawal is created once.</li>
 *   <li>{@link #sendDue}: sends due deliveries under a lease. The first attempt builds the message, checks it against
 *   {@link PackRules} and fixes its bytes and client transaction id; every resend carries them. A delivery waits
 *   (failed, retried) until the uploads it depends on are acknowledged: the product before its batches, the batch
 *   before state changes and recalls of its packs. A message that breaks the rules, or that the hub rejects, is dead
 *   at once with the reason. A recall or withdrawal whose earlier attempt may have reached the hub is never sent
 *   again before the hub has said it does not know it.</li>
 * </ol>
 */
public final class FmdConnector implements io.tracewell.regulatory.delivery.ConnectorService.Connector {

    /** The connector's name in the outbox and in deliveries. */
    public static final String NAME = "fmd";
    /** The partner of every delivery. */
    public static final String HUB = "eu-hub";

    static final String PRODUCT = "product:";
    static final String BATCH = "batch:";
    static final String PACKS = "packs:";
    static final String STATE = "state:";
    static final String RECALL = "recall:";
    static final String WITHDRAWAL = "withdrawal:";

    private static final Logger LOG = LoggerFactory.getLogger(FmdConnector.class);
    private static final String ILMD_MDA = "urn:epcglobal:cbv:mda";

    /**
     * @param firstRetry  the wait after the first failed attempt, doubled after each further one
     * @param maxRetry    the longest wait
     * @param maxAttempts attempts before a delivery is dead
     * @param lease       how long a node holds a delivery it sends, and the outbox while it collects
     */
    public record Schedule(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration lease) {
        public Schedule {
            if (maxAttempts < 1 || firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0
                    || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("a schedule needs maxAttempts >= 1, 0 < firstRetry <= maxRetry and"
                        + " lease > 0");
            }
        }

        public static Schedule defaults() {
            return new Schedule(Duration.ofSeconds(30), Duration.ofHours(1), 12, Duration.ofMinutes(5));
        }

        Duration backOff(int failures) {
            Duration d = firstRetry.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
            return d.compareTo(maxRetry) > 0 ? maxRetry : d;
        }
    }

    /** The delivery cannot be sent yet, or its data is missing: retried on the back-off. */
    private static final class NotYet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotYet(String message) {
            super(message, null, false, false);
        }
    }

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final ShipmentHistory history;
    private final EuHubPort hub;
    private final ReleaseRule release;
    private final Schedule schedule;
    private final String owner;
    private final Clock clock;
    private volatile boolean registered;

    public FmdConnector(DataSource dataSource, EuHubPort hub, ReleaseRule release, Schedule schedule, String nodeId,
                        Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.outbox = new Outbox(dataSource);
        this.deliveries = new Deliveries(dataSource);
        this.history = new ShipmentHistory(dataSource);
        this.hub = Objects.requireNonNull(hub, "hub");
        this.release = Objects.requireNonNull(release, "release");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.owner = Objects.requireNonNull(nodeId, "nodeId") + "/" + NAME;
        this.clock = Objects.requireNonNull(clock, "clock");
        // The outbox consumer is registered on the first collect: the server starts even while the database is away.
    }

    // ------------------------------------------------------------------------------------------------- collect

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
            for (OutboxEntry entry : outbox.pending(NAME, limit)) {
                List<EpcisEvent> events = outbox.events(entry.id());
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        for (EpcisEvent event : events) {
                            if (event instanceof ObjectEvent o && o.errorDeclaration() == null) {
                                created += collect(c, o, entry.id());
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
                    throw new StoreException("turning outbox row " + entry.id() + " into FMD deliveries failed: "
                            + e.getMessage(), e);
                }
            }
        } finally {
            outbox.releaseLease(NAME, owner);
        }
        return created;
    }

    private int collect(Connection c, ObjectEvent event, long outboxId) throws SQLException {
        BizStep step = event.why().bizStep();
        if (event.action() == Action.ADD && BizStep.COMMISSIONING.equals(step)) {
            return commissioned(c, event, outboxId);
        }
        if (BizStep.SHIPPING.equals(step) && release == ReleaseRule.FIRST_SHIPMENT) {
            return shipped(c, event, outboxId);
        }
        if (Disposition.RECALLED.equals(event.why().disposition())) {
            return recalled(c, event, outboxId);
        }
        boolean named;
        try {
            named = EmvsPackState.of(event).isPresent();
        } catch (EmvsPackState.UnknownState e) {
            named = true; // sent to fail with the reason, for the operator
        }
        if ((named || EmvsPackState.unnamedDecommissioning(event)) && !sgtins(event).isEmpty()
                && event.eventID() != null) {
            return create(c, STATE + event.eventID(), outboxId);
        }
        return 0;
    }

    /** Records the packs; uploads them now (release rule, or the batch is out already) or with their batch. */
    private int commissioned(Connection c, ObjectEvent event, long outboxId) throws SQLException {
        List<Sgtin> packs = sgtins(event);
        if (packs.isEmpty()) {
            return 0;
        }
        String lot = ilmd(event, ILMD_MDA, "lotNumber").orElse("");
        String expiry;
        String date = ilmd(event, ILMD_MDA, "itemExpirationDate").orElse(null);
        String printed = ilmd(event, EmvsPackState.EXTENSION_NAMESPACE, "packExpiry").orElse(null);
        try {
            expiry = PackRules.printedExpiry(date, printed);
        } catch (IllegalArgumentException e) {
            // kept as found, which is no YYMMDD: the rules refuse the upload and name it
            expiry = printed != null && date != null ? printed + " (itemExpirationDate " + date + ")"
                    : printed != null ? printed : date != null ? date : "";
        }
        int created = 0;
        Map<String, List<Sgtin>> byGtin = new LinkedHashMap<>();
        for (Sgtin s : packs) {
            byGtin.computeIfAbsent(s.gtin().value(), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<Sgtin>> e : byGtin.entrySet()) {
            String batchSubject = BATCH + e.getKey() + ":" + lot;
            boolean released = FmdPacks.deliveryState(c, NAME, HUB, batchSubject).isPresent();
            String subject = released ? PACKS + e.getKey() + ":" + lot + ":" + event.eventID() : batchSubject;
            List<FmdPacks.Pack> rows = new ArrayList<>();
            for (Sgtin s : e.getValue()) {
                rows.add(new FmdPacks.Pack(e.getKey(), s.serial(), lot, expiry, subject));
            }
            FmdPacks.add(c, rows, event.eventID());
            if (released) {
                created += create(c, subject, outboxId);
            } else if (release == ReleaseRule.COMMISSIONING) {
                created += create(c, PRODUCT + e.getKey(), outboxId);
                created += create(c, batchSubject, outboxId);
            }
        }
        return created;
    }

    /** Releases the batches of the shipped packs that are not out yet. */
    private int shipped(Connection c, ObjectEvent event, long outboxId) throws SQLException {
        if (event.eventID() == null) {
            return 0;
        }
        ShipmentEvents shipment;
        try {
            shipment = history.forEventId(event.eventID());
        } catch (IllegalArgumentException e) {
            LOG.info("FMD: shipping event {} not followed: {}", event.eventID(), e.getMessage());
            return 0;
        }
        List<String[]> keys = new ArrayList<>();
        for (String item : shipment.shippedItems()) {
            try {
                if (Epc.parse(item) instanceof Sgtin s) {
                    keys.add(new String[] {s.gtin().value(), s.serial()});
                }
            } catch (IdentifierException notAKey) {
                // not a pack
            }
        }
        Set<String> batches = new LinkedHashSet<>();
        for (FmdPacks.Pack p : FmdPacks.find(c, keys).values()) {
            if (p.uploadSubject().startsWith(BATCH)) {
                batches.add(p.gtin() + "\n" + p.uploadSubject());
            }
        }
        int created = 0;
        for (String b : batches.stream().sorted().toList()) {
            String[] gtinAndSubject = b.split("\n", 2);
            created += create(c, PRODUCT + gtinAndSubject[0], outboxId);
            created += create(c, gtinAndSubject[1], outboxId);
        }
        return created;
    }

    /** A lot class recalled: batch recall; a product class (GTIN without lot): product withdrawal. */
    private int recalled(Connection c, ObjectEvent event, long outboxId) throws SQLException {
        int created = 0;
        for (QuantityElement q : event.quantityList()) {
            try {
                Epc epc = Epc.parse(q.epcClass());
                if (epc instanceof Lgtin l) {
                    created += create(c, RECALL + l.gtin().value() + ":" + l.lot(), outboxId);
                } else if (epc instanceof ProductClass p) {
                    created += create(c, WITHDRAWAL + p.gtin().value(), outboxId);
                }
            } catch (IdentifierException notAClass) {
                // not a GS1 class
            }
        }
        return created;
    }

    private int create(Connection c, String subject, long outboxId) throws SQLException {
        if (Deliveries.create(c, NAME, HUB, subject, outboxId, clock.instant())) {
            LOG.info("FMD delivery {} created", subject);
            return 1;
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------------- send

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
        EuHubPort.Encoded request;
        String trxId = d.messageId();
        if (d.payload() == null) {
            HubMessage message;
            try {
                message = build(d);
                PackRules.check(message);
            } catch (NotYet | FmdMasterData.Missing e) {
                failed(d, started, false, null, e.getMessage());
                return;
            } catch (PackRules.Violation e) {
                failed(d, started, true, null, "not sent, the message breaks the rules: " + e.getMessage());
                return;
            } catch (IllegalArgumentException e) { // IdentifierException too
                failed(d, started, true, null, "not sent: " + e.getMessage());
                return;
            }
            trxId = hub.newClientTrxId();
            request = hub.encode(trxId, message);
            if (!deliveries.prepared(id, owner, trxId, request.bytes(), request.contentType())) {
                Deliveries.Delivery fixed = deliveries.find(id).orElseThrow();
                trxId = fixed.messageId();
                request = new EuHubPort.Encoded(fixed.payload(), fixed.contentType());
            }
        } else {
            request = new EuHubPort.Encoded(d.payload(), d.contentType());
            if (irreversible(d.subject()) && d.attempts() > 0) {
                // An earlier attempt may have reached the hub: a second recall or withdrawal must never go out.
                HubOutcome status = hub.status(trxId);
                switch (status.kind()) {
                    case ACCEPTED, REJECTED -> {
                        settled(d, started, status, "status asked before resending: ");
                        return;
                    }
                    case NOT_RECEIVED -> LOG.info("FMD delivery {}: the hub never received {}, sent again", id, trxId);
                    default -> {
                        failed(d, started, false, status, "not resent, the hub's status of " + trxId
                                + " is not known: " + status.detail());
                        return;
                    }
                }
            }
        }
        HubOutcome outcome = hub.send(trxId, request);
        settled(d, started, outcome, "");
    }

    private void settled(Deliveries.Delivery d, Instant started, HubOutcome outcome, String prefix) {
        switch (outcome.kind()) {
            case ACCEPTED -> {
                deliveries.attempted(d.id(), owner, started, clock.instant(), Deliveries.State.ACKNOWLEDGED, null,
                        null, outcome.response(), summary(outcome), prefix + outcome.detail());
                LOG.info("FMD delivery {} ({}) accepted by the hub: {}", d.id(), d.subject(), outcome.detail());
            }
            case REJECTED -> failed(d, started, true, outcome, prefix + "rejected by the hub: " + outcome.detail());
            default -> failed(d, started, false, outcome, prefix + outcome.detail());
        }
    }

    private static String summary(HubOutcome o) {
        return o.kind() + (o.hubTrxId() == null ? "" : " hubTrxId=" + o.hubTrxId())
                + (o.code() == null ? "" : " code=" + o.code());
    }

    private void failed(Deliveries.Delivery d, Instant started, boolean final_, HubOutcome outcome, String reason) {
        int failures = d.attempts() + 1;
        boolean dead = final_ || failures >= schedule.maxAttempts();
        Instant finished = clock.instant();
        byte[] response = outcome == null ? null : outcome.response();
        deliveries.attempted(d.id(), owner, started, finished, dead ? Deliveries.State.DEAD : Deliveries.State.FAILED,
                dead ? null : finished.plus(schedule.backOff(failures)), null, response,
                outcome == null || response == null ? null : summary(outcome), reason);
        LOG.info("FMD delivery {} ({}) failed ({}): {}", d.id(), d.subject(),
                dead ? "dead" : "attempt " + failures + ", retried", reason);
    }

    static boolean irreversible(String subject) {
        return subject.startsWith(RECALL) || subject.startsWith(WITHDRAWAL);
    }

    // ------------------------------------------------------------------------------------------------- build

    private HubMessage build(Deliveries.Delivery d) {
        String s = d.subject();
        try (Connection c = dataSource.getConnection()) {
            if (s.startsWith(PRODUCT)) {
                return FmdMasterData.product(c, new Gtin(s.substring(PRODUCT.length())));
            }
            if (s.startsWith(BATCH) || s.startsWith(PACKS)) {
                return batch(c, s);
            }
            if (s.startsWith(STATE)) {
                return state(c, d);
            }
            if (s.startsWith(RECALL)) {
                String gtin = s.substring(RECALL.length(), RECALL.length() + 14);
                String lot = s.substring(RECALL.length() + 15);
                waitFor(c, BATCH + gtin + ":" + lot, false);
                ObjectEvent event = trigger(d, e -> e.quantityList().stream().anyMatch(q -> isClass(q, gtin, lot)));
                notRetracted(c, event);
                return new HubMessage.BatchRecall(gtin, "GTIN", lot, reason(event),
                        FmdMasterData.markets(c, gtin));
            }
            if (s.startsWith(WITHDRAWAL)) {
                String gtin = s.substring(WITHDRAWAL.length());
                ObjectEvent event = trigger(d, e -> e.quantityList().stream().anyMatch(q -> isClass(q, gtin, null)));
                notRetracted(c, event);
                return new HubMessage.ProductWithdrawal(gtin, "GTIN", reason(event), FmdMasterData.markets(c, gtin));
            }
            throw new IllegalArgumentException("the subject " + s + " names no FMD message");
        } catch (SQLException e) {
            throw new NotYet("reading the store failed: " + e.getMessage());
        }
    }

    private HubMessage batch(Connection c, String subject) throws SQLException {
        List<FmdPacks.Pack> packs = FmdPacks.uploadedBy(c, subject);
        if (packs.isEmpty()) {
            throw new IllegalArgumentException("no packs to upload for " + subject + ": its packs were recorded by an"
                    + " earlier commissioning (a pack commissioned again keeps its first batch and upload)");
        }
        FmdPacks.Pack first = packs.get(0);
        waitFor(c, PRODUCT + first.gtin(), true);
        if (subject.startsWith(PACKS)) {
            waitFor(c, BATCH + first.gtin() + ":" + first.lot(), true);
        }
        Set<String> expiries = new LinkedHashSet<>();
        packs.forEach(p -> expiries.add(p.expiry()));
        if (expiries.size() > 1) {
            throw new PackRules.Violation(List.of("the packs of batch " + first.lot() + " were commissioned with"
                    + " different expiry dates " + expiries));
        }
        return new HubMessage.BatchUpload(first.gtin(), "GTIN", first.lot(), first.expiry(),
                packs.stream().map(FmdPacks.Pack::serial).toList());
    }

    private HubMessage state(Connection c, Deliveries.Delivery d) throws SQLException {
        String eventId = d.subject().substring(STATE.length());
        ObjectEvent event = trigger(d, e -> eventId.equals(e.eventID()));
        notRetracted(c, event);
        EmvsPackState state = EmvsPackState.of(event).orElseThrow(() -> new IllegalArgumentException("the event "
                + eventId + " is a decommissioning without " + EmvsPackState.EXTENSION_ELEMENT + " extension: no EMVS"
                + " pack state to send"));
        List<Sgtin> sgtins = sgtins(event);
        List<String[]> keys = sgtins.stream().map(s -> new String[] {s.gtin().value(), s.serial()}).toList();
        Map<String, FmdPacks.Pack> known = FmdPacks.find(c, keys);
        List<String> unknown = new ArrayList<>();
        List<HubMessage.Pack> packs = new ArrayList<>();
        Set<String> uploads = new LinkedHashSet<>();
        for (Sgtin s : sgtins) {
            FmdPacks.Pack p = known.get(s.gtin().value() + "/" + s.serial());
            if (p == null) {
                unknown.add(s.toUrn());
                continue;
            }
            uploads.add(p.uploadSubject());
            packs.add(new HubMessage.Pack(p.gtin(), "GTIN", p.lot(), p.expiry(), p.serial()));
        }
        if (!unknown.isEmpty()) {
            throw new NotYet("no commissioning recorded for " + unknown);
        }
        // After a batch recall or product withdrawal the hub takes no other state change of those packs.
        Set<String> finals = new LinkedHashSet<>();
        for (HubMessage.Pack p : packs) {
            finals.add(RECALL + p.productCode() + ":" + p.batch());
            finals.add(WITHDRAWAL + p.productCode());
        }
        for (String f : finals) {
            if (FmdPacks.deliveryState(c, NAME, HUB, f).filter("acknowledged"::equals).isPresent()) {
                throw new IllegalArgumentException("not sent: " + f + " was accepted by the hub, which takes no"
                        + " other state change of its packs");
            }
        }
        for (String upload : uploads) {
            waitFor(c, upload, true);
        }
        return new HubMessage.PackStateChange(state, packs);
    }

    /** Waits until the upload of this subject is acknowledged; {@code required}: also when it does not exist. */
    private static void waitFor(Connection c, String subject, boolean required) throws SQLException {
        Optional<String> state = FmdPacks.deliveryState(c, NAME, HUB, subject);
        if (state.isEmpty() && !required || state.filter("acknowledged"::equals).isPresent()) {
            return;
        }
        throw new NotYet("waiting for " + subject + " to be accepted by the hub (" + state.map(s -> "it is " + s)
                .orElse("it is not released yet") + ")");
    }

    private ObjectEvent trigger(Deliveries.Delivery d, java.util.function.Predicate<ObjectEvent> which) {
        if (d.outboxId() != null) {
            for (EpcisEvent e : outbox.events(d.outboxId())) {
                if (e instanceof ObjectEvent o && o.errorDeclaration() == null && which.test(o)) {
                    return o;
                }
            }
        }
        throw new IllegalArgumentException("the event that asked for " + d.subject() + " is no longer stored");
    }

    /** A state change, recall or withdrawal whose event an error declaration retracted before it was sent is not. */
    private static void notRetracted(Connection c, ObjectEvent event) throws SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement("SELECT 1 FROM epcis_event WHERE event_id = ?"
                + " AND has_error_declaration = TRUE LIMIT 1")) {
            s.setString(1, event.eventID());
            try (java.sql.ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw new IllegalArgumentException("not sent: the event " + event.eventID() + " was retracted by"
                            + " an error declaration before it was sent");
                }
            }
        }
    }

    private static boolean isClass(QuantityElement q, String gtin, String lot) {
        try {
            Epc epc = Epc.parse(q.epcClass());
            return lot == null ? epc instanceof ProductClass p && p.gtin().value().equals(gtin)
                    : epc instanceof Lgtin l && l.gtin().value().equals(gtin) && l.lot().equals(lot);
        } catch (IdentifierException e) {
            return false;
        }
    }

    /** The event's {@code fmd:reason} extension, or a reason naming the event. */
    private static String reason(ObjectEvent event) {
        for (ExtensionElement e : event.extensions()) {
            if (EmvsPackState.EXTENSION_NAMESPACE.equals(e.name().getNamespaceURI())
                    && "reason".equals(e.name().getLocalPart()) && e.value() instanceof ExtensionElement.Simple s
                    && !s.lexical().isBlank()) {
                return s.lexical().strip();
            }
        }
        return "recorded by EPCIS event " + event.eventID();
    }

    private static List<Sgtin> sgtins(ObjectEvent event) {
        List<Sgtin> packs = new ArrayList<>();
        for (String epc : event.epcList()) {
            try {
                if (Epc.parse(epc) instanceof Sgtin s) {
                    packs.add(s);
                }
            } catch (IdentifierException notAKey) {
                // not a pack
            }
        }
        return packs;
    }

    private static Optional<String> ilmd(ObjectEvent event, String namespace, String localName) {
        if (event.ilmd() == null) {
            return Optional.empty();
        }
        for (ExtensionElement e : event.ilmd().elements()) {
            String ns = e.name().getNamespaceURI();
            boolean inNs = ns.equals(namespace) || namespace.equals(ILMD_MDA)
                    && (ns.equals(ILMD_MDA + ":") || ns.equals(CbvMda.ATTRIBUTE_PREFIX));
            if (inNs && e.name().getLocalPart().equals(localName) && e.value() instanceof ExtensionElement.Simple s
                    && !s.lexical().isBlank()) {
                return Optional.of(s.lexical().strip());
            }
        }
        return Optional.empty();
    }
}
