package io.tracewell.epcis.model;

import io.tracewell.epcis.cbv.SourceDestType;
import java.util.Objects;

/**
 * A source or destination of a business transfer (EPCIS 2.0 §7.3.5.4): a type (CBV §8.6) and an identifier.
 * The same shape serves {@code sourceList} and {@code destinationList}.
 */
public record SourceDest(SourceDestType type, String id) {
    public SourceDest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
