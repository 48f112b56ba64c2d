package io.tracewell.trace.alert;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An EPC seen after the end of its life: an event later (by event time) than one that dispensed, destroyed or
 * decommissioned it (bizStep dispensing, destroying or decommissioning, or disposition dispensed, destroyed or
 * disposed). A later event that itself ends the life (destroying after dispensing) is not an alert: returned
 * medicines are destroyed after dispensing.
 *
 * <p>The trigger is the later event; the alert names the earliest end-of-life event before it. Either event may
 * be evaluated first: the terminal event looks forward, any other looks back.
 */
public final class SeenAfterEndOfLifeRule implements Rule {

    public static final String NAME = "seen-after-end-of-life";

    private static final Set<String> END_STEPS = Set.of(BizStep.DISPENSING.uri(), BizStep.DESTROYING.uri(),
            BizStep.DECOMMISSIONING.uri());
    private static final Set<String> END_DISPOSITIONS = Set.of(Disposition.DISPENSED.uri(),
            Disposition.DESTROYED.uri(), Disposition.DISPOSED.uri());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> evaluate(Connection connection, CapturedEvent event) throws SQLException {
        if (event.epcs().isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<History.Entry>> epc : History.of(connection, event.epcs()).entrySet()) {
            List<History.Entry> entries = epc.getValue();
            for (History.Entry later : entries) {
                if (ends(later)) {
                    continue;
                }
                History.Entry end = entries.stream()
                        .filter(SeenAfterEndOfLifeRule::ends)
                        .filter(e -> e.eventTime().isBefore(later.eventTime()))
                        .min((a, b) -> a.eventTime().compareTo(b.eventTime()))
                        .orElse(null);
                if (end == null || (later.rowId() != event.rowId() && end.rowId() != event.rowId())) {
                    continue;
                }
                findings.add(new Finding(NAME, epc.getKey(), later.rowId(),
                        List.of(end.eventId(), later.eventId()),
                        "EPC " + epc.getKey() + " was seen at " + later.eventTime() + " (event " + later.eventId()
                                + ") after its life ended at " + end.eventTime() + " (event " + end.eventId()
                                + ", " + what(end) + ")"));
            }
        }
        return findings;
    }

    static boolean ends(History.Entry entry) {
        return entry.bizStep() != null && END_STEPS.contains(entry.bizStep())
                || entry.disposition() != null && END_DISPOSITIONS.contains(entry.disposition());
    }

    private static String what(History.Entry end) {
        String term = end.bizStep() != null && END_STEPS.contains(end.bizStep()) ? end.bizStep() : end.disposition();
        int cut = Math.max(term.lastIndexOf('-'), Math.max(term.lastIndexOf(':'), term.lastIndexOf('/')));
        return term.substring(cut + 1);
    }
}
