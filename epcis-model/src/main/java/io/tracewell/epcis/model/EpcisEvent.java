package io.tracewell.epcis.model;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import java.util.List;

/**
 * An EPCIS event (EPCIS 2.0 §7.4): one of the five event types. Events are immutable values; the fields are
 * grouped by the standard's dimensions ({@link CommonFields} for identity and "when", {@link Where},
 * {@link Why}, the sensor elements for "how"), and "what" lives on each type.
 */
public sealed interface EpcisEvent
        permits ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent {

    EventType type();

    CommonFields common();

    Where where();

    Why why();

    List<SensorElement> sensorElementList();

    /** User extensions at event level (§9.4), in document order. */
    List<ExtensionElement> extensions();

    /** The same event with other common fields (e.g. the recordTime and eventID set by the repository). */
    EpcisEvent withCommon(CommonFields common);

    default EpcisTime eventTime() {
        return common().eventTime();
    }

    default TimeZoneOffset eventTimeZoneOffset() {
        return common().eventTimeZoneOffset();
    }

    default EpcisTime recordTime() {
        return common().recordTime();
    }

    default String eventID() {
        return common().eventID();
    }

    default ErrorDeclaration errorDeclaration() {
        return common().errorDeclaration();
    }

    default String certificationInfo() {
        return common().certificationInfo();
    }

    default BizStep bizStep() {
        return why().bizStep();
    }

    default Disposition disposition() {
        return why().disposition();
    }

    default ReadPoint readPoint() {
        return where().readPoint();
    }

    default BizLocation bizLocation() {
        return where().bizLocation();
    }
}
