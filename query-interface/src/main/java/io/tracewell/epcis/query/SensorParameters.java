package io.tracewell.epcis.query;

import io.tracewell.epcis.cbv.SensorMeasurementType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sensor parameters of SimpleEventQuery (EPCIS 2.0 §8.2.7.1, new in 2.0), on the store's sensor tables
 * ({@code epcis_event_sensor_element} holds each element's sensorMetadata, {@code epcis_event_sensor_report} each
 * sensorReport):
 * <ul>
 * <li>{@code GE_/LT_time}: the time of a sensorMetadata or of a sensorReport; {@code GE_/LT_startTime} and
 * {@code GE_/LT_endTime}: those of a sensorMetadata;</li>
 * <li>{@code EQ_deviceID}, {@code EQ_dataProcessingMethod}, {@code EQ_bizRules}: the attribute of a sensorMetadata
 * or of a sensorReport equals one of the values;</li>
 * <li>{@code EQ_type} (measurement types in any spelling, {@code Temperature}, {@code gs1:Temperature}, Web URI),
 * {@code EQ_microorganism}, {@code EQ_chemicalSubstance}, {@code EQ_uriValue}, {@code EQ_stringValue},
 * {@code EQ_hexBinaryValue} (compared as binary, so letter case does not matter), {@code EQ_booleanValue} and
 * {@code GT_/GE_/LT_/LE_percRank}: attributes of a sensorReport;</li>
 * <li>values by unit, {@code EQ_/GT_/GE_/LT_/LE_} + {@code value_<uom>}, {@code minValue_<uom>},
 * {@code maxValue_<uom>}, {@code meanValue_<uom>}, {@code sDev_<uom>}, {@code percValue_<uom>}: a sensorReport
 * with exactly that {@code uom} whose number compares true ({@code EQ_} takes a list). Units are not converted
 * into one another.</li>
 * </ul>
 * One report has to satisfy each parameter on its own; different parameters may be met by different reports of
 * the event, as parameters are AND-ed over the event (EPCIS 2.0 §8.2.7.1).
 */
final class SensorParameters implements ParameterFamily {

    private static final Map<String, String> COMPARISONS = Map.of("GT_", ">", "GE_", ">=", "LT_", "<", "LE_", "<=",
            "EQ_", "=");

    /** Report columns of the numbers that are queried by unit. */
    private static final Map<String, String> VALUE_COLUMNS = Map.of(
            "value", "value",
            "minValue", "min_value",
            "maxValue", "max_value",
            "meanValue", "mean_value",
            "sDev", "s_dev",
            "percValue", "perc_value");

    /** Attributes that sensorMetadata and sensorReport both have. */
    private static final Map<String, String> METADATA_OR_REPORT = Map.of(
            "EQ_deviceID", "device_id",
            "EQ_dataProcessingMethod", "data_processing_method",
            "EQ_bizRules", "biz_rules");

    /** Attributes of a sensorReport compared as written. */
    private static final Map<String, String> REPORT = Map.of(
            "EQ_microorganism", "microorganism",
            "EQ_chemicalSubstance", "chemical_substance",
            "EQ_uriValue", "uri_value",
            "EQ_stringValue", "string_value");

    @Override
    public Optional<Condition> parse(String name, List<String> values, QueryContext context) {
        switch (name) {
            case "GE_time":
                return Optional.of(metadataOrReport("time >= ?", QueryValues.time(name, values)));
            case "LT_time":
                return Optional.of(metadataOrReport("time < ?", QueryValues.time(name, values)));
            case "GE_startTime":
                return Optional.of(element("s.start_time >= ?", QueryValues.time(name, values)));
            case "LT_startTime":
                return Optional.of(element("s.start_time < ?", QueryValues.time(name, values)));
            case "GE_endTime":
                return Optional.of(element("s.end_time >= ?", QueryValues.time(name, values)));
            case "LT_endTime":
                return Optional.of(element("s.end_time < ?", QueryValues.time(name, values)));
            case "EQ_type": {
                List<String> uris = QueryValues.cbv(name, values, v -> SensorMeasurementType.of(v).uri(),
                        "sensor measurement type");
                return Optional.of(report("r.type IN (" + SqlWhere.placeholders(uris.size()) + ")", uris.toArray()));
            }
            case "EQ_hexBinaryValue": {
                List<String> hex = new ArrayList<>();
                for (String v : values) {
                    String h = v.trim();
                    if (!h.matches("([0-9A-Fa-f]{2})*")) {
                        throw new QueryParameterException(name, "\"" + v + "\" is not hexadecimal binary",
                                "pairs of hexadecimal digits, e.g. 0AFF");
                    }
                    hex.add(h.toUpperCase(Locale.ROOT));
                }
                return Optional.of(report("UPPER(r.hex_binary_value) IN (" + SqlWhere.placeholders(hex.size())
                        + ")", hex.toArray()));
            }
            case "EQ_booleanValue": {
                String b = QueryValues.single(name, values, "true or false").trim();
                if (!b.equals("true") && !b.equals("false")) {
                    throw new QueryParameterException(name, "\"" + b + "\" is not a boolean", "true or false");
                }
                return Optional.of(report("r.boolean_value = ?", Boolean.valueOf(b)));
            }
            default:
                break;
        }
        String column = METADATA_OR_REPORT.get(name);
        if (column != null) {
            List<String> written = trimmed(values);
            return Optional.of(metadataOrReport(column + " IN (" + SqlWhere.placeholders(written.size()) + ")",
                    written.toArray()));
        }
        column = REPORT.get(name);
        if (column != null) {
            List<String> written = trimmed(values);
            return Optional.of(report("r." + column + " IN (" + SqlWhere.placeholders(written.size()) + ")",
                    written.toArray()));
        }
        return numeric(name, values);
    }

    /** {@code ..._percRank} and {@code ..._<value>_<uom>}. */
    private static Optional<Condition> numeric(String name, List<String> values) {
        if (name.length() < 4) {
            return Optional.empty();
        }
        String prefix = name.substring(0, 3);
        String operator = COMPARISONS.get(prefix);
        if (operator == null) {
            return Optional.empty();
        }
        String rest = name.substring(3);
        if (rest.equals("percRank")) {
            if (operator.equals("=")) {
                return Optional.empty(); // EQ_percRank is no parameter of §8.2.7.1
            }
            BigDecimal n = QueryValues.number(name, QueryValues.single(name, values, "one decimal number"));
            return Optional.of(report("r.perc_rank " + operator + " ?", n));
        }
        int underscore = rest.indexOf('_');
        if (underscore < 0) {
            return Optional.empty();
        }
        String column = VALUE_COLUMNS.get(rest.substring(0, underscore));
        if (column == null) {
            return Optional.empty();
        }
        String uom = rest.substring(underscore + 1);
        if (uom.isEmpty() || uom.length() > 16 || uom.chars().anyMatch(c -> c <= ' ')) {
            throw new QueryParameterException(name, "\"" + uom + "\" is not a unit of measure",
                    prefix + rest.substring(0, underscore) + "_<uom> with a UN/CEFACT Rec. 20 code, e.g. "
                            + prefix + rest.substring(0, underscore) + "_CEL");
        }
        if (operator.equals("=")) {
            List<Object> args = new ArrayList<>();
            args.add(uom);
            for (String v : values) {
                args.add(QueryValues.number(name, v));
            }
            return Optional.of(report("r.uom = ? AND r." + column + " IN ("
                    + SqlWhere.placeholders(args.size() - 1) + ")", args.toArray()));
        }
        BigDecimal n = QueryValues.number(name, QueryValues.single(name, values, "one decimal number"));
        return Optional.of(report("r.uom = ? AND r." + column + " " + operator + " ?", uom, n));
    }

    private static Condition report(String predicate, Object... args) {
        String sql = "e.id IN (SELECT r.event_row_id FROM epcis_event_sensor_report r WHERE " + predicate + ")";
        return w -> w.add(sql, args);
    }

    private static Condition element(String predicate, LocalDateTime time) {
        String sql = "e.id IN (SELECT s.event_row_id FROM epcis_event_sensor_element s WHERE " + predicate + ")";
        return w -> w.add(sql, time);
    }

    /** The predicate, written for an unqualified column, on a sensorMetadata or on a sensorReport. */
    private static Condition metadataOrReport(String predicate, Object... args) {
        String sql = "(e.id IN (SELECT s.event_row_id FROM epcis_event_sensor_element s WHERE s." + predicate + ")"
                + " OR e.id IN (SELECT r.event_row_id FROM epcis_event_sensor_report r WHERE r." + predicate + "))";
        Object[] twice = new Object[args.length * 2];
        System.arraycopy(args, 0, twice, 0, args.length);
        System.arraycopy(args, 0, twice, args.length, args.length);
        return w -> w.add(sql, twice);
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).toList();
    }
}
