package io.tracewell.epcis.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A quantity of an object class (EPCIS 2.0 §7.3.3.3). {@code quantity} and {@code uom} are optional; a
 * {@code uom} without a quantity is invalid and rejected at the edge.
 */
public record QuantityElement(String epcClass, BigDecimal quantity, String uom) {
    public QuantityElement {
        Objects.requireNonNull(epcClass, "epcClass");
    }
}
