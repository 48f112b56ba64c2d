package io.tracewell.epcis.model;

import io.tracewell.epcis.cbv.BizTransactionType;
import java.util.Objects;

/** A business transaction reference with its optional type (EPCIS 2.0 §7.3.5.3, CBV §8.5). */
public record BizTransaction(BizTransactionType type, String bizTransaction) {
    public BizTransaction {
        Objects.requireNonNull(bizTransaction, "bizTransaction");
    }
}
