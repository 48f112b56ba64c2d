package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.model.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The standard child elements of each event type, in the order of the ratified EPCIS 2.0 schema
 * (EPCISEventType followed by the event type's own sequence). The reader uses them to recognise fields and to say
 * what was expected; the writer follows the same order.
 */
final class EventFields {
    private static final List<String> COMMON = List.of("eventTime", "recordTime", "eventTimeZoneOffset", "eventID",
            "errorDeclaration", "certificationInfo", "baseExtension");

    private static final Map<EventType, List<String>> FIELDS = Map.of(
            EventType.OBJECT_EVENT, with("epcList", "action", "bizStep", "disposition", "readPoint", "bizLocation",
                    "bizTransactionList", "quantityList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition", "ilmd", "extension"),
            EventType.AGGREGATION_EVENT, with("parentID", "childEPCs", "action", "bizStep", "disposition",
                    "readPoint", "bizLocation", "bizTransactionList", "childQuantityList", "sourceList",
                    "destinationList", "sensorElementList", "persistentDisposition", "extension"),
            EventType.TRANSACTION_EVENT, with("bizTransactionList", "parentID", "epcList", "action", "bizStep",
                    "disposition", "readPoint", "bizLocation", "quantityList", "sourceList", "destinationList",
                    "sensorElementList", "persistentDisposition", "extension"),
            EventType.TRANSFORMATION_EVENT, with("inputEPCList", "inputQuantityList", "outputEPCList",
                    "outputQuantityList", "transformationID", "bizStep", "disposition", "readPoint", "bizLocation",
                    "bizTransactionList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition", "ilmd", "extension"),
            EventType.ASSOCIATION_EVENT, with("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList",
                    "destinationList", "sensorElementList", "persistentDisposition", "extension"));

    private EventFields() {
    }

    static List<String> of(EventType type) {
        return FIELDS.get(type);
    }

    private static List<String> with(String... own) {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(List.of(own));
        return List.copyOf(all);
    }
}
