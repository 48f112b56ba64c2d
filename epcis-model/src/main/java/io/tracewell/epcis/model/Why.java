package io.tracewell.epcis.model;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import java.util.List;

/**
 * The "why" dimension (EPCIS 2.0 §7.3.5): business step, disposition, persistent disposition and business
 * transactions. CBV values are typed: a bare word, URN and Web URI of the same term are one value, and each
 * binding writes its own spelling (EPCIS 2.0 §9 and §10).
 */
public record Why(BizStep bizStep, Disposition disposition, PersistentDisposition persistentDisposition,
                  List<BizTransaction> bizTransactionList) {
    public static final Why NONE = new Why(null, null, null, List.of());

    public Why {
        bizTransactionList = Lists.copy(bizTransactionList);
    }
}
