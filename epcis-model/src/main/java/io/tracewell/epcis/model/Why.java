package io.tracewell.epcis.model;

import java.util.List;

/**
 * The "why" dimension (EPCIS 2.0 §7.3.5): business step, disposition, persistent disposition and business
 * transactions. CBV values are kept in the spelling the capturer used (bare word, URN or Web URI).
 */
public record Why(String bizStep, String disposition, PersistentDisposition persistentDisposition,
                  List<BizTransaction> bizTransactionList) {
    public static final Why NONE = new Why(null, null, null, List.of());

    public Why {
        bizTransactionList = Lists.copy(bizTransactionList);
    }
}
