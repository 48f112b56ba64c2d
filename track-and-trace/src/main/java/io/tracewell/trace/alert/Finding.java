package io.tracewell.trace.alert;

import java.util.List;
import java.util.Objects;

/**
 * What a rule found, before it is stored as an alert.
 *
 * @param rule            the rule's name ({@link Rule#name()})
 * @param epc             the canonical EPC concerned
 * @param triggerEventRow the row id of the event that shows the problem; with rule and EPC it identifies the
 *                        alert, so finding the same thing again raises nothing new
 * @param eventIds        the eventIDs of every event involved, the triggering one included
 * @param detail          one sentence a person can act on
 */
public record Finding(String rule, String epc, long triggerEventRow, List<String> eventIds, String detail) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(epc, "epc");
        Objects.requireNonNull(detail, "detail");
        eventIds = List.copyOf(eventIds);
    }
}
