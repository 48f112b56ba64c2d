package io.tracewell.trace.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.store.write.StoreResult;
import io.tracewell.trace.testdb.TraceTestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The engine on a real MariaDB: events stored through the event store, the engine run, the alerts read back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertEngineTest {

    private static final Caller REGULATOR = new Caller("test", "authority", Set.of(Caller.Role.REGULATOR),
            Set.of());
    private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final String RP = "urn:epc:id:sgln:0614141.00001.0";

    private TraceTestDatabase database;
    private EventStore store;
    private AlertStore alerts;
    private AlertEngine engine;

    @BeforeAll
    void start() {
        database = TraceTestDatabase.create();
        store = EventStore.of(database.dataSource());
        alerts = new AlertStore(database.dataSource());
    }

    @BeforeEach
    void engine() {
        engine = new AlertEngine(database.dataSource(), AlertSettings.defaults(), "node-a",
                Clock.fixed(NOW, ZoneOffset.UTC));
        // Rows from earlier tests are not this test's business.
        engine.runOnce();
        execute("DELETE FROM trace_alert");
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void aNormalLifeRaisesNothing() {
        String epc = epc();
        store(event(T0, Action.ADD, epc, BizStep.COMMISSIONING, Disposition.ACTIVE));
        store(event(T0.plusSeconds(3600), Action.OBSERVE, epc, BizStep.SHIPPING, Disposition.IN_TRANSIT));
        store(event(T0.plusSeconds(7200), Action.OBSERVE, epc, BizStep.RECEIVING, Disposition.IN_PROGRESS));
        store(event(T0.plusSeconds(9000), Action.OBSERVE, epc, BizStep.DISPENSING, Disposition.DISPENSED));

        assertThat(engine.runOnce()).isZero();
        engine.checkOverdueShipments(); // may find shipments of other tests, never of this EPC
        assertThat(all()).extracting(Alert::epc).doesNotContain(Epc.canonicalOf(epc));
    }

    @Test
    void anEpcCommissionedTwiceRaisesOneAlertOnTheLaterEvent() {
        String epc = epc();
        String other = epc();
        StoreResult first = store(event(T0, Action.ADD, List.of(epc, other), BizStep.COMMISSIONING,
                Disposition.ACTIVE));
        StoreResult second = store(event(T0.plusSeconds(60), Action.ADD, List.of(epc), BizStep.COMMISSIONING,
                Disposition.ACTIVE));
        java.util.concurrent.atomic.AtomicInteger woken = new java.util.concurrent.atomic.AtomicInteger();
        engine.onRaised(woken::incrementAndGet);

        assertThat(engine.runOnce()).isEqualTo(1);
        assertThat(woken).as("the webhook is woken after alerts were stored").hasValue(1);
        assertThat(engine.runOnce()).isZero();
        assertThat(woken).hasValue(1);
        List<Alert> raised = all();
        assertThat(raised).hasSize(1);
        Alert alert = raised.get(0);
        assertThat(alert.rule()).isEqualTo(CommissionedTwiceRule.NAME);
        assertThat(alert.epc()).isEqualTo(Epc.canonicalOf(epc));
        assertThat(alert.state()).isEqualTo(AlertState.OPEN);
        assertThat(alert.eventIds()).containsExactly(first.events().get(0).hashId(),
                second.events().get(0).hashId());
        assertThat(alert.detail()).contains("commissioned 2 times");
    }

    @Test
    void evaluatingAgainRaisesNothingNew() {
        String epc = epc();
        long first = store(event(T0, Action.ADD, epc, BizStep.COMMISSIONING, Disposition.ACTIVE)).outboxId();
        long second = store(event(T0.plusSeconds(60), Action.ADD, epc, BizStep.COMMISSIONING, Disposition.ACTIVE))
                .outboxId();
        assertThat(engine.runOnce()).isEqualTo(1);
        assertThat(engine.runOnce()).isZero();

        // Even with the processed markers gone both rows are evaluated again, and the unique key holds.
        execute("DELETE FROM epcis_outbox_receipt WHERE consumer = 'alerts' AND outbox_id IN (" + first + ", "
                + second + ")");
        assertThat(engine.runOnce()).isZero();
        assertThat(all()).hasSize(1);
    }

    @Test
    void anEpcSeenAfterDispensingRaisesAnAlertWhicheverEventIsEvaluatedFirst() {
        String epc = epc();
        store(event(T0, Action.ADD, epc, BizStep.COMMISSIONING, Disposition.ACTIVE));
        StoreResult dispensed = store(event(T0.plusSeconds(3600), Action.OBSERVE, epc, BizStep.DISPENSING,
                Disposition.DISPENSED));
        assertThat(engine.runOnce()).isZero();

        // The later scan arrives...
        StoreResult seen = store(event(T0.plusSeconds(7200), Action.OBSERVE, epc, BizStep.INSPECTING, null));
        assertThat(engine.runOnce()).isEqualTo(1);
        Alert alert = all().get(0);
        assertThat(alert.rule()).isEqualTo(SeenAfterEndOfLifeRule.NAME);
        assertThat(alert.epc()).isEqualTo(Epc.canonicalOf(epc));
        assertThat(alert.eventIds()).containsExactly(dispensed.events().get(0).hashId(),
                seen.events().get(0).hashId());

        // ...and, for another EPC, the scan is stored first and the (earlier) destroying event after it.
        String late = epc();
        StoreResult scan = store(event(T0.plusSeconds(7200), Action.OBSERVE, late, BizStep.INSPECTING, null));
        assertThat(engine.runOnce()).isZero();
        StoreResult destroyed = store(event(T0.plusSeconds(3600), Action.DELETE, late, BizStep.DESTROYING,
                Disposition.DESTROYED));
        assertThat(engine.runOnce()).isEqualTo(1);
        Alert second = alerts.list(REGULATOR, Optional.empty(), Optional.empty(), 0, 10).get(0);
        assertThat(second.epc()).isEqualTo(Epc.canonicalOf(late));
        assertThat(second.eventIds()).containsExactly(destroyed.events().get(0).hashId(),
                scan.events().get(0).hashId());
    }

    @Test
    void aDestroyingEventAfterDispensingIsNoAlert() {
        String epc = epc();
        store(event(T0, Action.OBSERVE, epc, BizStep.DISPENSING, Disposition.DISPENSED));
        store(event(T0.plusSeconds(60), Action.DELETE, epc, BizStep.DESTROYING, Disposition.DESTROYED));
        assertThat(engine.runOnce()).isZero();
    }

    @Test
    void aRuleSwitchedOffRaisesNothing() {
        engine.close();
        AlertSettings d = AlertSettings.defaults();
        engine = new AlertEngine(database.dataSource(), new AlertSettings(false, true, true, true, true,
                d.cloneMaxSpeedKmh(), d.cloneMinDistanceKm(), d.receiveWithin(),
                d.shipmentLookback(), d.batchSize(), d.lease()), "node-a", Clock.fixed(NOW, ZoneOffset.UTC));
        String epc = epc();
        store(event(T0, Action.ADD, epc, BizStep.COMMISSIONING, Disposition.ACTIVE));
        store(event(T0.plusSeconds(60), Action.ADD, epc, BizStep.COMMISSIONING, Disposition.ACTIVE));
        assertThat(engine.runOnce()).isZero();
    }

    @Test
    void anotherNodeWithoutTheLeaseEvaluatesNothing() {
        String epc = epc();
        store(event(T0, Action.ADD, epc, BizStep.COMMISSIONING, Disposition.ACTIVE));
        store(event(T0.plusSeconds(60), Action.ADD, epc, BizStep.COMMISSIONING, Disposition.ACTIVE));
        engine.runOnce(); // node-a holds the lease now
        execute("DELETE FROM trace_alert");
        execute("DELETE FROM epcis_outbox_receipt WHERE consumer = 'alerts'");
        try (AlertEngine other = new AlertEngine(database.dataSource(), AlertSettings.defaults(), "node-b",
                Clock.systemUTC())) {
            assertThat(other.runOnce()).isZero();
        }
        assertThat(all()).isEmpty();
    }

    @Test
    void aShipmentNotReceivedInTimeRaisesAnAlertOnce() {
        String lost = epc();
        String arrived = epc();
        String recent = epc();
        StoreResult shipped = store(event(NOW.minus(Duration.ofDays(10)), Action.OBSERVE, List.of(lost, arrived),
                BizStep.SHIPPING, Disposition.IN_TRANSIT));
        store(event(NOW.minus(Duration.ofDays(8)), Action.OBSERVE, arrived, BizStep.RECEIVING,
                Disposition.IN_PROGRESS));
        store(event(NOW.minus(Duration.ofDays(2)), Action.OBSERVE, recent, BizStep.SHIPPING,
                Disposition.IN_TRANSIT));
        assertThat(engine.runOnce()).isZero();

        assertThat(engine.checkOverdueShipments()).isEqualTo(1);
        Alert alert = all().get(0);
        assertThat(alert.rule()).isEqualTo(ShippedNotReceivedCheck.NAME);
        assertThat(alert.epc()).isEqualTo(Epc.canonicalOf(lost));
        assertThat(alert.eventIds()).containsExactly(shipped.events().get(0).hashId());
        assertThat(engine.checkOverdueShipments()).isZero();
        assertThat(all()).hasSize(1);
    }

    // Locations of the location rules' tests, each with its master data (below): country and coordinates.
    private static final String BERLIN = "urn:epc:id:sgln:4012345.00001.0";
    private static final String MUNICH = "urn:epc:id:sgln:4012345.00002.0";
    private static final String POTSDAM = "urn:epc:id:sgln:4012345.00003.0";
    private static final String NEW_YORK = "urn:epc:id:sgln:0614141.00009.0";
    private static final String NOWHERE = "urn:epc:id:sgln:4012345.00004.0";
    /** A product meant for Germany and Austria; the epc() product has no markets. */
    private static final String EU_PRODUCT = "urn:epc:idpat:sgtin:4012345.011111.*";
    private static int euSerial = 1;

    private void masterData() {
        storeMasterData(new Vocabulary("urn:epcglobal:epcis:vtype:Location", List.of(
                location(BERLIN, "DE", "52.5200", "13.4050"),
                location(MUNICH, "de", "48.1351", "11.5820"),
                location(POTSDAM, "DE", "52.3906", "13.0645"),
                location(NEW_YORK, "US", "40.7128", "-74.0060"),
                new VocabularyElement(NOWHERE, List.of(), List.of(), List.of())), List.of()),
                new Vocabulary("urn:epcglobal:epcis:vtype:EPCClass", List.of(new VocabularyElement(EU_PRODUCT,
                        List.of(attribute("urn:tracewell:mda:market", "DE"),
                                attribute("urn:tracewell:mda:market", "AT")), List.of(), List.of())), List.of()));
    }

    @Test
    void aScanInACountryOutsideTheProductsMarketsRaisesAnAlert() {
        masterData();
        String pack = euEpc();
        store(event(T0, Action.ADD, List.of(pack), BizStep.COMMISSIONING, Disposition.ACTIVE, NEW_YORK, null));
        store(event(T0.plusSeconds(60), Action.OBSERVE, List.of(pack), BizStep.SHIPPING, Disposition.IN_TRANSIT,
                NEW_YORK, null));
        store(event(T0.plus(Duration.ofDays(2)), Action.OBSERVE, List.of(pack), BizStep.RECEIVING,
                Disposition.IN_PROGRESS, BERLIN, MUNICH));
        assertThat(engine.runOnce()).as("made and shipped in the US, received in Germany").isZero();

        StoreResult diverted = store(event(T0.plus(Duration.ofDays(9)), Action.OBSERVE, List.of(pack),
                BizStep.RECEIVING, Disposition.IN_PROGRESS, MUNICH, NEW_YORK));
        assertThat(engine.runOnce()).isEqualTo(1);
        Alert alert = all().get(0);
        assertThat(alert.rule()).isEqualTo(OutsideMarketRule.NAME);
        assertThat(alert.epc()).isEqualTo(Epc.canonicalOf(pack));
        assertThat(alert.eventIds()).containsExactly(diverted.events().get(0).hashId());
        assertThat(alert.detail()).contains("seen in US").contains("meant for DE, AT");
    }

    @Test
    void noMarketsOrNoCountryIsNoOutsideMarketAlert() {
        masterData();
        String noMarkets = epc();
        String eu = euEpc();
        store(event(T0, Action.OBSERVE, List.of(noMarkets), BizStep.RECEIVING, null, NEW_YORK, null));
        store(event(T0, Action.OBSERVE, List.of(eu), BizStep.RECEIVING, null, NOWHERE, null));
        store(event(T0, Action.OBSERVE, List.of(eu), BizStep.RECEIVING, null, RP, null));
        assertThat(engine.runOnce()).isZero();
    }

    @Test
    void theLatestMasterDataOfAProductDecidesItsMarkets() {
        masterData();
        String pack = euEpc();
        storeMasterData(new Vocabulary("urn:epcglobal:epcis:vtype:EPCClass", List.of(new VocabularyElement(
                "https://id.gs1.org/01/04012345111118", List.of(attribute("urn:tracewell:mda:market", "US")),
                List.of(), List.of())), List.of()));
        try {
            store(event(T0, Action.OBSERVE, List.of(pack), BizStep.RECEIVING, null, NEW_YORK, null));
            store(event(T0.plus(Duration.ofDays(30)), Action.OBSERVE, List.of(pack), BizStep.RECEIVING, null,
                    BERLIN, null));
            assertThat(engine.runOnce()).isEqualTo(1);
            assertThat(all().get(0).detail()).contains("seen in DE").contains("meant for US");
        } finally {
            masterData(); // DE and AT again for the other tests
        }
    }

    @Test
    void theSameSerialReadTooFarApartForTheTimeBetweenRaisesACloneAlert() {
        masterData();
        String pack = epc();
        StoreResult berlin = store(event(T0, Action.OBSERVE, List.of(pack), BizStep.RECEIVING, null, BERLIN, null));
        // Berlin-Potsdam, about 27 km in an hour: possible.
        store(event(T0.plus(Duration.ofHours(1)), Action.OBSERVE, List.of(pack), BizStep.STORING, null, POTSDAM,
                null));
        assertThat(engine.runOnce()).isZero();
        // Potsdam-New York, about 6,400 km in two hours: impossible.
        StoreResult newYork = store(event(T0.plus(Duration.ofHours(3)), Action.OBSERVE, List.of(pack),
                BizStep.RETAIL_SELLING, null, NEW_YORK, null));
        assertThat(engine.runOnce()).isEqualTo(1);
        Alert alert = all().get(0);
        assertThat(alert.rule()).isEqualTo(CloneRule.NAME);
        assertThat(alert.epc()).isEqualTo(Epc.canonicalOf(pack));
        assertThat(alert.eventIds()).hasSize(2).endsWith(newYork.events().get(0).hashId())
                .doesNotContain(berlin.events().get(0).hashId());
        assertThat(alert.detail()).contains("faster than 900 km/h");

        // A read that arrives late, between two others: Berlin at T0, Munich (504 km) 20 minutes later.
        String other = epc();
        StoreResult first = store(event(T0, Action.OBSERVE, List.of(other), BizStep.RECEIVING, null, BERLIN, null));
        store(event(T0.plus(Duration.ofDays(1)), Action.OBSERVE, List.of(other), BizStep.STORING, null, MUNICH,
                null));
        assertThat(engine.runOnce()).isZero();
        StoreResult late = store(event(T0.plus(Duration.ofMinutes(20)), Action.OBSERVE, List.of(other),
                BizStep.STORING, null, MUNICH, null));
        assertThat(engine.runOnce()).isEqualTo(1);
        assertThat(all().get(1).eventIds()).containsExactly(first.events().get(0).hashId(),
                late.events().get(0).hashId());
    }

    @Test
    void readsAtTheSameTimeCloseTogetherOrWithoutCoordinatesAreNoClone() {
        masterData();
        String pack = epc();
        String near = epc();
        List<Long> rows = List.of(
                store(event(T0, Action.OBSERVE, List.of(pack), BizStep.RECEIVING, null, BERLIN, null)).outboxId(),
                // Potsdam is 27 km from Berlin: more than the 25 km minimum.
                store(event(T0, Action.OBSERVE, List.of(pack), BizStep.RECEIVING, null, POTSDAM, null)).outboxId(),
                store(event(T0, Action.OBSERVE, List.of(near), BizStep.RECEIVING, null, BERLIN, null)).outboxId(),
                store(event(T0.plusSeconds(1), Action.OBSERVE, List.of(near), BizStep.RECEIVING, null, BERLIN,
                        null)).outboxId(),
                store(event(T0.plusSeconds(2), Action.OBSERVE, List.of(near), BizStep.RECEIVING, null, NOWHERE,
                        null)).outboxId());
        assertThat(engine.runOnce()).as("only Berlin and Potsdam at the same instant").isEqualTo(1);
        assertThat(all().get(0).epc()).isEqualTo(Epc.canonicalOf(pack));

        // With a minimum distance of 30 km, the same reads are no clone.
        engine.close();
        AlertSettings d = AlertSettings.defaults();
        engine = new AlertEngine(database.dataSource(), new AlertSettings(true, true, true, true, true, 900, 30,
                d.receiveWithin(), d.shipmentLookback(), d.batchSize(), d.lease()), "node-a",
                Clock.fixed(NOW, ZoneOffset.UTC));
        execute("DELETE FROM trace_alert");
        execute("DELETE FROM epcis_outbox_receipt WHERE consumer = 'alerts' AND outbox_id IN ("
                + String.join(", ", rows.stream().map(String::valueOf).toList()) + ")");
        assertThat(engine.runOnce()).isZero();
    }

    @Test
    void theHaversineDistanceMatchesKnownDistances() {
        MasterData.Coordinates berlin = new MasterData.Coordinates(52.5200, 13.4050);
        MasterData.Coordinates newYork = new MasterData.Coordinates(40.7128, -74.0060);
        assertThat(berlin.kilometresTo(newYork)).isBetween(6380.0, 6390.0);
        assertThat(berlin.kilometresTo(berlin)).isZero();
        MasterData.Coordinates antipode = new MasterData.Coordinates(-52.5200, 13.4050 - 180);
        assertThat(berlin.kilometresTo(antipode)).isBetween(20_015.0, 20_016.0);
    }

    private void storeMasterData(Vocabulary... vocabularies) {
        try (EventStore.Session session = store.open(CaptureContext.capture(UUID.randomUUID().toString(), "local",
                Namespaces.NONE))) {
            session.addMasterData(List.of(vocabularies));
            session.commit();
        }
    }

    private static VocabularyElement location(String id, String country, String latitude, String longitude) {
        return new VocabularyElement(id, List.of(attribute("urn:epcglobal:cbv:mda#countryCode", country),
                attribute("urn:epcglobal:cbv:mda#latitude", latitude),
                attribute("urn:epcglobal:cbv:mda#longitude", longitude)), List.of(), List.of());
    }

    private static VocabularyAttribute attribute(String id, String value) {
        return new VocabularyAttribute(id, new ExtensionElement.Simple(value, null));
    }

    private static String euEpc() {
        return "urn:epc:id:sgtin:4012345.011111." + (euSerial++);
    }

    private static ObjectEvent event(Instant time, Action action, List<String> epcs, BizStep step,
                                     Disposition disposition, String readPoint, String bizLocation) {
        return new ObjectEvent(CommonFields.of(EpcisTime.of(time), new TimeZoneOffset(ZoneOffset.UTC)), action,
                epcs, List.of(), new Where(ReadPoint.of(readPoint), bizLocation == null ? null
                        : BizLocation.of(bizLocation), List.of(), List.of()),
                new Why(step, disposition, null, List.of()), List.of(), null, List.of());
    }

    private List<Alert> all() {
        return alerts.list(REGULATOR, Optional.empty(), Optional.empty(), 0, 1000).stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    private StoreResult store(EpcisEvent event) {
        return store.store(List.of(event),
                CaptureContext.capture(UUID.randomUUID().toString(), "local", Namespaces.NONE));
    }

    private static ObjectEvent event(Instant time, Action action, String epc, BizStep step, Disposition disposition) {
        return event(time, action, List.of(epc), step, disposition);
    }

    private static ObjectEvent event(Instant time, Action action, List<String> epcs, BizStep step,
                                     Disposition disposition) {
        return new ObjectEvent(CommonFields.of(EpcisTime.of(time), new TimeZoneOffset(ZoneOffset.UTC)), action,
                epcs, List.of(), new Where(ReadPoint.of(RP), null, List.of(), List.of()),
                new Why(step, disposition, null, List.of()), List.of(), null, List.of());
    }

    private static int serial = 1000;

    private static String epc() {
        return "urn:epc:id:sgtin:0614141.107346." + (serial++);
    }

    private void execute(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
