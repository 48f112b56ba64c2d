package io.tracewell.epcis.store.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.jsonld.JsonLdEventReader;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.store.read.StoredEvents;
import io.tracewell.epcis.store.schema.Migrations;
import io.tracewell.epcis.store.testdb.TestDatabase;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The visibility condition on a real MariaDB: which of a small set of events of two organisations each kind of
 * caller reads, by event ID and through the condition alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityTest {

    /** The partner's GLN: company prefix 4012345, location reference 00001. */
    static final String PARTNER_GLN = "4012345000016";
    static final String CASE = "urn:epc:id:sscc:4012345.0000000001";

    private TestDatabase database;
    private StoredEvents stored;

    @BeforeAll
    void store() {
        database = TestDatabase.onConfiguredServer().orElseGet(TestDatabase::embedded);
        Migrations.migrate(database.dataSource());
        EventStore store = EventStore.of(database.dataSource());
        // org-a: commissions item 1001, ships it to the partner (named by its party GLN), keeps 1002 to itself.
        store(store, "org-a", event("a-commission", "urn:epc:id:sgtin:4012345.011111.1001", "", ""));
        store(store, "org-a", event("a-ship", "urn:epc:id:sgtin:4012345.011111.1001",
                "urn:epc:id:pgln:0614141.00000", "urn:epc:id:pgln:4012345.00001"));
        store(store, "org-a", event("a-private", "urn:epc:id:sgtin:4012345.011111.1002", "", ""));
        // org-b: its own item, a later event of item 1001, and a delivery to one of the partner's locations.
        store(store, "org-b", event("b-private", "urn:epc:id:sgtin:4012345.022222.2001", "", ""));
        store(store, "org-b", event("b-sees-1001", "urn:epc:id:sgtin:4012345.011111.1001", "", ""));
        store(store, "org-b", event("b-to-location", "urn:epc:id:sgtin:4012345.022222.2002", "",
                "urn:epc:id:sgln:4012345.00001.7"));
        // org-a: packs item 3001 into a case and ships the case, named by its SSCC alone, to the partner.
        store(store, "org-a", event("a-commission-3001", "urn:epc:id:sgtin:4012345.011111.3001", "", ""));
        store(store, "org-a", read("{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],"
                + "\"type\":\"AggregationEvent\",\"eventID\":\"urn:test:a-pack\","
                + "\"eventTime\":\"2026-01-02T00:00:00Z\","
                + "\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"ADD\",\"parentID\":\"" + CASE + "\","
                + "\"childEPCs\":[\"urn:epc:id:sgtin:4012345.011111.3001\"]}"));
        store(store, "org-a", event("a-ship-case", CASE, "", "urn:epc:id:pgln:4012345.00001"));
    }

    @AfterAll
    void drop() {
        database.close();
    }

    @Test
    void queryCallersReadTheirOwnOrganisationsEvents() throws Exception {
        assertThat(visible(caller("org-a", Caller.Role.QUERY))).containsExactlyInAnyOrder("a-commission", "a-ship",
                "a-private", "a-commission-3001", "a-pack", "a-ship-case");
        assertThat(visible(caller("org-b", Caller.Role.QUERY)))
                .containsExactlyInAnyOrder("b-private", "b-sees-1001", "b-to-location");
        assertThat(stored.findByEventId("urn:test:b-private", caller("org-a", Caller.Role.QUERY))).isEmpty();
        assertThat(stored.findByEventId("urn:test:a-private", caller("org-a", Caller.Role.QUERY))).hasSize(1);
    }

    @Test
    void aPartnerReadsTheEventsNamingItsGlnsAndTheHistoryOfTheirItems() throws Exception {
        Caller partner = new Caller("p", "partner-org", Set.of(Caller.Role.PARTNER), Set.of(PARTNER_GLN));
        assertThat(visible(partner)).containsExactlyInAnyOrder(
                "a-ship", "b-to-location", // name the partner: party, location with an extension
                "a-commission", "b-sees-1001", // history of item 1001, whichever organisation captured it
                "a-ship-case", "a-pack", // the case named by its SSCC, and its packing (the SSCC as parent)
                "a-commission-3001"); // the history of the case's contents
        assertThat(stored.findByEventId("urn:test:a-private", partner)).isEmpty();

        Caller stranger = new Caller("s", "partner-org", Set.of(Caller.Role.PARTNER), Set.of("9520000000011"));
        assertThat(visible(stranger)).isEmpty();
    }

    @Test
    void aRegulatorReadsEverythingWithoutAnyCondition() throws Exception {
        Caller regulator = caller("authority", Caller.Role.REGULATOR);
        assertThat(Visibility.events(regulator, "e")).isEmpty();
        assertThat(visible(regulator)).hasSize(9);
    }

    @Test
    void aCallerWithoutAReadingRoleReadsNothing() throws Exception {
        assertThat(visible(caller("org-a", Caller.Role.CAPTURE))).isEmpty();
        assertThat(visible(new Caller("p", "org-a", Set.of(Caller.Role.PARTNER), Set.of()))).isEmpty();
    }

    @Test
    void rolesTogetherSeeTheUnion() throws Exception {
        Caller both = new Caller("x", "org-b", Set.of(Caller.Role.QUERY, Caller.Role.PARTNER), Set.of(PARTNER_GLN));
        assertThat(visible(both)).containsExactlyInAnyOrder("b-private", "b-sees-1001", "b-to-location",
                "a-ship", "a-commission", "a-ship-case", "a-pack", "a-commission-3001");
    }

    @Test
    void theGlnFormsAreTheOnesTheStoreKeeps() {
        assertThat(Epc.parse("urn:epc:id:pgln:4012345.00001").canonical()).isEqualTo(Visibility.PARTY + PARTNER_GLN);
        assertThat(Epc.parse("urn:epc:id:sgln:4012345.00001.0").canonical())
                .isEqualTo(Visibility.LOCATION + PARTNER_GLN);
        assertThat(Epc.parse("urn:epc:id:sgln:4012345.00001.7").canonical())
                .isEqualTo(Visibility.LOCATION + PARTNER_GLN + "/254/7");
    }

    private static Caller caller(String organisation, Caller.Role role) {
        return new Caller("t", organisation, Set.of(role), Set.of());
    }

    /** The short names of the events the condition keeps, read straight from epcis_event. */
    private List<String> visible(Caller caller) throws Exception {
        Optional<Visibility.Condition> condition = Visibility.events(caller, "e");
        String sql = "SELECT e.event_id FROM epcis_event e"
                + condition.map(c -> " WHERE " + c.sql()).orElse("") + " ORDER BY e.id";
        List<String> ids = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object argument : condition.map(Visibility.Condition::arguments).orElse(List.of())) {
                s.setObject(i++, argument);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1).substring("urn:test:".length()));
                }
            }
        }
        return ids;
    }

    private void store(EventStore store, String organisation, EpcisEvent event) {
        stored = new StoredEvents(database.dataSource());
        store.store(List.of(event), CaptureContext.singleEvent(organisation, Namespaces.NONE));
    }

    private static int minute;

    private static EpcisEvent event(String name, String epc, String sourceParty, String destination) {
        String source = sourceParty.isEmpty() ? ""
                : ",\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"" + sourceParty + "\"}]";
        String dest = destination.isEmpty() ? "" : ",\"destinationList\":[{\"type\":\""
                + (destination.contains("sgln") ? "location" : "owning_party") + "\",\"destination\":\""
                + destination + "\"}]";
        return read("{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],"
                + "\"type\":\"ObjectEvent\",\"eventID\":\"urn:test:" + name + "\","
                + "\"eventTime\":\"2026-01-01T00:" + String.format("%02d", minute++) + ":00Z\","
                + "\"eventTimeZoneOffset\":\"+00:00\","
                + "\"action\":\"OBSERVE\",\"epcList\":[\"" + epc + "\"]" + source + dest + "}");
    }

    private static EpcisEvent read(String json) {
        return JsonLdEventReader.readEvent(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
