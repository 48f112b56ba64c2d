package io.tracewell.epcis.store;

import static io.tracewell.epcis.store.FullEvents.LGTIN_CLASS;
import static io.tracewell.epcis.store.FullEvents.LGTIN_CLASS_CANONICAL;
import static io.tracewell.epcis.store.FullEvents.SGTIN_1;
import static io.tracewell.epcis.store.FullEvents.SGTIN_1_CANONICAL;
import static io.tracewell.epcis.store.FullEvents.SGTIN_2;
import static io.tracewell.epcis.store.FullEvents.SSCC;
import static io.tracewell.epcis.store.FullEvents.SSCC_CANONICAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.store.read.StoredEvents;
import io.tracewell.epcis.store.schema.Migrations;
import io.tracewell.epcis.store.testdb.TestDatabase;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.store.write.StoreException;
import io.tracewell.epcis.store.write.StoreLimitException;
import io.tracewell.epcis.store.write.StoreResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The store's behaviour on one MariaDB server; the subclasses choose the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventStoreTest {

    /** The store's clock; nanoseconds beyond the microsecond are dropped by the store. */
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00.123456789Z");
    private static final EpcisTime RECORD_TIME = EpcisTime.of(Instant.parse("2024-03-05T12:00:00.123456Z"));

    private TestDatabase database;
    private Sql sql;
    private EventStore store;
    private StoredEvents stored;

    /** A fresh database for this class's tests. */
    abstract TestDatabase createDatabase();

    @BeforeAll
    void migrate() {
        database = createDatabase();
        assertThat(Migrations.migrate(database.dataSource())).as("every migration script applied")
                .isEqualTo(migrationScripts());
        sql = new Sql(database.dataSource());
        store = new EventStore(database.dataSource(), EventHasher.standard(), Clock.fixed(NOW, ZoneOffset.UTC));
        stored = new StoredEvents(database.dataSource());
    }

    /** The V*__*.sql scripts the store ships (on the test classpath as a directory). */
    private static int migrationScripts() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(
                EventStoreTest.class.getClassLoader().getResource("db/migration").toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private static final List<String> EVENT_TABLES = List.of("epcis_outbox", "epcis_event", "epcis_event_epc",
            "epcis_event_biz_transaction", "epcis_event_source_dest", "epcis_event_persistent_disposition",
            "epcis_event_corrective_id", "epcis_event_field", "epcis_event_sensor_element",
            "epcis_event_sensor_report", "master_data_attribute", "master_data_child", "master_data_element");

    @BeforeEach
    void emptyTables() {
        for (String table : EVENT_TABLES) {
            sql.execute("DELETE FROM " + table);
        }
    }

    @Test
    void migratingAgainAppliesNothing() {
        assertThat(Migrations.migrate(database.dataSource())).isZero();
    }

    @Test
    void everyEventTypeReadsBackEqualWithTheRecordTimeSet() {
        List<EpcisEvent> events = List.of(
                FullEvents.objectEvent("urn:uuid:00000000-0000-4000-8000-000000000001"),
                FullEvents.aggregationEvent("urn:uuid:00000000-0000-4000-8000-000000000002"),
                FullEvents.transactionEvent("urn:uuid:00000000-0000-4000-8000-000000000003"),
                FullEvents.transformationEvent("urn:uuid:00000000-0000-4000-8000-000000000004"),
                FullEvents.associationEvent("urn:uuid:00000000-0000-4000-8000-000000000005"),
                FullEvents.objectEventWithErrorDeclaration("urn:uuid:00000000-0000-4000-8000-000000000006"));

        StoreResult result = store.store(events, CaptureContext.capture("capture-1", "org-a", FullEvents.NAMESPACES));

        assertThat(result.events()).hasSize(6);
        for (int i = 0; i < events.size(); i++) {
            EpcisEvent original = events.get(i);
            EpcisEvent expected = original.withCommon(original.common().withRecordTime(RECORD_TIME));
            assertThat(result.events().get(i).event()).isEqualTo(expected);
            assertThat(stored.findByEventId(original.eventID())).containsExactly(expected);
        }
        assertThat(sql.rows("SELECT event_type, action, event_id FROM epcis_event ORDER BY id")).containsExactly(
                "ObjectEvent|OBSERVE|urn:uuid:00000000-0000-4000-8000-000000000001",
                "AggregationEvent|ADD|urn:uuid:00000000-0000-4000-8000-000000000002",
                "TransactionEvent|DELETE|urn:uuid:00000000-0000-4000-8000-000000000003",
                "TransformationEvent|null|urn:uuid:00000000-0000-4000-8000-000000000004",
                "AssociationEvent|ADD|urn:uuid:00000000-0000-4000-8000-000000000005",
                "ObjectEvent|OBSERVE|urn:uuid:00000000-0000-4000-8000-000000000006");
    }

    @Test
    void eventColumnsHoldUtcTimesCanonicalLocationsAndWebUris() {
        long row = storeOne(FullEvents.objectEventWithErrorDeclaration("urn:uuid:e1"));

        assertThat(sql.one("SELECT event_time, event_time_zone_offset, record_time, capture_id, biz_step,"
                + " disposition, read_point, biz_location, transformation_id, certification_info,"
                + " has_error_declaration, error_declaration_time, error_reason, has_sensor_data"
                + " FROM epcis_event WHERE id = ?", row)).isEqualTo(String.join("|",
                "2024-03-01T09:15:30.123456", "+01:00", "2024-03-05T12:00:00.123456", "null",
                "https://ref.gs1.org/cbv/BizStep-shipping", "https://ref.gs1.org/cbv/Disp-in_transit",
                FullEvents.SGLN_READ_POINT_CANONICAL, FullEvents.SGLN_LOCATION_CANONICAL, "null",
                "https://cert.example.com/certificate/42", "true", "2024-03-02T08:00", 
                "https://ref.gs1.org/cbv/ER-incorrect_data", "true"));
        assertThat(sql.one("SELECT hash_id FROM epcis_event WHERE id = ?", row)).startsWith("ni:///sha-256;")
                .endsWith("?ver=CBV2.0");
    }

    @Test
    void identifiersOfEachRoleAreProjectedWithCanonicalAndWrittenForms() {
        long object = storeOne(FullEvents.objectEvent("urn:uuid:o"));
        long aggregation = storeOne(FullEvents.aggregationEvent("urn:uuid:a"));
        long transformation = storeOne(FullEvents.transformationEvent("urn:uuid:t"));
        String query = "SELECT role, position, canonical_id, written_id, quantity, uom FROM epcis_event_epc"
                + " WHERE event_row_id = ? ORDER BY role, position";

        assertThat(sql.rows(query, object)).containsExactly(
                "EPC_LIST|0|" + SGTIN_1_CANONICAL + "|" + SGTIN_1 + "|null|null",
                "EPC_LIST|1|" + SGTIN_2 + "|" + SGTIN_2 + "|null|null",
                "QUANTITY|0|" + LGTIN_CLASS_CANONICAL + "|" + LGTIN_CLASS + "|200.5|KGM");
        assertThat(sql.rows(query, aggregation)).containsExactly(
                "CHILD|0|" + SGTIN_1_CANONICAL + "|" + SGTIN_1 + "|null|null",
                "CHILD|1|" + SGTIN_2 + "|" + SGTIN_2 + "|null|null",
                "CHILD_QUANTITY|0|" + LGTIN_CLASS_CANONICAL + "|" + LGTIN_CLASS + "|10|null",
                "PARENT|0|" + SSCC_CANONICAL + "|" + SSCC + "|null|null");
        assertThat(sql.rows(query, transformation)).containsExactly(
                "INPUT|0|" + SGTIN_1_CANONICAL + "|" + SGTIN_1 + "|null|null",
                "INPUT_QUANTITY|0|" + LGTIN_CLASS_CANONICAL + "|" + LGTIN_CLASS + "|1.5|KGM",
                "OUTPUT|0|" + SGTIN_2 + "|" + SGTIN_2 + "|null|null",
                "OUTPUT_QUANTITY|0|" + LGTIN_CLASS_CANONICAL + "|" + LGTIN_CLASS + "|1|KGM");
        assertThat(sql.one("SELECT transformation_id FROM epcis_event WHERE id = ?", transformation))
                .isEqualTo("urn:epc:id:gdti:0614141.12345.400");
    }

    @Test
    void whyAndWhereListsAreProjected() {
        long row = storeOne(FullEvents.transactionEvent("urn:uuid:w"));

        assertThat(sql.rows("SELECT position, type, biz_transaction FROM epcis_event_biz_transaction"
                + " WHERE event_row_id = ? ORDER BY position", row)).containsExactly(
                "0|https://ref.gs1.org/cbv/BTT-po|urn:epcglobal:cbv:bt:0614141073467:PO-1",
                "1||urn:example:bt:untyped");
        assertThat(sql.rows("SELECT direction, position, type, canonical_id, written_id FROM epcis_event_source_dest"
                + " WHERE event_row_id = ? ORDER BY direction, position", row)).containsExactly(
                "DESTINATION|0|https://ref.gs1.org/cbv/SDT-possessing_party|https://id.gs1.org/417/4012345000009"
                        + "|urn:epc:id:pgln:4012345.00000",
                "SOURCE|0|https://ref.gs1.org/cbv/SDT-owning_party|" + FullEvents.PGLN_CANONICAL + "|"
                        + FullEvents.PGLN,
                "SOURCE|1|https://ref.gs1.org/cbv/SDT-location|" + FullEvents.SGLN_LOCATION_CANONICAL + "|"
                        + FullEvents.SGLN_LOCATION);
        assertThat(sql.rows("SELECT change_kind, disposition FROM epcis_event_persistent_disposition"
                + " WHERE event_row_id = ? ORDER BY change_kind", row)).containsExactly(
                "SET|https://ref.gs1.org/cbv/Disp-completeness_verified",
                "UNSET|https://ref.gs1.org/cbv/Disp-completeness_inferred");
    }

    @Test
    void errorDeclarationListsAndExtensionsAreProjected() {
        long row = storeOne(FullEvents.objectEventWithErrorDeclaration("urn:uuid:err"));

        assertThat(sql.rows("SELECT corrective_event_id FROM epcis_event_corrective_id WHERE event_row_id = ?"
                + " ORDER BY position", row)).containsExactly(
                "urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8", "urn:uuid:aaaa95fc-9457-4a51-bd6a-0bba1338ffff");
        assertThat(sql.rows("SELECT local_name, string_value FROM epcis_event_field WHERE event_row_id = ?"
                + " AND scope = 'ERROR_DECLARATION'", row)).containsExactly("ticket|T-9");
    }

    @Test
    void extensionFieldsAreFlattenedWithScopeDepthAndTypedValues() {
        long row = storeOne(FullEvents.transformationEvent("urn:uuid:x"));

        assertThat(sql.rows("SELECT position, parent_position, scope, depth, namespace, local_name, string_value,"
                + " numeric_value, time_value, boolean_value FROM epcis_event_field WHERE event_row_id = ?"
                + " ORDER BY position", row)).containsExactly(
                field(0, null, "EVENT", 0, "lot", "L-77", null, null, null),
                field(1, null, "EVENT", 0, "weight", "12.5", "12.5", null, null),
                field(2, null, "EVENT", 0, "inspected", "2024-02-28T12:00:00Z", null, "2024-02-28T12:00", null),
                field(3, null, "EVENT", 0, "sealed", "true", null, null, "true"),
                field(4, null, "EVENT", 0, "carrier", null, null, null, null),
                field(5, 4, "EVENT", 1, "name", "Fast Freight", null, null, null),
                field(6, 4, "EVENT", 1, "vehicles", "3", "3", null, null),
                field(7, null, "READ_POINT", 0, "dock", "7", "7", null, null),
                field(8, null, "BIZ_LOCATION", 0, "zone", "cold", null, null, null),
                field(9, null, "ILMD", 0, "bestBefore", "2025-01-31T00:00:00Z", null, "2025-01-31T00:00", null),
                field(10, null, "ILMD", 0, "origin", null, null, null, null),
                field(11, 10, "ILMD", 1, "country", "DE", null, null, null),
                field(12, null, "SENSOR_ELEMENT", 0, "sensorNote", "checked", null, null, null),
                field(13, null, "SENSOR_METADATA", 0, "firmware", "1.2", "1.2", null, null),
                field(14, null, "SENSOR_REPORT", 0, "probe", "P-1", null, null, null));
    }

    private static String field(int position, Integer parent, String scope, int depth, String name, String string,
                                String number, String time, String bool) {
        return String.join("|", String.valueOf(position), String.valueOf(parent), scope, String.valueOf(depth),
                FullEvents.EX, name, String.valueOf(string), String.valueOf(number), String.valueOf(time),
                String.valueOf(bool));
    }

    @Test
    void sensorElementsAndEachReportGetTheirOwnRows() {
        long row = storeOne(FullEvents.associationEvent("urn:uuid:s"));

        assertThat(sql.rows("SELECT element_index, time, start_time, end_time, device_id, device_metadata, raw_data,"
                + " data_processing_method, biz_rules FROM epcis_event_sensor_element WHERE event_row_id = ?", row))
                .containsExactly("0|2024-03-01T09:00|2024-03-01T08:00|2024-03-01T09:30|urn:epc:id:giai:4000001.111"
                        + "|https://id.gs1.org/8004/4000001111|https://example.com/raw/all"
                        + "|https://example.com/method/sample|https://example.com/rules/all");
        assertThat(sql.rows("SELECT report_index, type, exception, device_id, device_metadata, raw_data,"
                + " data_processing_method, biz_rules, time, microorganism, chemical_substance, value, component,"
                + " string_value, boolean_value, hex_binary_value, uri_value, min_value, max_value, mean_value, s_dev,"
                + " perc_rank, perc_value, uom, coordinate_reference_system FROM epcis_event_sensor_report"
                + " WHERE event_row_id = ? ORDER BY report_index", row)).containsExactly(
                String.join("|", "0", "https://gs1.org/voc/Temperature",
                        "https://gs1.org/voc/ALARM_CONDITION", "urn:epc:id:giai:4000001.111",
                        "https://id.gs1.org/8004/4000001111", "https://example.com/raw/1",
                        "https://example.com/method/avg", "https://example.com/rules/cold", "2024-03-01T09:00",
                        "https://www.ncbi.nlm.nih.gov/taxonomy/1126011",
                        "https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N", "26.5",
                        "https://ref.gs1.org/cbv/Comp-x", "SomeString", "true", "F0F0F0", "https://example.com/value",
                        "-1.25", "30", "13.5", "0.1", "50", "12.7", "CEL",
                        "http://www.opengis.net/def/crs/EPSG/0/4979"),
                String.join("|", "1", "https://gs1.org/voc/RelativeHumidity", "null", "null", "null",
                        "null", "null", "null", "null", "null", "null", "40", "null", "null", "null", "null", "null",
                        "null", "null", "null", "null", "null", "null", "P1", "null"));
    }

    @Test
    void aMissingEventIdBecomesTheHashId() {
        EpcisEvent withoutId = FullEvents.objectEvent(null);

        StoreResult result = store.store(List.of(withoutId),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES));

        String hashId = EventHasher.standard().hashId(withoutId).toString();
        assertThat(hashId).startsWith("ni:///sha-256;");
        assertThat(result.events().get(0).hashId()).isEqualTo(hashId);
        assertThat(result.events().get(0).event().eventID()).isEqualTo(hashId);
        assertThat(sql.one("SELECT event_id FROM epcis_event")).isEqualTo(hashId);
        assertThat(stored.findByEventId(hashId)).containsExactly(
                withoutId.withCommon(withoutId.common().withRecordTime(RECORD_TIME).withEventID(hashId)));
    }

    @Test
    void theOutboxRowIsWrittenWithTheEventsAndNamesThem() {
        StoreResult result = store.store(List.of(FullEvents.objectEvent("urn:uuid:1"),
                FullEvents.aggregationEvent("urn:uuid:2")),
                        CaptureContext.capture("cap-7", "org-a", FullEvents.NAMESPACES));

        assertThat(sql.rows("SELECT id, kind, capture_id, event_count, created_at FROM epcis_outbox")).containsExactly(
                result.outboxId() + "|CAPTURE|cap-7|2|2024-03-05T12:00:00.123456");
        assertThat(sql.rows("SELECT event_id, capture_id FROM epcis_event WHERE outbox_id = ? ORDER BY id",
                result.outboxId())).containsExactly("urn:uuid:1|cap-7", "urn:uuid:2|cap-7");
    }

    @Test
    void aFailureAtTheThirdEventLeavesNoRowsAtAll() {
        // A constraint of this test's database only: the third event's EPC is refused by the projection insert,
        // after the event rows and the outbox row of the batch have been written.
        String poison = "urn:epc:id:sgtin:0614141.107346.9999";
        sql.execute("ALTER TABLE epcis_event_epc ADD CONSTRAINT test_poison CHECK (written_id <> '" + poison + "')");
        try {
            EpcisEvent third = FullEvents.objectEvent("urn:uuid:3");
            third = new ObjectEvent(third.common(), Action.ADD, List.of(poison), List.of(), third.where(),
                    third.why(), List.of(), null, List.of());
            List<EpcisEvent> batch = List.of(FullEvents.objectEvent("urn:uuid:1"),
                    FullEvents.aggregationEvent("urn:uuid:2"), third);

            assertThatThrownBy(() -> store.store(batch,
                    CaptureContext.capture("cap-9", "org-a", FullEvents.NAMESPACES)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("storing 3 event(s) of capture cap-9 failed, nothing of the transaction was stored: ")
                    .hasMessageContaining("test_poison");
            for (String table : EVENT_TABLES) {
                assertThat(sql.count(table)).as(table).isZero();
            }
        } finally {
            sql.execute("ALTER TABLE epcis_event_epc DROP CONSTRAINT test_poison");
        }
    }

    @Test
    void anIdentifierLongerThanItsColumnIsRefusedWithItsPlaceBeforeAnythingIsWritten() {
        String longUri = "urn:example:" + "x".repeat(600);
        EpcisEvent second = new ObjectEvent(FullEvents.common("urn:uuid:2"), Action.ADD, List.of(SGTIN_1, longUri),
                List.of(), null, null, List.of(), null, List.of());
        List<EpcisEvent> batch = List.of(FullEvents.objectEvent("urn:uuid:1"), second);

        assertThatThrownBy(() -> store.store(batch, CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES)))
                .isInstanceOfSatisfying(StoreLimitException.class, e -> assertThat(e.location())
                        .isEqualTo("events[1].epcList[1] (canonical form)"))
                .hasMessage("events[1].epcList[1] (canonical form): 612 characters, the store keeps at most 512");
        for (String table : EVENT_TABLES) {
            assertThat(sql.count(table)).as(table).isZero();
        }
    }

    @Test
    void aUnitCodeLongerThanItsColumnIsRefusedWithItsPlace() {
        EpcisEvent event = new ObjectEvent(FullEvents.common("urn:uuid:u"), Action.ADD, List.of(),
                List.of(new QuantityElement(LGTIN_CLASS, BigDecimal.ONE, "KGM-TOO-LONG-UNIT")), null, null,
                List.of(), null, List.of());

        assertThatThrownBy(() -> store.store(List.of(event),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES)))
                .isInstanceOfSatisfying(StoreLimitException.class, e -> assertThat(e.location())
                        .isEqualTo("events[0].quantityList[0].uom"))
                .hasMessage("events[0].quantityList[0].uom: 17 characters, the store keeps at most 16");
    }

    @Test
    void duplicatesAreFoundByHashUnlessDeclaredErroneous() {
        StoreResult plain = store.store(List.of(FullEvents.aggregationEvent("urn:uuid:p")),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES));
        // Only the error declaration of this event is stored; the errorDeclaration is not hashed (CBV 2.0 §8.9),
        // so it has the hash of the event it declares erroneous.
        StoreResult declared = store.store(List.of(FullEvents.objectEventWithErrorDeclaration("urn:uuid:d")),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES));
        String declaredHash = declared.events().get(0).hashId();

        assertThat(declaredHash).isEqualTo(EventHasher.standard().hashId(FullEvents.objectEvent("urn:uuid:d"))
                .toString());
        assertThat(stored.containsUndeclaredHash(plain.events().get(0).hashId())).isTrue();
        assertThat(stored.containsUndeclaredHash(declaredHash)).isFalse();
        assertThat(stored.containsUndeclaredHash("ni:///sha-256;00?ver=CBV2.0")).isFalse();

        store.store(List.of(FullEvents.objectEvent("urn:uuid:d")),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES));
        assertThat(stored.containsUndeclaredHash(declaredHash)).isTrue();
    }

    @Test
    void anErrorDeclarationSharesTheEventIdOfTheEventItCorrects() {
        store.store(List.of(FullEvents.objectEvent("urn:uuid:same")),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES));
        store.store(List.of(FullEvents.objectEventWithErrorDeclaration("urn:uuid:same")),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES));

        assertThat(stored.findByEventId("urn:uuid:same")).extracting(e -> e.errorDeclaration() != null)
                .containsExactly(false, true);
    }

    @Test
    void anEventStoredAlreadyOrTwiceInOneBatchIsStoredOnceAndReported() {
        store.store(List.of(FullEvents.objectEvent("urn:uuid:first")),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES));
        long epcRows = sql.count("epcis_event_epc");

        // The same event again (its eventID is not part of the hash), a new one, and the new one repeated.
        StoreResult result = store.store(List.of(FullEvents.objectEvent("urn:uuid:again"),
                        FullEvents.aggregationEvent("urn:uuid:new"), FullEvents.aggregationEvent("urn:uuid:new-again")),
                CaptureContext.capture("cap-d", "org-a", FullEvents.NAMESPACES));

        assertThat(result.duplicates()).containsExactly(0, 2);
        assertThat(result.events()).extracting(e -> e.event().eventID()).containsExactly("urn:uuid:new");
        assertThat(sql.rows("SELECT event_id FROM epcis_event ORDER BY id"))
                .containsExactly("urn:uuid:first", "urn:uuid:new");
        assertThat(sql.rows("SELECT event_count FROM epcis_outbox WHERE id = ?", result.outboxId())).containsExactly("1");
        assertThat(sql.count("epcis_event_epc")).as("no projection rows for the duplicates")
                .isEqualTo(epcRows + sql.rows("SELECT 1 FROM epcis_event_epc e JOIN epcis_event v ON v.id = e.event_row_id"
                        + " WHERE v.event_id = 'urn:uuid:new'").size());
    }

    @Test
    void aSessionShowsNothingUntilCommittedAndRollsBackWhenClosed() {
        try (EventStore.Session session = store.open(CaptureContext.capture("cap-s", "org-a", FullEvents.NAMESPACES))) {
            session.add(List.of(FullEvents.objectEvent("urn:uuid:s1")));
            session.add(List.of(FullEvents.aggregationEvent("urn:uuid:s2")));
            assertThat(sql.count("epcis_event")).as("other connections see nothing yet").isZero();
        }
        for (String table : EVENT_TABLES) {
            assertThat(sql.count(table)).as(table).isZero();
        }

        try (EventStore.Session session = store.open(CaptureContext.capture("cap-t", "org-a", FullEvents.NAMESPACES))) {
            session.add(List.of(FullEvents.objectEvent("urn:uuid:t1")));
            session.commitAndContinue(c -> { });
            session.add(List.of(FullEvents.aggregationEvent("urn:uuid:t2")));
            // closed without commit: the second transaction is lost, the first stays
        }
        assertThat(sql.rows("SELECT event_id FROM epcis_event")).containsExactly("urn:uuid:t1");
        assertThat(sql.rows("SELECT event_count FROM epcis_outbox")).containsExactly("1");
    }

    @Test
    void masterDataIsStoredWithItsAttributesAndChildren() {
        Vocabulary locations = new Vocabulary("urn:epcglobal:epcis:vtype:BusinessLocation", List.of(
                new VocabularyElement("urn:epc:id:sgln:0614141.00001.0", List.of(
                        new VocabularyAttribute("urn:epcglobal:cbv:mda#name",
                                new ExtensionElement.Simple("Warehouse 1", null)),
                        new VocabularyAttribute("urn:epcglobal:cbv:mda#address", new ExtensionElement.Complex(List.of(
                                ExtensionElement.text(new javax.xml.namespace.QName("urn:x", "street"), "Main St"),
                                ExtensionElement.text(new javax.xml.namespace.QName("urn:x", "city"), "Springfield"))))),
                        List.of("urn:epc:id:sgln:0614141.00001.1"), List.of())), List.of());
        try (EventStore.Session session = store.open(CaptureContext.capture("cap-m", "org-a", FullEvents.NAMESPACES))) {
            session.addMasterData(List.of(locations));
            session.commit();
        }
        assertThat(sql.rows("SELECT vocabulary_type, element_id, canonical_id, capture_id FROM master_data_element"))
                .containsExactly("urn:epcglobal:epcis:vtype:BusinessLocation|urn:epc:id:sgln:0614141.00001.0|"
                        + "https://id.gs1.org/414/0614141000012|cap-m"); // SGLN extension 0 means none (TDS)
        assertThat(sql.rows("SELECT attribute_id, string_value, is_complex FROM master_data_attribute ORDER BY position"))
                .containsExactly("urn:epcglobal:cbv:mda#name|Warehouse 1|false",
                        "urn:epcglobal:cbv:mda#address|Main St Springfield|true");
        assertThat(sql.rows("SELECT child_id, canonical_id FROM master_data_child"))
                .containsExactly("urn:epc:id:sgln:0614141.00001.1|https://id.gs1.org/414/0614141000012/254/1");
    }

    @Test
    void visibilityNumbersFollowCommitsNotRowIds() {
        // events of their own: no other test's (deleted) rows share their hashes
        EpcisEvent base = FullEvents.objectEvent("urn:uuid:long");
        String unique = java.util.UUID.randomUUID().toString();
        EpcisEvent longEvent = new ObjectEvent(base.common(), Action.ADD, List.of("urn:example:long:" + unique),
                List.of(), base.where(), base.why(), List.of(), null, List.of());
        EpcisEvent quickEvent = new ObjectEvent(FullEvents.common("urn:uuid:quick"), Action.ADD,
                List.of("urn:example:quick:" + unique), List.of(), null, null, List.of(), null, List.of());
        try (EventStore.Session longCapture = store.open(
                CaptureContext.capture("cap-long", "org-a", FullEvents.NAMESPACES))) {
            longCapture.add(List.of(longEvent));
            // a short store call that starts later, takes a higher outbox id and commits first
            StoreResult quick = store.store(List.of(quickEvent),
                    CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES));
            assertThat(sql.rows("SELECT visible_seq IS NOT NULL FROM epcis_outbox WHERE id = ?", quick.outboxId()))
                    .containsExactly("1");
            longCapture.commit();
        }
        // numbered in commit order: the long capture's lower row id got the higher number
        assertThat(sql.rows("SELECT capture_id FROM epcis_outbox ORDER BY visible_seq"))
                .containsExactly("null", "cap-long");
        assertThat(sql.rows("SELECT COUNT(*) FROM epcis_outbox WHERE visible_seq IS NULL")).containsExactly("0");
        assertThat(new io.tracewell.epcis.store.write.OutboxPublisher(database.dataSource()).publish())
                .as("nothing left to number").isZero();
    }

    private long storeOne(EpcisEvent event) {
        return store.store(List.of(event),
                CaptureContext.singleEvent("org-a", FullEvents.NAMESPACES)).events().get(0).rowId();
    }
}
