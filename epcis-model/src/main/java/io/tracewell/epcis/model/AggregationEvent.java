package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/** Children packed into, observed in, or unpacked from a parent (EPCIS 2.0 §7.4.3). */
public record AggregationEvent(
        CommonFields common,
        Action action,
        String parentID,
        List<String> childEPCs,
        List<QuantityElement> childQuantityList,
        Where where,
        Why why,
        List<SensorElement> sensorElementList,
        List<ExtensionElement> extensions) implements EpcisEvent {

    public AggregationEvent {
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
        return EventType.AGGREGATION_EVENT;
    }

    @Override
    public AggregationEvent withCommon(CommonFields c) {
        return new AggregationEvent(c, action, parentID, childEPCs, childQuantityList, where, why,
                sensorElementList, extensions);
    }
}
