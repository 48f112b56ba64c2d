package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/** Objects associated with or dissociated from business transactions (EPCIS 2.0 §7.4.4). */
public record TransactionEvent(
        CommonFields common,
        Action action,
        String parentID,
        List<String> epcList,
        List<QuantityElement> quantityList,
        Where where,
        Why why,
        List<SensorElement> sensorElementList,
        List<ExtensionElement> extensions) implements EpcisEvent {

    public TransactionEvent {
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
        return EventType.TRANSACTION_EVENT;
    }

    @Override
    public TransactionEvent withCommon(CommonFields c) {
        return new TransactionEvent(c, action, parentID, epcList, quantityList, where, why, sensorElementList,
                extensions);
    }
}
