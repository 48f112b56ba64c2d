package io.tracewell.epcis.model;

import java.util.List;

/** Dispositions that persist beyond this event (EPCIS 2.0 §7.3.5.2.1). */
public record PersistentDisposition(List<String> set, List<String> unset) {
    public PersistentDisposition {
        set = Lists.copy(set);
        unset = Lists.copy(unset);
    }
}
