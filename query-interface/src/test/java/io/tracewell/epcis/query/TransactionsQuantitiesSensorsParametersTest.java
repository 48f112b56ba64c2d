package io.tracewell.epcis.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parameters of {@link TransactionParameters}, {@link QuantityParameters} and {@link SensorParameters} as
 * {@link QueryParser#standard()} reads them: the SQL on the store's tables and the values bound, in the forms the
 * store keeps; malformed names and values name the parameter and what was expected.
 */
class TransactionsQuantitiesSensorsParametersTest {

    private static SqlWhere where(String name, String... values) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put(name, List.of(values));
        SimpleEventQuery query = QueryParser.standard().parse(parameters, QueryContext.empty());
        SqlWhere where = new SqlWhere();
        query.conditions().forEach(c -> c.appendTo(where));
        return where;
    }

    private static void rejected(String name, String value, String reason, String expected) {
        assertThatThrownBy(() -> where(name, value))
                .isInstanceOfSatisfying(QueryParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(name);
                    assertThat(e.getMessage()).contains(reason);
                    assertThat(e.expected()).contains(expected);
                });
    }

    @Test
    void bizTransactionTypeInAnySpellingBecomesTheStoredUri() {
        for (String type : List.of("po", "urn:epcglobal:cbv:btt:po", "https://ref.gs1.org/cbv/BTT-po")) {
            SqlWhere w = where("EQ_bizTransaction_" + type, "urn:epcglobal:cbv:bt:0614141000005:PO-1",
                    "http://transaction.acme.com/po/12345678");
            assertThat(w.sql()).isEqualTo("e.id IN (SELECT t.event_row_id FROM epcis_event_biz_transaction t"
                    + " WHERE t.type = ? AND t.biz_transaction IN (?, ?))");
            assertThat(w.arguments()).containsExactly("https://ref.gs1.org/cbv/BTT-po",
                    "urn:epcglobal:cbv:bt:0614141000005:PO-1", "http://transaction.acme.com/po/12345678");
        }
        assertThat(where("EQ_bizTransaction_urn:example:btt:x", "urn:example:t:1").arguments())
                .containsExactly("urn:example:btt:x", "urn:example:t:1");
        rejected("EQ_bizTransaction_purchase", "x", "\"purchase\" is not a business transaction type",
                "EQ_bizTransaction_<type>");
        rejected("EQ_bizTransaction_", "x", "names no business transaction type", "EQ_bizTransaction_<type>");
    }

    @Test
    void sourcesAndDestinationsCompareCanonicalIdentifiers() {
        SqlWhere w = where("EQ_source_possessing_party", "urn:epc:id:pgln:0614141.00001",
                "https://id.gs1.org/417/0614141000029");
        assertThat(w.sql()).isEqualTo("e.id IN (SELECT s.event_row_id FROM epcis_event_source_dest s"
                + " WHERE s.direction = ? AND s.type = ? AND s.canonical_id IN (?, ?))");
        assertThat(w.arguments()).containsExactly("SOURCE", "https://ref.gs1.org/cbv/SDT-possessing_party",
                "https://id.gs1.org/417/0614141000012", "https://id.gs1.org/417/0614141000029");
        assertThat(where("EQ_destination_urn:epcglobal:cbv:sdt:location", "urn:epc:id:sgln:0614141.00001.0")
                .arguments()).containsExactly("DESTINATION", "https://ref.gs1.org/cbv/SDT-location",
                "https://id.gs1.org/414/0614141000012");
        rejected("EQ_destination_owner", "x", "\"owner\" is not a source/destination type",
                "EQ_destination_<type>");
    }

    @Test
    void quantitiesWithoutUnitCompareElementsWithoutUom() {
        SqlWhere eq = where("EQ_quantity", "5", "7.50");
        assertThat(eq.sql()).isEqualTo("e.id IN (SELECT q.event_row_id FROM epcis_event_epc q WHERE q.role IN"
                + " (?, ?, ?, ?) AND q.uom IS NULL AND q.quantity IN (?, ?))");
        assertThat(eq.arguments()).containsExactly("QUANTITY", "CHILD_QUANTITY", "INPUT_QUANTITY",
                "OUTPUT_QUANTITY", new BigDecimal("5"), new BigDecimal("7.50"));
        assertThat(where("GT_quantity", "5").sql()).endsWith("q.uom IS NULL AND q.quantity > ?)");
        assertThat(where("GE_quantity", "5").sql()).endsWith("q.quantity >= ?)");
        assertThat(where("LT_quantity", "5").sql()).endsWith("q.quantity < ?)");
        assertThat(where("LE_quantity", "5").sql()).endsWith("q.quantity <= ?)");
        rejected("GT_quantity", "five", "\"five\" is not a number", "decimal number");
        assertThatThrownBy(() -> where("GT_quantity", "1", "2")).isInstanceOf(QueryParameterException.class)
                .hasMessage("GT_quantity: takes one value, got 2");
    }

    @Test
    void quantitiesByUnit() {
        SqlWhere w = where("LE_quantity_KGM", "20.5");
        assertThat(w.sql()).endsWith("AND q.uom = ? AND q.quantity <= ?)");
        assertThat(w.arguments()).endsWith("KGM", new BigDecimal("20.5"));
        assertThat(where("EQ_quantity_LTR", "1", "2").arguments()).endsWith("LTR", new BigDecimal("1"),
                new BigDecimal("2"));
        rejected("EQ_quantity_kilo", "1", "\"kilo\" is not a unit of measure", "UN/CEFACT Rec. 20");
    }

    @Test
    void sensorTimesOnMetadataOrReport() {
        SqlWhere w = where("GE_time", "2024-03-01T10:00:00+01:00");
        assertThat(w.sql()).isEqualTo("(e.id IN (SELECT s.event_row_id FROM epcis_event_sensor_element s WHERE"
                + " s.time >= ?) OR e.id IN (SELECT r.event_row_id FROM epcis_event_sensor_report r WHERE"
                + " r.time >= ?))");
        LocalDateTime utc = LocalDateTime.of(2024, 3, 1, 9, 0);
        assertThat(w.arguments()).containsExactly(utc, utc);
        assertThat(where("LT_time", "2024-03-01T09:00:00Z").sql()).contains("s.time < ?", "r.time < ?");
        assertThat(where("GE_startTime", "2024-03-01T09:00:00Z").sql()).isEqualTo("e.id IN (SELECT"
                + " s.event_row_id FROM epcis_event_sensor_element s WHERE s.start_time >= ?)");
        assertThat(where("LT_startTime", "2024-03-01T09:00:00Z").sql()).contains("s.start_time < ?");
        assertThat(where("GE_endTime", "2024-03-01T09:00:00Z").sql()).contains("s.end_time >= ?");
        assertThat(where("LT_endTime", "2024-03-01T09:00:00Z").sql()).contains("s.end_time < ?");
        rejected("GE_time", "2024-03-01", "is not a date and time with offset", "offset");
    }

    @Test
    void sensorAttributes() {
        SqlWhere type = where("EQ_type", "Temperature", "gs1:RelativeHumidity", "https://ref.gs1.org/voc/Speed");
        assertThat(type.sql()).isEqualTo("e.id IN (SELECT r.event_row_id FROM epcis_event_sensor_report r"
                + " WHERE r.type IN (?, ?, ?))");
        assertThat(type.arguments()).containsExactly("https://gs1.org/voc/Temperature",
                "https://gs1.org/voc/RelativeHumidity", "https://gs1.org/voc/Speed");
        SqlWhere device = where("EQ_deviceID", "urn:epc:id:giai:4000001.111");
        assertThat(device.sql()).contains("s.device_id IN (?)", "r.device_id IN (?)");
        assertThat(device.arguments()).containsExactly("urn:epc:id:giai:4000001.111", "urn:epc:id:giai:4000001.111");
        assertThat(where("EQ_dataProcessingMethod", "https://example.com/m").sql())
                .contains("s.data_processing_method IN (?)", "r.data_processing_method IN (?)");
        assertThat(where("EQ_bizRules", "https://example.com/r").sql()).contains("s.biz_rules", "r.biz_rules");
        assertThat(where("EQ_microorganism", "https://www.ncbi.nlm.nih.gov/taxonomy/1496").sql())
                .endsWith("WHERE r.microorganism IN (?))");
        assertThat(where("EQ_chemicalSubstance", "https://identifiers.org/inchikey:X").sql())
                .endsWith("WHERE r.chemical_substance IN (?))");
        assertThat(where("EQ_uriValue", "https://example.com/u").sql()).endsWith("WHERE r.uri_value IN (?))");
        assertThat(where("EQ_stringValue", "SomeString").sql()).endsWith("WHERE r.string_value IN (?))");
        SqlWhere hex = where("EQ_hexBinaryValue", "0a1b");
        assertThat(hex.sql()).endsWith("WHERE UPPER(r.hex_binary_value) IN (?))");
        assertThat(hex.arguments()).containsExactly("0A1B");
        rejected("EQ_hexBinaryValue", "0a1", "is not hexadecimal binary", "hexadecimal");
        assertThat(where("EQ_booleanValue", "true").arguments()).containsExactly(Boolean.TRUE);
        rejected("EQ_booleanValue", "yes", "\"yes\" is not a boolean", "true or false");
        rejected("EQ_type", "Warmth", "\"Warmth\" is not a sensor measurement type", "sensor measurement type");
    }

    @Test
    void percRankAndValuesByUnit() {
        assertThat(where("GE_percRank", "50").sql()).endsWith("WHERE r.perc_rank >= ?)");
        assertThat(where("LT_percRank", "50").sql()).endsWith("WHERE r.perc_rank < ?)");
        assertThat(where("GT_percRank", "50").sql()).endsWith("WHERE r.perc_rank > ?)");
        assertThat(where("LE_percRank", "50").sql()).endsWith("WHERE r.perc_rank <= ?)");
        Map<String, String> columns = Map.of("value", "value", "minValue", "min_value", "maxValue", "max_value",
                "meanValue", "mean_value", "sDev", "s_dev", "percValue", "perc_value");
        Map<String, String> operators = Map.of("GT_", ">", "GE_", ">=", "LT_", "<", "LE_", "<=");
        columns.forEach((field, column) -> {
            operators.forEach((prefix, operator) -> {
                SqlWhere w = where(prefix + field + "_CEL", "-2.5");
                assertThat(w.sql()).endsWith("WHERE r.uom = ? AND r." + column + " " + operator + " ?)");
                assertThat(w.arguments()).containsExactly("CEL", new BigDecimal("-2.5"));
            });
            SqlWhere eq = where("EQ_" + field + "_KGM", "1", "2");
            assertThat(eq.sql()).endsWith("WHERE r.uom = ? AND r." + column + " IN (?, ?))");
            assertThat(eq.arguments()).containsExactly("KGM", new BigDecimal("1"), new BigDecimal("2"));
        });
        rejected("GT_value_CEL", "warm", "\"warm\" is not a number", "decimal number");
        rejected("EQ_value_", "1", "\"\" is not a unit of measure", "EQ_value_CEL");
    }

    @Test
    void namesOfOtherFamiliesAreLeftToThem() {
        QueryContext none = QueryContext.empty();
        assertThat(new SensorParameters().parse("EQ_percRank", List.of("1"), none)).isEmpty();
        assertThat(new SensorParameters().parse("EQ_bizStep", List.of("x"), none)).isEmpty();
        assertThat(new SensorParameters().parse("GT_weight_KGM", List.of("1"), none)).isEmpty();
        assertThat(new QuantityParameters().parse("EQ_quantityX", List.of("1"), none)).isEmpty();
        assertThat(new QuantityParameters().parse("EQ_value_CEL", List.of("1"), none)).isEmpty();
        assertThat(new TransactionParameters().parse("EQ_bizStep", List.of("x"), none)).isEmpty();
    }
}
