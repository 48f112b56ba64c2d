package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/** Where the event was observed (EPCIS 2.0 §7.3.4.1), with user extensions (§9.4). */
public record ReadPoint(String id, List<ExtensionElement> extensions) {
    public ReadPoint {
        Objects.requireNonNull(id, "id");
        extensions = Lists.copy(extensions);
    }

    public static ReadPoint of(String id) {
        return new ReadPoint(id, List.of());
    }
}
