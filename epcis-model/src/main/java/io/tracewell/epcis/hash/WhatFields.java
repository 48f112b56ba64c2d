package io.tracewell.epcis.hash;

import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import java.util.List;

/**
 * The "what" fields of any event type under their standard names, so that the pre-hash is built in one canonical
 * order for all five types (absent fields are empty lists or {@code null}).
 */
record WhatFields(
        List<String> epcList,
        String parentID,
        List<String> inputEPCList,
        List<String> childEPCs,
        List<QuantityElement> quantityList,
        List<QuantityElement> childQuantityList,
        List<QuantityElement> inputQuantityList,
        List<String> outputEPCList,
        List<QuantityElement> outputQuantityList,
        Action action,
        String transformationID,
        Ilmd ilmd) {

    static WhatFields of(EpcisEvent event) {
        if (event instanceof ObjectEvent) {
            ObjectEvent e = (ObjectEvent) event;
            return new WhatFields(e.epcList(), null, List.of(), List.of(), e.quantityList(), List.of(), List.of(),
                    List.of(), List.of(), e.action(), null, e.ilmd());
        }
        if (event instanceof AggregationEvent) {
            AggregationEvent e = (AggregationEvent) event;
            return new WhatFields(List.of(), e.parentID(), List.of(), e.childEPCs(), List.of(),
                    e.childQuantityList(), List.of(), List.of(), List.of(), e.action(), null, null);
        }
        if (event instanceof TransactionEvent) {
            TransactionEvent e = (TransactionEvent) event;
            return new WhatFields(e.epcList(), e.parentID(), List.of(), List.of(), e.quantityList(), List.of(),
                    List.of(), List.of(), List.of(), e.action(), null, null);
        }
        if (event instanceof TransformationEvent) {
            TransformationEvent e = (TransformationEvent) event;
            return new WhatFields(List.of(), null, e.inputEPCList(), List.of(), List.of(), List.of(),
                    e.inputQuantityList(), e.outputEPCList(), e.outputQuantityList(), null, e.transformationID(),
                    e.ilmd());
        }
        AssociationEvent e = (AssociationEvent) event;
        return new WhatFields(List.of(), e.parentID(), List.of(), e.childEPCs(), List.of(), e.childQuantityList(),
                List.of(), List.of(), List.of(), e.action(), null, null);
    }
}
