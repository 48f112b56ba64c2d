package io.tracewell.epcis.model;

import java.util.Objects;

/** A business transaction reference with its optional type (EPCIS 2.0 §7.3.5.3, CBV §8.5). */
public record BizTransaction(String type, String bizTransaction) {
    public BizTransaction {
        Objects.requireNonNull(bizTransaction, "bizTransaction");
    }
}
