package io.tracewell.epcis.query;

import static io.tracewell.epcis.query.QueryValues.cbv;
import static io.tracewell.epcis.query.QueryValues.identifiers;
import static io.tracewell.epcis.query.QueryValues.time;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed-name parameters of SimpleEventQuery on the event row and its small side tables: event type, the
 * three times, action, bizStep, disposition, persistent disposition, read point and business location (EQ_ and
 * WD_), transformationID, eventID, error declarations and corrective event IDs.
 */
final class FixedParameters implements ParameterFamily {

    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");

    @Override
    public Optional<Condition> parse(String name, List<String> values, QueryContext context) {
        switch (name) {
            case "eventType": {
                for (String v : values) {
                    if (!EVENT_TYPES.contains(v) && !v.contains(":")) {
                        throw new QueryParameterException(name, "\"" + v + "\" is not an event type",
                                "ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent,"
                                        + " AssociationEvent or the URI of an extension event type");
                    }
                }
                return Optional.of(w -> w.in("e.event_type", values));
            }
            case "GE_eventTime":
                return compare("e.event_time", ">=", time(name, values));
            case "LT_eventTime":
                return compare("e.event_time", "<", time(name, values));
            case "GE_recordTime":
                return compare("e.record_time", ">=", time(name, values));
            case "LT_recordTime":
                return compare("e.record_time", "<", time(name, values));
            case "EQ_action": {
                List<String> actions = new ArrayList<>();
                for (String v : values) {
                    String a = v.trim().toUpperCase(Locale.ROOT);
                    if (!a.equals("ADD") && !a.equals("OBSERVE") && !a.equals("DELETE") || !a.equals(v.trim())) {
                        throw new QueryParameterException(name, "\"" + v + "\" is not an action",
                                "ADD, OBSERVE or DELETE");
                    }
                    actions.add(a);
                }
                return Optional.of(w -> w.in("e.action", actions));
            }
            case "EQ_bizStep": {
                List<String> uris = cbv(name, values, v -> BizStep.of(v).uri(), "business step");
                return Optional.of(w -> w.in("e.biz_step", uris));
            }
            case "EQ_disposition": {
                List<String> uris = cbv(name, values, v -> Disposition.of(v).uri(), "disposition");
                return Optional.of(w -> w.in("e.disposition", uris));
            }
            case "EQ_persistentDisposition_set":
            case "EQ_persistentDisposition_unset": {
                String kind = name.endsWith("_set") ? "SET" : "UNSET";
                List<String> uris = cbv(name, values, v -> Disposition.of(v).uri(), "disposition");
                return Optional.of(w -> w.add("EXISTS (SELECT 1 FROM epcis_event_persistent_disposition p"
                        + " WHERE p.event_row_id = e.id AND p.change_kind = ? AND p.disposition IN ("
                        + SqlWhere.placeholders(uris.size()) + "))", concat(kind, uris)));
            }
            case "EQ_readPoint": {
                List<String> ids = identifiers(name, values);
                return Optional.of(w -> w.in("e.read_point", ids));
            }
            case "EQ_bizLocation": {
                List<String> ids = identifiers(name, values);
                return Optional.of(w -> w.in("e.biz_location", ids));
            }
            case "WD_readPoint":
                return Optional.of(withDescendants("e.read_point", identifiers(name, values)));
            case "WD_bizLocation":
                return Optional.of(withDescendants("e.biz_location", identifiers(name, values)));
            case "EQ_transformationID": {
                List<String> ids = trimmed(values);
                return Optional.of(w -> w.in("e.transformation_id", ids));
            }
            case "EQ_eventID": {
                List<String> ids = trimmed(values);
                return Optional.of(w -> w.in("e.event_id", ids));
            }
            case "EXISTS_errorDeclaration":
                return Optional.of(w -> w.add("e.has_error_declaration = TRUE"));
            case "GE_errorDeclarationTime":
                return compare("e.error_declaration_time", ">=", time(name, values));
            case "LT_errorDeclarationTime":
                return compare("e.error_declaration_time", "<", time(name, values));
            case "EQ_errorReason": {
                List<String> uris = cbv(name, values, v -> ErrorReason.of(v).uri(), "error reason");
                return Optional.of(w -> w.in("e.error_reason", uris));
            }
            case "EQ_correctiveEventID": {
                List<String> ids = trimmed(values);
                return Optional.of(w -> w.add("EXISTS (SELECT 1 FROM epcis_event_corrective_id c"
                        + " WHERE c.event_row_id = e.id AND c.corrective_event_id IN ("
                        + SqlWhere.placeholders(ids.size()) + "))", ids.toArray()));
            }
            case "EXISTS_sensorElementList":
                return Optional.of(w -> w.add("e.has_sensor_data = TRUE"));
            default:
                return Optional.empty();
        }
    }

    private static Optional<Condition> compare(String column, String operator, LocalDateTime value) {
        return Optional.of(w -> w.add(column + " " + operator + " ?", value));
    }

    /**
     * Equal to one of the identifiers or to a descendant of one in the captured master data (EPCIS 2.0
     * §8.2.7.1: children of vocabulary elements, followed to any depth).
     */
    private static Condition withDescendants(String column, List<String> ids) {
        return w -> w.add(column + " IN (WITH RECURSIVE d (id) AS (SELECT CAST(? AS CHAR(512))"
                + " UNION SELECT ?".repeat(ids.size() - 1)
                + " UNION SELECT c.canonical_id FROM master_data_child c"
                + " JOIN master_data_element m ON m.id = c.element_row JOIN d ON m.canonical_id = d.id)"
                + " SELECT id FROM d)", ids.toArray());
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).toList();
    }

    private static Object[] concat(Object first, List<?> rest) {
        Object[] all = new Object[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }
}
