package io.tracewell.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.capture.http.PathSegments;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.EpcPattern;
import io.tracewell.epcis.id.EpcScheme;
import io.tracewell.epcis.id.Gs1Key;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.query.QueryContext;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.query.SqlWhere;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /events} with the business transaction, source/destination, quantity and sensor parameters and with
 * EPC patterns in {@code MATCH_}, on a real server with the embedded MariaDB. The fixtures are captured with
 * {@code POST /capture}; every query is checked for its exact set of eventIDs, which differs from the answer
 * without the parameter. The pattern matrix checks, on the database, that {@code MATCH_} selects what
 * {@link EpcPattern#matches} selects for every pattern cut from the stored identifiers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionsQuantitiesSensorsQueryTest {

    private static final Path DATA = Path.of("target", "transactions quantities sensors query test").toAbsolutePath();
    private static final String PREFIX = "urn:uuid:7b2d0000-0000-4000-8000-";
    private static final int FILLERS = 1500;

    // transactions, sources and destinations
    private static final String T1 = id(1);
    private static final String T2 = id(2);
    private static final String T3 = id(3);
    // quantities
    private static final String Q1 = id(11);
    private static final String Q2 = id(12);
    private static final String Q3 = id(13);
    private static final String Q4 = id(14);
    // sensors
    private static final String S1 = id(21);
    private static final String S2 = id(22);
    private static final String S3 = id(23);
    // identifiers for MATCH_
    private static final String P1 = id(31);
    private static final String P2 = id(32);
    private static final String P3 = id(33);
    private static final String P4 = id(34);
    private static final String P5 = id(35);
    private static final String P6 = id(36);

    /** One event per identifier (instance level in epcList, class level in quantityList), for the matrix. */
    private static final List<String> MATRIX_INSTANCES = List.of(
            "urn:epc:id:sgtin:0614141.107346.A_1",
            "urn:epc:id:sgtin:0614141.207346.2017",
            "https://id.gs1.org/01/00614141999996/21/x%2Fy%25z",
            "urn:epc:id:sgtin:061414.1107346.2017",
            "urn:epc:id:upui:0614141.107346.TPX1",
            "urn:epc:id:sscc:0614141.2234567890",
            "urn:epc:id:sgln:0614141.12345.400",
            "https://id.gs1.org/414/0614141123452",
            "urn:epc:id:pgln:0614141.12345",
            "urn:epc:id:grai:0614141.12346.A%2F1",
            "urn:epc:id:giai:0614141.AB_C%2F1",
            "https://id.gs1.org/8004/061414112X",
            "urn:epc:id:gsrn:0614141.1234567890",
            "urn:epc:id:gsrnp:0614141.1234567890",
            "urn:epc:id:gdti:0614141.12345.400",
            "urn:epc:id:cpi:0614141.1-A%23%2FB.1",
            "urn:epc:id:sgcn:4012345.67890.04711",
            "urn:epc:id:ginc:0614141.xyz47%2F11",
            "urn:epc:id:gsin:0614141.123456789",
            "urn:epc:id:itip:4012345.012345.01.02.987",
            "urn:epc:id:gid:95100000.12345.400");
    private static final List<String> MATRIX_CLASSES = List.of(
            "https://id.gs1.org/01/10614141073464/10/LOT_1",
            "urn:epc:idpat:sgtin:0614141.107347.*",
            "urn:epc:idpat:grai:0614141.12345.*",
            "urn:epc:idpat:cpi:0614141.123ABC.*",
            "urn:epc:idpat:itip:4012345.012345.01.02.*");

    private TestServers servers;
    private CaptureHttp http;
    /** A server of its own for the pattern matrix, so that its events stay out of the other answers. */
    private CaptureHttp matrixHttp;
    /** The matrix events: eventID -> its one identifier, instance level (epcList) or class level (quantityList). */
    private final Map<String, String> matrixInstances = new LinkedHashMap<>();
    private final Map<String, String> matrixClasses = new LinkedHashMap<>();

    private static String id(int n) {
        return PREFIX + String.format("%012d", n);
    }

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        http = new CaptureHttp(servers.main().baseUri());
        capture(http, List.of(t1(), t2(), t3(), q1(), q2(), q3(), q4(), s1(), s2(), s3(), p1(), p2(), p3(), p4(),
                p5(), p6()));
        capture(http, fillers());
        matrixHttp = new CaptureHttp(servers.startOnFreshDatabase(Map.of()).baseUri());
        List<String> matrix = new ArrayList<>();
        int n = 100;
        for (String epc : MATRIX_INSTANCES) {
            String eventID = id(n++);
            matrixInstances.put(eventID, epc);
            matrix.add(objectEvent(eventID, "\"epcList\": [\"" + epc + "\"]"));
        }
        for (String epcClass : MATRIX_CLASSES) {
            String eventID = id(n++);
            matrixClasses.put(eventID, epcClass);
            matrix.add(objectEvent(eventID, "\"quantityList\": [{\"epcClass\": \"" + epcClass
                    + "\", \"quantity\": 1}]"));
        }
        capture(matrixHttp, matrix);
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    // ---- business transactions, sources, destinations ----------------------------------------------------

    @Test
    void bizTransactionByTypeInAnySpelling() throws Exception {
        String po1 = "urn:epcglobal:cbv:bt:0614141000005:PO-1";
        assertThat(query("EQ_bizTransaction_po", po1)).containsExactly(T1);
        // the same transaction under another type
        assertThat(query("EQ_bizTransaction_inv", po1)).containsExactly(T2);
        assertThat(query("EQ_bizTransaction_urn:epcglobal:cbv:btt:inv", "http://example.com/inv/7"))
                .containsExactly(T1);
        assertThat(query("EQ_bizTransaction_https://ref.gs1.org/cbv/BTT-inv", po1 + "|http://example.com/inv/7"))
                .containsExactlyInAnyOrder(T1, T2);
        assertThat(query("EQ_bizTransaction_https://example.com/btt/contract", "urn:example:contract:1"))
                .containsExactly(T3);
        assertThat(query("EQ_bizTransaction_po", "urn:example:contract:1")).isEmpty();
    }

    @Test
    void sourcesByTypeMeetEpcUriAndDigitalLink() throws Exception {
        // T1 wrote an EPC URI, T3 a Digital Link; each is found by the other form
        assertThat(query("EQ_source_possessing_party", "https://id.gs1.org/417/0614141000012"))
                .containsExactly(T1);
        assertThat(query("EQ_source_possessing_party", "urn:epc:id:pgln:0614141.00002")).containsExactly(T3);
        assertThat(query("EQ_source_urn:epcglobal:cbv:sdt:possessing_party",
                "urn:epc:id:pgln:0614141.00001|urn:epc:id:pgln:0614141.00002")).containsExactlyInAnyOrder(T1, T3);
        assertThat(query("EQ_source_location", "urn:epc:id:sgln:0614141.00001.0")).containsExactly(T2);
        assertThat(query("EQ_source_owning_party", "urn:epc:id:pgln:0614141.00001")).isEmpty();
    }

    @Test
    void destinationsAreNotSources() throws Exception {
        assertThat(query("EQ_destination_possessing_party", "urn:epc:id:pgln:0614141.00001")).containsExactly(T2);
        assertThat(query("EQ_destination_owning_party", "urn:epc:id:pgln:0614141.00002")).containsExactly(T1);
        assertThat(query("EQ_destination_location", "urn:epc:id:sgln:0614141.00001.0")).isEmpty();
    }

    // ---- quantities ---------------------------------------------------------------------------------------

    @Test
    void quantitiesWithoutUnit() throws Exception {
        assertThat(query("EQ_quantity", "5")).containsExactly(Q2);
        assertThat(query("EQ_quantity", "5|12.0")).containsExactlyInAnyOrder(Q2, Q3);
        assertThat(query("GT_quantity", "5")).containsExactly(Q3);
        assertThat(query("GE_quantity", "5")).containsExactlyInAnyOrder(Q2, Q3);
        assertThat(query("LT_quantity", "12")).containsExactly(Q2);
        assertThat(query("LE_quantity", "12")).containsExactlyInAnyOrder(Q2, Q3);
    }

    @Test
    void quantitiesByUnit() throws Exception {
        assertThat(query("EQ_quantity_KGM", "200")).containsExactly(Q1);
        assertThat(query("EQ_quantity_KGM", "200|10.5")).containsExactlyInAnyOrder(Q1, Q4);
        assertThat(query("GT_quantity_KGM", "10.5")).containsExactly(Q1);
        assertThat(query("GE_quantity_KGM", "10.5")).containsExactlyInAnyOrder(Q1, Q4);
        assertThat(query("LT_quantity_KGM", "200")).containsExactly(Q4);
        assertThat(query("LE_quantity_KGM", "200")).containsExactlyInAnyOrder(Q1, Q4);
        // Q4's output of 5 litres is no count of 5
        assertThat(query("EQ_quantity_LTR", "5")).containsExactly(Q4);
    }

    // ---- sensors ------------------------------------------------------------------------------------------

    @Test
    void sensorTimes() throws Exception {
        // S1 has a metadata time; S2 and S3 report times
        assertThat(query("GE_time", "2024-03-02T00:00:00Z")).containsExactlyInAnyOrder(S2, S3);
        assertThat(query("LT_time", "2024-03-02T01:00:00+01:00")).containsExactly(S1);
        assertThat(query("GE_startTime", "2024-03-02T00:00:00Z")).containsExactly(S2);
        assertThat(query("LT_startTime", "2024-03-02T00:00:00Z")).containsExactly(S1);
        assertThat(query("GE_endTime", "2024-03-01T10:00:00Z")).containsExactly(S2);
        assertThat(query("LT_endTime", "2024-03-01T10:00:00Z")).containsExactly(S1);
    }

    @Test
    void sensorTypeAndDevices() throws Exception {
        assertThat(query("EQ_type", "gs1:RelativeHumidity")).containsExactly(S1);
        assertThat(query("EQ_type", "https://gs1.org/voc/RelativeHumidity|Mass")).containsExactly(S1);
        assertThat(query("EQ_type", "Temperature")).containsExactlyInAnyOrder(S1, S2, S3);
        // on the metadata (S1, S3) or on a report (S2)
        assertThat(query("EQ_deviceID", "urn:epc:id:giai:4000001.111")).containsExactly(S1);
        assertThat(query("EQ_deviceID", "urn:epc:id:giai:4000001.222")).containsExactly(S2);
        assertThat(query("EQ_deviceID", "urn:epc:id:giai:4000001.333|urn:epc:id:giai:4000001.111"))
                .containsExactlyInAnyOrder(S1, S3);
        assertThat(query("EQ_dataProcessingMethod", "https://example.com/method/avg")).containsExactly(S1);
        assertThat(query("EQ_dataProcessingMethod", "https://example.com/method/max")).containsExactly(S2);
        assertThat(query("EQ_bizRules", "https://example.com/rules/cold")).containsExactly(S1);
        assertThat(query("EQ_bizRules", "https://example.com/rules/frozen")).containsExactly(S2);
    }

    @Test
    void sensorReportValues() throws Exception {
        assertThat(query("EQ_microorganism", "https://www.ncbi.nlm.nih.gov/taxonomy/1496")).containsExactly(S2);
        assertThat(query("EQ_chemicalSubstance", "https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N"))
                .containsExactly(S3);
        assertThat(query("EQ_uriValue", "https://example.com/uri/2")).containsExactly(S3);
        assertThat(query("EQ_stringValue", "SomeString")).containsExactly(S2);
        assertThat(query("EQ_stringValue", "SomeString|Other")).containsExactlyInAnyOrder(S2, S3);
        // hexBinary compares as bytes: letter case does not matter
        assertThat(query("EQ_hexBinaryValue", "0A1B")).containsExactly(S2);
        assertThat(query("EQ_hexBinaryValue", "ff")).containsExactly(S3);
        assertThat(query("EQ_booleanValue", "true")).containsExactly(S2);
        assertThat(query("EQ_booleanValue", "false")).containsExactly(S3);
    }

    @Test
    void percRank() throws Exception {
        assertThat(query("GE_percRank", "60")).containsExactly(S2);
        assertThat(query("GT_percRank", "50")).containsExactly(S2);
        assertThat(query("LT_percRank", "60")).containsExactly(S1);
        assertThat(query("LE_percRank", "90")).containsExactlyInAnyOrder(S1, S2);
    }

    @Test
    void sensorValuesByUnit() throws Exception {
        assertThat(query("EQ_value_CEL", "8")).containsExactly(S2);
        assertThat(query("EQ_value_CEL", "8|4.50")).containsExactlyInAnyOrder(S1, S2);
        assertThat(query("GT_value_CEL", "4.5")).containsExactly(S2);
        assertThat(query("GE_value_CEL", "4.5")).containsExactlyInAnyOrder(S1, S2);
        assertThat(query("LT_value_CEL", "8")).containsExactly(S1);
        assertThat(query("LE_value_CEL", "8")).containsExactlyInAnyOrder(S1, S2);
        // 277.15 K is 4 degrees Celsius, but units are not converted
        assertThat(query("EQ_value_KEL", "277.15")).containsExactly(S3);
        assertThat(query("LT_value_CEL", "5")).containsExactly(S1);
        assertThat(query("EQ_value_P1", "60")).containsExactly(S1);
        assertThat(query("GE_minValue_CEL", "3.5")).containsExactly(S2);
        assertThat(query("LT_minValue_CEL", "3.5")).containsExactly(S1);
        assertThat(query("GT_minValue_CEL", "3")).containsExactly(S2);
        assertThat(query("LT_maxValue_CEL", "7")).containsExactly(S1);
        assertThat(query("GE_maxValue_CEL", "7")).containsExactly(S2);
        assertThat(query("EQ_meanValue_CEL", "4.5")).containsExactly(S1);
        assertThat(query("GT_meanValue_CEL", "4.5")).containsExactly(S2);
        assertThat(query("LE_sDev_CEL", "0.5")).containsExactly(S1);
        assertThat(query("GT_sDev_CEL", "0.5")).containsExactly(S2);
        assertThat(query("GT_percValue_CEL", "4.4")).containsExactly(S2);
        assertThat(query("LE_percValue_CEL", "4.4")).containsExactly(S1);
    }

    @Test
    void sensorParametersCombineWithOthers() throws Exception {
        assertThat(query("EQ_type", "Temperature")).hasSize(3);
        assertThat(ids("/events?" + param("EQ_type", "Temperature") + "&" + param("GE_value_CEL", "4.5")
                + "&" + param("EQ_booleanValue", "true"))).containsExactly(S2);
    }

    @Test
    void malformedParametersAre400WithTheParameterNamed() throws Exception {
        for (String[] bad : List.of(new String[] {"EQ_bizTransaction_purchase", "x"},
                new String[] {"GT_quantity", "many"}, new String[] {"EQ_quantity_kg", "1"},
                new String[] {"EQ_booleanValue", "yes"}, new String[] {"MATCH_epc", "urn:epc:idpat:sgtin:*.107346.*"},
                new String[] {"GE_time", "yesterday"})) {
            HttpResponse<String> response = get("/events?" + param(bad[0], bad[1]));
            assertThat(response.statusCode()).as("%s=%s: %s", bad[0], bad[1], response.body()).isEqualTo(400);
            assertThat(response.body()).contains(bad[0]);
        }
    }

    // ---- EPC patterns -------------------------------------------------------------------------------------

    @Test
    void sgtinPatternsOfEveryShapeOnEpcUriAndDigitalLink() throws Exception {
        // P1 was captured as EPC URI, P2 (same GTIN) as Digital Link, P3 another item, P4 another company
        assertThat(query("MATCH_epc", "urn:epc:idpat:sgtin:0614141.107346.2018")).containsExactly(P2);
        assertThat(query("MATCH_epc", "urn:epc:id:sgtin:0614141.107346.2018")).containsExactly(P2);
        assertThat(query("MATCH_epc", "https://id.gs1.org/01/10614141073464/21/2017")).containsExactly(P1);
        assertThat(query("MATCH_epc", "urn:epc:idpat:sgtin:0614141.107346.*")).containsExactlyInAnyOrder(P1, P2);
        assertThat(query("MATCH_epc", "urn:epc:idpat:sgtin:0614141.*.*")).containsExactlyInAnyOrder(P1, P2, P3);
        // Digital Links carry no prefix length: a pattern compares the digits its prefix has
        assertThat(query("MATCH_epc", "urn:epc:idpat:sgtin:06141410.*.*")).containsExactlyInAnyOrder(P1, P2, P3);
        assertThat(query("MATCH_epc", "urn:epc:idpat:sgtin:06141411.*.*")).isEmpty();
        assertThat(query("MATCH_epc", "urn:epc:idpat:sgtin:061414.*.*")).containsExactlyInAnyOrder(P1, P2, P3, P4);
        assertThat(query("MATCH_epc", "urn:epc:idpat:sgtin:*.*.*")).containsExactlyInAnyOrder(P1, P2, P3, P4,
                T1, T2, T3, S1, S2, S3);
        assertThat(query("MATCH_epc", "urn:epc:idpat:sgtin:9521141.107346.*|urn:epc:idpat:sgtin:0614142.*.*"))
                .containsExactlyInAnyOrder(P4, T1, T2, T3, S1, S2, S3);
        assertThat(query("MATCH_epc", "urn:epc:idpat:sgtin:0614142.*.*|urn:epc:idpat:sgtin:0614141.107347.*"))
                .containsExactlyInAnyOrder(P3, P4);
    }

    @Test
    void patternsOfOtherSchemesAndRoles() throws Exception {
        assertThat(query("MATCH_parentID", "urn:epc:idpat:sscc:0614141.*")).containsExactly(P5);
        assertThat(query("MATCH_parentID", "urn:epc:idpat:sscc:*.*")).containsExactlyInAnyOrder(P5, Q3);
        // a GRAI's serial follows its asset type in the same Digital Link segment
        assertThat(query("MATCH_epc", "urn:epc:idpat:grai:0614141.12345.*")).containsExactly(P5);
        assertThat(query("MATCH_anyEPC", "urn:epc:idpat:grai:0614141.12345.400")).containsExactly(P5);
        assertThat(query("MATCH_epc", "urn:epc:idpat:grai:0614141.12345.401")).isEmpty();
        // classes: an sgtin pattern with '*' serial takes the GTIN alone and GTIN + lot
        assertThat(query("MATCH_epcClass", "urn:epc:idpat:sgtin:0614141.107346.*")).containsExactly(P6);
        assertThat(query("MATCH_epcClass", "urn:epc:idpat:sgtin:4012345.*.*")).containsExactlyInAnyOrder(Q1, Q2, Q3);
        assertThat(query("MATCH_anyEPCClass", "urn:epc:idpat:sgtin:4012345.*.*"))
                .containsExactlyInAnyOrder(Q1, Q2, Q3, Q4);
        assertThat(query("MATCH_inputEPCClass", "urn:epc:idpat:sgtin:4012345.012345.*")).containsExactly(Q4);
        assertThat(query("MATCH_outputEPCClass", "urn:epc:idpat:sgtin:4012345.*.*")).isEmpty();
        assertThat(query("MATCH_outputEPCClass", "urn:epc:idpat:grai:4012345.*.*")).containsExactly(Q4);
    }

    @Test
    void theDatabaseSelectsWhatEpcPatternMatchesSelects() throws Exception {
        Set<EpcPattern> patterns = new LinkedHashSet<>();
        for (String id : MATRIX_INSTANCES) {
            patterns.addAll(patternsFrom(Epc.parse(id)));
        }
        for (String id : MATRIX_CLASSES) {
            patterns.addAll(patternsFrom(Epc.parse(id)));
        }
        assertThat(patterns).hasSizeGreaterThan(100);
        int nonEmpty = 0;
        for (EpcPattern pattern : patterns) {
            Set<String> expectedInstances = expected(matrixInstances, pattern);
            Set<String> expectedClasses = expected(matrixClasses, pattern);
            Set<String> instances = queryMatrix("MATCH_anyEPC", pattern.toUrn());
            Set<String> classes = queryMatrix("MATCH_anyEPCClass", pattern.toUrn());
            assertThat(instances).as("MATCH_anyEPC=%s", pattern).isEqualTo(expectedInstances);
            assertThat(classes).as("MATCH_anyEPCClass=%s", pattern).isEqualTo(expectedClasses);
            nonEmpty += instances.isEmpty() && classes.isEmpty() ? 0 : 1;
            // not every pattern takes every event
            assertThat(instances.size() + classes.size()).as("%s", pattern)
                    .isLessThan(matrixInstances.size() + matrixClasses.size());
        }
        assertThat(nonEmpty).isEqualTo(patterns.size());
    }

    @Test
    void prefixPatternsAreAnsweredByRangesOnTheIdentifierIndex() throws Exception {
        String url = servers.main().embeddedDatabase().orElseThrow().connectionSettings().url();
        try (Connection c = DriverManager.getConnection(url, "root", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE epcis_event_epc");
            }
            for (String pattern : List.of("urn:epc:idpat:sscc:4100007.*", "urn:epc:idpat:sgtin:4100007.*.*",
                    "urn:epc:idpat:grai:4100007.*.*")) {
                SqlWhere where = new SqlWhere();
                QueryParser.standard().parse(Map.of("MATCH_anyEPC", List.of(pattern)), QueryContext.empty())
                        .conditions().forEach(condition -> condition.appendTo(where));
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN SELECT e.id FROM epcis_event e WHERE "
                        + where.sql() + " ORDER BY e.record_time, e.id LIMIT 30")) {
                    for (int i = 0; i < where.arguments().size(); i++) {
                        explain.setObject(i + 1, where.arguments().get(i));
                    }
                    List<String> plan = new ArrayList<>();
                    try (ResultSet r = explain.executeQuery()) {
                        while (r.next()) {
                            plan.add(r.getString("table") + " " + r.getString("type") + " " + r.getString("key"));
                        }
                    }
                    assertThat(plan).as("plan of MATCH_anyEPC=%s among %d stored SSCCs", pattern, FILLERS)
                            .contains("x range ix_epc_canonical");
                }
            }
        }
    }

    private static Set<String> expected(Map<String, String> events, EpcPattern pattern) {
        Set<String> ids = new TreeSet<>();
        events.forEach((eventID, epc) -> {
            if (pattern.matches(Epc.parse(epc))) {
                ids.add(eventID);
            }
        });
        return ids;
    }

    /** The patterns with 0 to all components fixed, for each company prefix length the key can be rendered with. */
    private static Set<EpcPattern> patternsFrom(Epc candidate) {
        Set<EpcPattern> patterns = new LinkedHashSet<>();
        if (!(candidate instanceof Gs1Key key) || key.scheme() == EpcScheme.LGTIN) {
            return patterns;
        }
        for (int l = 6; l <= 12; l++) {
            String urn;
            try {
                urn = key.withGcpLength(l).toUrn();
            } catch (IdentifierException e) {
                continue;
            }
            int p = 0;
            for (int c = 0; c < 4; c++) {
                p = urn.indexOf(':', p) + 1;
            }
            List<String> components = Arrays.asList(urn.substring(p).split("\\.", key.scheme().components()));
            for (int k = 0; k <= components.size() && !components.subList(0, k).contains("*"); k++) {
                List<String> fixed = new ArrayList<>(components.subList(0, k));
                while (fixed.size() < components.size()) {
                    fixed.add("*");
                }
                patterns.add(EpcPattern.parse(key.scheme().patternPrefix() + String.join(".", fixed)));
            }
        }
        return patterns;
    }

    // ---- fixtures -----------------------------------------------------------------------------------------

    private static String objectEvent(String eventID, String what) {
        return """
                {"type": "ObjectEvent", "eventID": "%s", "eventTime": "2024-03-01T10:00:00.000Z",
                 "eventTimeZoneOffset": "+00:00", "action": "OBSERVE", %s}
                """.formatted(eventID, what);
    }

    /** Events with one SSCC each, of 50 company prefixes no other fixture uses: a table worth an index. */
    private static List<String> fillers() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < FILLERS; i++) {
            events.add(objectEvent(id(10_000 + i), "\"epcList\": [\"urn:epc:id:sscc:" + (4100000 + i % 50) + ".0"
                    + String.format("%09d", i) + "\"]"));
        }
        return events;
    }

    private static String t1() {
        return objectEvent(T1, """
                "epcList": ["urn:epc:id:sgtin:9521141.107346.9001"],
                "bizTransactionList": [
                  {"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:0614141000005:PO-1"},
                  {"type": "inv", "bizTransaction": "http://example.com/inv/7"}],
                "sourceList": [{"type": "possessing_party", "source": "urn:epc:id:pgln:0614141.00001"}],
                "destinationList": [{"type": "owning_party", "destination": "https://id.gs1.org/417/0614141000029"}]
                """);
    }

    private static String t2() {
        return objectEvent(T2, """
                "epcList": ["urn:epc:id:sgtin:9521141.107346.9002"],
                "bizTransactionList": [
                  {"type": "inv", "bizTransaction": "urn:epcglobal:cbv:bt:0614141000005:PO-1"}],
                "sourceList": [{"type": "location", "source": "urn:epc:id:sgln:0614141.00001.0"}],
                "destinationList": [{"type": "possessing_party", "destination": "urn:epc:id:pgln:0614141.00001"}]
                """);
    }

    private static String t3() {
        return objectEvent(T3, """
                "epcList": ["urn:epc:id:sgtin:9521141.107346.9003"],
                "bizTransactionList": [
                  {"type": "https://example.com/btt/contract", "bizTransaction": "urn:example:contract:1"}],
                "sourceList": [{"type": "possessing_party", "source": "https://id.gs1.org/417/0614141000029"}]
                """);
    }

    private static String q1() {
        return objectEvent(Q1, """
                "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877", "quantity": 200,
                                  "uom": "KGM"}]
                """);
    }

    private static String q2() {
        return objectEvent(Q2, """
                "quantityList": [{"epcClass": "urn:epc:idpat:sgtin:4012345.012345.*", "quantity": 5}]
                """);
    }

    private static String q3() {
        return """
                {"type": "AggregationEvent", "eventID": "%s", "eventTime": "2024-03-01T10:00:00.000Z",
                 "eventTimeZoneOffset": "+00:00", "action": "ADD",
                 "parentID": "urn:epc:id:sscc:4012345.0000000001",
                 "childQuantityList": [{"epcClass": "https://id.gs1.org/01/04012345123456", "quantity": 12}]}
                """.formatted(Q3);
    }

    private static String q4() {
        return """
                {"type": "TransformationEvent", "eventID": "%s", "eventTime": "2024-03-01T10:00:00.000Z",
                 "eventTimeZoneOffset": "+00:00",
                 "inputQuantityList": [{"epcClass": "https://id.gs1.org/01/04012345123456/10/B1", "quantity": 10.5,
                                        "uom": "KGM"}],
                 "outputQuantityList": [{"epcClass": "urn:epc:idpat:grai:4012345.00001.*", "quantity": 5,
                                         "uom": "LTR"}]}
                """.formatted(Q4);
    }

    private static String s1() {
        return objectEvent(S1, """
                "epcList": ["urn:epc:id:sgtin:9521141.107346.9101"],
                "sensorElementList": [{
                  "sensorMetadata": {"time": "2024-03-01T10:00:00Z", "startTime": "2024-03-01T08:00:00Z",
                    "endTime": "2024-03-01T09:00:00Z", "deviceID": "urn:epc:id:giai:4000001.111",
                    "dataProcessingMethod": "https://example.com/method/avg",
                    "bizRules": "https://example.com/rules/cold"},
                  "sensorReport": [
                    {"type": "Temperature", "value": 4.5, "uom": "CEL", "minValue": 3, "maxValue": 6,
                     "meanValue": 4.5, "sDev": 0.5, "percRank": 50, "percValue": 4.4},
                    {"type": "RelativeHumidity", "value": 60, "uom": "P1"}]}]
                """);
    }

    private static String s2() {
        return objectEvent(S2, """
                "epcList": ["urn:epc:id:sgtin:9521141.107346.9102"],
                "sensorElementList": [{
                  "sensorMetadata": {"startTime": "2024-03-02T08:00:00Z", "endTime": "2024-03-02T12:00:00Z"},
                  "sensorReport": [
                    {"type": "gs1:Temperature", "value": 8, "uom": "CEL", "time": "2024-03-02T10:00:00Z",
                     "minValue": 3.5, "maxValue": 9, "meanValue": 7, "sDev": 1.5, "percRank": 90,
                     "percValue": 8.5,
                     "deviceID": "urn:epc:id:giai:4000001.222", "dataProcessingMethod": "https://example.com/method/max",
                     "bizRules": "https://example.com/rules/frozen",
                     "microorganism": "https://www.ncbi.nlm.nih.gov/taxonomy/1496",
                     "stringValue": "SomeString", "hexBinaryValue": "0a1b", "uriValue": "https://example.com/uri/1",
                     "booleanValue": true}]}]
                """);
    }

    private static String s3() {
        return objectEvent(S3, """
                "epcList": ["urn:epc:id:sgtin:9521141.107346.9103"],
                "sensorElementList": [{
                  "sensorMetadata": {"deviceID": "urn:epc:id:giai:4000001.333"},
                  "sensorReport": [
                    {"type": "Temperature", "value": 277.15, "uom": "KEL", "time": "2024-03-03T10:00:00Z",
                     "chemicalSubstance": "https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N",
                     "stringValue": "Other", "hexBinaryValue": "FF", "uriValue": "https://example.com/uri/2",
                     "booleanValue": false}]}]
                """);
    }

    private static String p1() {
        return objectEvent(P1, "\"epcList\": [\"urn:epc:id:sgtin:0614141.107346.2017\"]");
    }

    private static String p2() {
        return objectEvent(P2, "\"epcList\": [\"https://id.gs1.org/01/10614141073464/21/2018\"]");
    }

    private static String p3() {
        return objectEvent(P3, "\"epcList\": [\"urn:epc:id:sgtin:0614141.107347.1\"]");
    }

    private static String p4() {
        return objectEvent(P4, "\"epcList\": [\"https://id.gs1.org/01/10614142073463/21/1\"]");
    }

    private static String p5() {
        return """
                {"type": "AggregationEvent", "eventID": "%s", "eventTime": "2024-03-01T10:00:00.000Z",
                 "eventTimeZoneOffset": "+00:00", "action": "ADD",
                 "parentID": "urn:epc:id:sscc:0614141.1234567890",
                 "childEPCs": ["https://id.gs1.org/8003/00614141123452400"]}
                """.formatted(P5);
    }

    private static String p6() {
        return objectEvent(P6, """
                "quantityList": [{"epcClass": "urn:epc:class:lgtin:0614141.107346.LOT1", "quantity": 3, "uom": "GRM"}]
                """);
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------

    private static void capture(CaptureHttp http, List<String> events) throws Exception {
        String document = "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],"
                + " \"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", \"creationDate\": \"2024-03-06T00:00:00Z\","
                + " \"epcisBody\": {\"eventList\": [" + String.join(",", events) + "]}}";
        String location = CaptureHttp.accepted(http.capture("application/ld+json", "rollback", document));
        JsonObject job = http.awaitFinished(location, Duration.ofSeconds(60));
        assertThat(job.getBoolean("success")).as("capture job %s", job).isTrue();
    }

    private Set<String> query(String name, String value) throws Exception {
        return ids(http, "/events?" + param(name, value));
    }

    private Set<String> queryMatrix(String name, String value) throws Exception {
        return ids(matrixHttp, "/events?" + param(name, value));
    }

    private static String param(String name, String value) {
        List<String> values = new ArrayList<>();
        for (String v : value.split("\\|", -1)) {
            values.add(PathSegments.encode(v));
        }
        return PathSegments.encode(name) + "=" + String.join("%7C", values);
    }

    private Set<String> ids(String pathAndQuery) throws Exception {
        return ids(http, pathAndQuery);
    }

    private static Set<String> ids(CaptureHttp http, String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(http, pathAndQuery + "&perPage=1000");
        assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
        JsonArray events = new JsonObject(response.body()).getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList");
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < events.size(); i++) {
            ids.add(events.getJsonObject(i).getString("eventID"));
        }
        assertThat(ids).as("one page holds every answer").hasSize(events.size());
        assertThat(response.headers().firstValue("Link")).as("no further page").isEmpty();
        return ids;
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(http, pathAndQuery);
    }

    private static HttpResponse<String> get(CaptureHttp http, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(http.base().resolve(pathAndQuery.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/ld+json")
                .GET()
                .build());
    }
}
