package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/** Where the objects are after the event (EPCIS 2.0 §7.3.4.2), with user extensions (§9.4). */
public record BizLocation(String id, List<ExtensionElement> extensions) {
    public BizLocation {
        Objects.requireNonNull(id, "id");
        extensions = Lists.copy(extensions);
    }

    public static BizLocation of(String id) {
        return new BizLocation(id, List.of());
    }
}
