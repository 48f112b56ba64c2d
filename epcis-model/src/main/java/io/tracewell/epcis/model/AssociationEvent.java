package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/**
 * Assets or devices associated with a parent that is not a container, e.g. a sensor mounted on a pallet
 * (EPCIS 2.0 §7.4.5). Unlike aggregation, parentID is always required.
 */
public record AssociationEvent(
        CommonFields common,
        Action action,
        String parentID,
        List<String> childEPCs,
        List<QuantityElement> childQuantityList,
        Where where,
        Why why,
        List<SensorElement> sensorElementList,
        List<ExtensionElement> extensions) implements EpcisEvent {

    public AssociationEvent {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(action, "action");
        childEPCs = Lists.copy(childEPCs);
        childQuantityList = Lists.copy(childQuantityList);
        where = where == null ? Where.NONE : where;
        why = why == null ? Why.NONE : why;
        sensorElementList = Lists.copy(sensorElementList);
        extensions = Lists.copy(extensions);
    }

    @Override
    public EventType type() {
        return EventType.ASSOCIATION_EVENT;
    }

    @Override
    public AssociationEvent withCommon(CommonFields c) {
        return new AssociationEvent(c, action, parentID, childEPCs, childQuantityList, where, why,
                sensorElementList, extensions);
    }
}
