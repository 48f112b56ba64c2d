package io.tracewell.epcis.model;

/** The five event types of EPCIS 2.0 (§7.4), named exactly as in both bindings. */
public enum EventType {
    OBJECT_EVENT("ObjectEvent"),
    AGGREGATION_EVENT("AggregationEvent"),
    TRANSACTION_EVENT("TransactionEvent"),
    TRANSFORMATION_EVENT("TransformationEvent"),
    ASSOCIATION_EVENT("AssociationEvent");

    private final String standardName;

    EventType(String standardName) {
        this.standardName = standardName;
    }

    /** The name used as JSON-LD {@code type} and as XML element name. */
    public String standardName() {
        return standardName;
    }

    public static EventType fromStandardName(String name) {
        for (EventType t : values()) {
            if (t.standardName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
