package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/** Inputs consumed and outputs produced (EPCIS 2.0 §7.4.6); it has no action. */
public record TransformationEvent(
        CommonFields common,
        List<String> inputEPCList,
        List<QuantityElement> inputQuantityList,
        List<String> outputEPCList,
        List<QuantityElement> outputQuantityList,
        String transformationID,
        Where where,
        Why why,
        List<SensorElement> sensorElementList,
        Ilmd ilmd,
        List<ExtensionElement> extensions) implements EpcisEvent {

    public TransformationEvent {
        Objects.requireNonNull(common, "common");
        inputEPCList = Lists.copy(inputEPCList);
        inputQuantityList = Lists.copy(inputQuantityList);
        outputEPCList = Lists.copy(outputEPCList);
        outputQuantityList = Lists.copy(outputQuantityList);
        where = where == null ? Where.NONE : where;
        why = why == null ? Why.NONE : why;
        sensorElementList = Lists.copy(sensorElementList);
        extensions = Lists.copy(extensions);
    }

    @Override
    public EventType type() {
        return EventType.TRANSFORMATION_EVENT;
    }

    @Override
    public TransformationEvent withCommon(CommonFields c) {
        return new TransformationEvent(c, inputEPCList, inputQuantityList, outputEPCList, outputQuantityList,
                transformationID, where, why, sensorElementList, ilmd, extensions);
    }
}
