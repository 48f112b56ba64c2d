package io.tracewell.trace.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored alert.
 *
 * @param id             its id
 * @param rule           the rule that raised it
 * @param epc            the canonical EPC concerned
 * @param eventIds       the eventIDs of the events involved
 * @param detail         what was found
 * @param raisedAt       when it was stored
 * @param state          open or acknowledged
 * @param acknowledgedAt when it was acknowledged, if it was
 * @param acknowledgedBy who acknowledged it, if it was
 */
public record Alert(long id, String rule, String epc, List<String> eventIds, String detail, Instant raisedAt,
                    AlertState state, Optional<Instant> acknowledgedAt, Optional<String> acknowledgedBy) {

    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(epc, "epc");
        eventIds = List.copyOf(eventIds);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
    }
}
