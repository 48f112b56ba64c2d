package io.tracewell.epcis.model;

import io.tracewell.epcis.cbv.Disposition;
import java.util.List;

/** Dispositions that persist beyond this event (EPCIS 2.0 §7.3.5.2.1). */
public record PersistentDisposition(List<Disposition> set, List<Disposition> unset) {
    public PersistentDisposition {
        set = Lists.copy(set);
        unset = Lists.copy(unset);
    }
}
