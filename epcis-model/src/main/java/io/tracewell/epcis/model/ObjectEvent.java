package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/** Objects observed, commissioned or decommissioned (EPCIS 2.0 §7.4.2). */
public record ObjectEvent(
        CommonFields common,
        Action action,
        List<String> epcList,
        List<QuantityElement> quantityList,
        Where where,
        Why why,
        List<SensorElement> sensorElementList,
        Ilmd ilmd,
        List<ExtensionElement> extensions) implements EpcisEvent {

    public ObjectEvent {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(action, "action");
        epcList = Lists.copy(epcList);
        quantityList = Lists.copy(quantityList);
        where = where == null ? Where.NONE : where;
        why = why == null ? Why.NONE : why;
        sensorElementList = Lists.copy(sensorElementList);
        extensions = Lists.copy(extensions);
    }

    @Override
    public EventType type() {
        return EventType.OBJECT_EVENT;
    }

    @Override
    public ObjectEvent withCommon(CommonFields c) {
        return new ObjectEvent(c, action, epcList, quantityList, where, why, sensorElementList, ilmd, extensions);
    }
}
