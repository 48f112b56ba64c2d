package io.tracewell.epcis.validation;

import io.tracewell.epcis.model.ExtensionElement;

/**
 * Rules the standard states in prose that XML Schema 1.0 cannot express, checked in code for XML. The
 * JSON Schema states the same rules (same title and description, see the test that compares them), so
 * a sender reads the same words whichever binding it uses.
 */
enum EpcisRule {

    OBJECT_EVENT_OBJECTS("ObjectEvent names no objects",
            "EPCIS 2.0 section 7.4.2: an ObjectEvent names its objects in an epcList, in a non-empty quantityList,"
                    + " or (a sensor-only observation) in a non-empty sensorElementList together with a readPoint"),
    OBJECT_EVENT_ILMD("ilmd on an ObjectEvent whose action is not ADD",
            "EPCIS 2.0 sections 7.3.8 and 7.4.2: ilmd is only given when action is ADD"),
    AGGREGATION_EVENT_CHILDREN("AggregationEvent names no children",
            "EPCIS 2.0 section 7.4.3: an AggregationEvent names its children in a non-empty childEPCs or"
                    + " childQuantityList; only action DELETE may leave both out (all children leave the parent)"),
    AGGREGATION_EVENT_PARENT("AggregationEvent with action ADD or DELETE has no parentID",
            "EPCIS 2.0 section 7.4.3: parentID is required when action is ADD or DELETE (only OBSERVE may omit it)"),
    TRANSACTION_EVENT_OBJECTS("TransactionEvent names no objects",
            "EPCIS 2.0 section 7.4.4: a TransactionEvent names its objects in an epcList or a non-empty"
                    + " quantityList; only action DELETE may leave both out"),
    TRANSFORMATION_EVENT_IO("TransformationEvent has no inputs and outputs, nor a transformationID with inputs"
            + " or outputs",
            "EPCIS 2.0 section 7.4.5: a TransformationEvent has a non-empty input list and a non-empty output list"
                    + " (EPCs or quantities), or at least one non-empty input or output list together with a"
                    + " transformationID"),
    ASSOCIATION_EVENT_CHILDREN("AssociationEvent names no children",
            "EPCIS 2.0 section 7.4.6: an AssociationEvent names its children in a non-empty childEPCs or"
                    + " childQuantityList; only action DELETE may leave both out (all children are disassociated)"),
    ERROR_DECLARATION_TIME("errorDeclaration without exactly one declarationTime",
            "EPCIS 2.0 section 7.4.1.2: an errorDeclaration has exactly one declarationTime"),
    ERROR_DECLARATION_SINGLE_FIELDS("errorDeclaration repeats a field",
            "EPCIS 2.0 section 7.4.1.2: reason, correctiveEventIDs and extension each occur at most once in an"
                    + " errorDeclaration"),
    SENSOR_REPORT_TYPE("sensorReport without type",
            "EPCIS 2.0 section 7.3.6: a sensorReport names the type of its measurement; only a report that"
                    + " carries an exception may leave it out"),
    EXTENSION_DEPTH("extension elements nested deeper than " + ExtensionElement.MAX_DEPTH + " levels",
            "at most " + ExtensionElement.MAX_DEPTH + " levels of nested extension elements (a limit of this"
                    + " repository, so that every document it accepts converts between XML and JSON-LD)");

    private final String title;
    private final String description;

    EpcisRule(String title, String description) {
        this.title = title;
        this.description = description;
    }

    /** What is wrong, as a violation message. */
    String title() {
        return title;
    }

    /** The rule, with the standard's section, as the violation's expectation. */
    String description() {
        return description;
    }
}
