package io.tracewell.regulatory.dscsa;

import static io.tracewell.regulatory.dscsa.ExampleShipment.canonical;
import static io.tracewell.regulatory.dscsa.ExampleShipment.caseUrn;
import static io.tracewell.regulatory.dscsa.ExampleShipment.id;
import static io.tracewell.regulatory.dscsa.ExampleShipment.packUrn;
import static io.tracewell.regulatory.dscsa.ExampleShipment.ssccUrn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.store.write.EventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events of a shipment, read from a real MariaDB: hierarchy, latest packing, shared commissioning. */
class ShipmentHistoryTest {

    private static DscsaTestDatabase database;
    private static ShipmentHistory history;
    private static ShipmentEvents shipment;

    @BeforeAll
    static void storeTheShipments() {
        database = DscsaTestDatabase.create();
        ExampleShipment.store(new EventStore(database.dataSource(), EventHasher.standard(),
                Clock.fixed(ExampleShipment.RECORD_TIME, ZoneOffset.UTC)));
        history = new ShipmentHistory(database.dataSource());
        shipment = history.forEventId(ExampleShipment.SHIPPING_ID);
    }

    @AfterAll
    static void dropTheDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void walksFromThePalletThroughTheCasesToEveryPack() {
        List<String> expected = new ArrayList<>();
        expected.add(canonical(ssccUrn(1)));
        IntStream.rangeClosed(1, 10).forEach(c -> expected.add(canonical(caseUrn(c))));
        IntStream.rangeClosed(1, 100).forEach(p -> expected.add(canonical(packUrn(p))));
        assertThat(shipment.shippedItems()).containsExactlyElementsOf(expected);
        assertThat(shipment.uncommissioned()).isEmpty();
        assertThat(shipment.shipping().eventID()).isEqualTo(ExampleShipment.SHIPPING_ID);
    }

    @Test
    void followsTheLatestPackingOfEachContainerBeforeTheShipmentBottomUp() {
        // case 1's first packing (with pack 101) and its unpacking, case 2's retracted packing and the pallet's
        // packing after the shipment are all left out
        List<String> expected = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(c -> expected.add(id(100 + c)));
        expected.add(id(201));
        assertThat(shipment.packing()).extracting(EpcisEvent::eventID).containsExactlyElementsOf(expected);
        assertThat(shipment.packing().get(0).childEPCs()).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 10).mapToObj(ExampleShipment::packUrn).toList());
        assertThat(shipment.packing().get(1).childEPCs()).doesNotContain(packUrn(101));
    }

    @Test
    void carriesASharedCommissioningEventWithTheShippedObjectsOnly() {
        assertThat(shipment.commissioning()).extracting(c -> c.stored().eventID())
                .containsExactly(id(1), id(2), id(4));
        ShipmentEvents.Commissioning first = shipment.commissioning().get(0);
        ShipmentEvents.Commissioning shared = shipment.commissioning().get(1);
        ShipmentEvents.Commissioning cases = shipment.commissioning().get(2);
        assertThat(first.trimmed()).isFalse();
        assertThat(first.shipped().epcList()).hasSize(60);
        assertThat(shared.trimmed()).isTrue();
        assertThat(shared.stored().epcList()).hasSize(50);
        assertThat(shared.shipped().epcList()).containsExactlyElementsOf(
                IntStream.rangeClosed(61, 100).mapToObj(ExampleShipment::packUrn).toList());
        assertThat(shared.shipped().eventID()).isNull();
        assertThat(shared.shipped().ilmd()).isEqualTo(shared.stored().ilmd());
        assertThat(cases.trimmed()).isFalse();
        assertThat(cases.shipped().epcList()).hasSize(10);

        Set<String> packs = new HashSet<>();
        for (ShipmentEvents.Commissioning c : shipment.commissioning()) {
            c.shipped().epcList().stream().map(ExampleShipment::canonical)
                    .filter(e -> e.contains("/01/" + ExampleShipment.PACK_GTIN + "/")).forEach(packs::add);
        }
        assertThat(packs).hasSize(100);
    }

    @Test
    void listsCommissioningThenPackingThenShipping() {
        List<EpcisEvent> events = shipment.inDocumentOrder();
        assertThat(events).hasSize(3 + 11 + 1);
        assertThat(events.subList(0, 3)).allSatisfy(e -> assertThat(e.bizStep()).isEqualTo(BizStep.COMMISSIONING));
        assertThat(events.subList(3, 14)).allSatisfy(e -> assertThat(e).isInstanceOf(AggregationEvent.class));
        assertThat(events.get(14)).isInstanceOf(ObjectEvent.class);
        assertThat(events.get(14).bizStep()).isEqualTo(BizStep.SHIPPING);
        assertThat(events.subList(0, 3)).extracting(EpcisEvent::eventTime).isSortedAccordingTo(EpcisTime::compareTo);
    }

    @Test
    void keepsTheOtherShipmentApart() {
        ShipmentEvents other = history.forEventId(ExampleShipment.OTHER_SHIPPING_ID);
        assertThat(other.shippedItems()).hasSize(1 + 2 + 20).doesNotContainAnyElementsOf(shipment.shippedItems());
        assertThat(other.commissioning()).extracting(c -> c.stored().eventID()).containsExactly(id(2), id(3), id(5));
        assertThat(other.commissioning().get(0).shipped().epcList()).containsExactlyElementsOf(
                IntStream.rangeClosed(101, 110).mapToObj(ExampleShipment::packUrn).toList());
        assertThat(other.packing()).extracting(EpcisEvent::eventID).containsExactly(id(111), id(112), id(202));
    }

    @Test
    void namesTheShippedSgtinsThatWereNeverCommissioned() {
        ShipmentEvents incomplete = history.forEventId(ExampleShipment.INCOMPLETE_SHIPPING_ID);
        assertThat(incomplete.uncommissioned()).containsExactly(canonical(ExampleShipment.unknownPackUrn(10)));
        // SSCCs are not commissioned and not missed
        assertThat(incomplete.shippedItems()).contains(canonical(ssccUrn(3)), canonical(ssccUrn(101)));
    }

    @Test
    void readsTheSameShipmentByRow() {
        assertThat(history.forRow(shipment.shippingRow())).isEqualTo(shipment);
    }

    @Test
    void refusesWhatIsNotAShipment() {
        assertThatThrownBy(() -> history.forEventId(id(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ObjectEvent with bizStep https://ref.gs1.org/cbv/BizStep-commissioning")
                .hasMessageContaining("https://ref.gs1.org/cbv/BizStep-shipping");
        assertThatThrownBy(() -> history.forEventId("urn:uuid:00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stored event");
        assertThatThrownBy(() -> history.forRow(Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stored event has row id");
    }

    @Test
    void looksEventsUpThroughIndexes() throws SQLException {
        String pallet = canonical(ssccUrn(1));
        LocalDateTime until = LocalDateTime.of(2026, 3, 3, 12, 0);
        assertIndexed(ShipmentHistory.packingSql(2), List.of(pallet, canonical(caseUrn(1))),
                BizStep.PACKING.uri(), until);
        assertIndexed(ShipmentHistory.commissioningSql(2), List.of(canonical(packUrn(1)), canonical(packUrn(2))),
                BizStep.COMMISSIONING.uri(), until);
    }

    /** EXPLAIN shows no full scan: every table is read through a key. */
    private static void assertIndexed(String sql, List<String> ids, String bizStep, LocalDateTime until)
            throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
            int i = 1;
            for (String id : ids) {
                s.setString(i++, id);
            }
            s.setString(i++, bizStep);
            s.setObject(i, until);
            List<String> plan = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String table = r.getString("table");
                    String type = r.getString("type");
                    String key = r.getString("key");
                    plan.add(table + ":" + type + ":" + key);
                    assertThat(type).as("access type of %s in %s", table, plan).isNotEqualTo("ALL");
                    assertThat(key).as("key of %s in %s", table, plan).isNotNull();
                }
            }
            assertThat(plan).anySatisfy(p -> assertThat(p).startsWith("x:").endsWith(":ix_epc_canonical"));
        }
    }
}
