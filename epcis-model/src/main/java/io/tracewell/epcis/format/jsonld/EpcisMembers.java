package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.model.EventType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The member names the EPCIS 2.0 JSON binding defines for each structure (EPCIS 2.0 §10 and the ratified JSON
 * schema {@code epcis-json-schema.json}). Every other member must be a namespaced extension.
 */
final class EpcisMembers {
    static final Set<String> COMMON = Set.of("@context", "type", "eventTime", "recordTime", "eventTimeZoneOffset",
            "eventID", "certificationInfo", "errorDeclaration");
    private static final Set<String> WHERE_WHY_HOW = Set.of("bizStep", "disposition", "persistentDisposition",
            "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList");

    static final Set<String> OBJECT_EVENT = union(COMMON, WHERE_WHY_HOW,
            Set.of("action", "epcList", "quantityList", "ilmd"));
    static final Set<String> AGGREGATION_EVENT = union(COMMON, WHERE_WHY_HOW,
            Set.of("action", "parentID", "childEPCs", "childQuantityList"));
    static final Set<String> TRANSACTION_EVENT = union(COMMON, WHERE_WHY_HOW,
            Set.of("action", "parentID", "epcList", "quantityList"));
    static final Set<String> TRANSFORMATION_EVENT = union(COMMON, WHERE_WHY_HOW,
            Set.of("inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList", "transformationID",
                    "ilmd"));
    static final Set<String> ASSOCIATION_EVENT = AGGREGATION_EVENT;

    static final Set<String> ERROR_DECLARATION = Set.of("declarationTime", "reason", "correctiveEventIDs");
    static final Set<String> LOCATION = Set.of("id");
    static final Set<String> QUANTITY_ELEMENT = Set.of("epcClass", "quantity", "uom");
    static final Set<String> BIZ_TRANSACTION = Set.of("type", "bizTransaction");
    static final Set<String> SOURCE = Set.of("type", "source");
    static final Set<String> DESTINATION = Set.of("type", "destination");
    static final Set<String> PERSISTENT_DISPOSITION = Set.of("set", "unset");
    static final Set<String> SENSOR_ELEMENT = Set.of("sensorMetadata", "sensorReport");
    static final Set<String> SENSOR_METADATA = Set.of("time", "startTime", "endTime", "deviceID", "deviceMetadata",
            "rawData", "dataProcessingMethod", "bizRules");
    static final Set<String> SENSOR_REPORT = Set.of("type", "exception", "deviceID", "deviceMetadata", "rawData",
            "dataProcessingMethod", "bizRules", "time", "microorganism", "chemicalSubstance", "value", "component",
            "stringValue", "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue", "meanValue",
            "sDev", "percRank", "percValue", "uom", "coordinateReferenceSystem");

    static final Set<String> DOCUMENT = Set.of("@context", "id", "type", "schemaVersion", "creationDate",
            "instanceIdentifier", "sender", "receiver", "epcisHeader", "epcisBody");
    static final Set<String> EPCIS_HEADER = Set.of("epcisMasterData");
    static final Set<String> MASTER_DATA = Set.of("vocabularyList");
    static final Set<String> VOCABULARY = Set.of("type", "vocabularyElementList");
    static final Set<String> VOCABULARY_ELEMENT = Set.of("id", "attributes", "children");
    static final Set<String> ATTRIBUTE = Set.of("id", "attribute");
    static final Set<String> BODY = Set.of("eventList", "queryResults");
    static final Set<String> QUERY_RESULTS = Set.of("queryName", "subscriptionID", "resultsBody");
    static final Set<String> RESULTS_BODY = Set.of("eventList", "vocabularyList");

    /** Every name above: a key from this set in the wrong place is misplaced, not an unnamespaced extension. */
    static final Set<String> ALL = union(OBJECT_EVENT, AGGREGATION_EVENT, TRANSACTION_EVENT, TRANSFORMATION_EVENT,
            ERROR_DECLARATION, QUANTITY_ELEMENT, SOURCE, DESTINATION, PERSISTENT_DISPOSITION, SENSOR_ELEMENT,
            SENSOR_METADATA, SENSOR_REPORT, DOCUMENT, EPCIS_HEADER, MASTER_DATA, VOCABULARY, VOCABULARY_ELEMENT,
            ATTRIBUTE, BODY, QUERY_RESULTS, RESULTS_BODY);

    private EpcisMembers() {
    }

    static Set<String> of(EventType type) {
        return switch (type) {
            case OBJECT_EVENT -> OBJECT_EVENT;
            case AGGREGATION_EVENT -> AGGREGATION_EVENT;
            case TRANSACTION_EVENT -> TRANSACTION_EVENT;
            case TRANSFORMATION_EVENT -> TRANSFORMATION_EVENT;
            case ASSOCIATION_EVENT -> ASSOCIATION_EVENT;
        };
    }

    static List<String> sorted(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
