package io.tracewell.trace.alert;

import io.tracewell.epcis.cbv.BizStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An EPC commissioned by more than one event: a serial issued twice, or a copied code commissioned again. The
 * trigger is the latest commissioning event (highest row id), so the alert is the same whichever of the events is
 * evaluated first; a third commissioning raises a second alert.
 */
public final class CommissionedTwiceRule implements Rule {

    public static final String NAME = "commissioned-twice";

    private static final String COMMISSIONING = BizStep.COMMISSIONING.uri();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> evaluate(Connection connection, CapturedEvent event) throws SQLException {
        if (!COMMISSIONING.equals(event.bizStep()) || event.epcs().isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, List<History.Entry>> history = History.of(connection, event.epcs());
        for (Map.Entry<String, List<History.Entry>> epc : history.entrySet()) {
            List<History.Entry> commissionings = epc.getValue().stream()
                    .filter(e -> COMMISSIONING.equals(e.bizStep()))
                    .toList();
            if (commissionings.size() < 2) {
                continue;
            }
            History.Entry latest = commissionings.get(commissionings.size() - 1);
            findings.add(new Finding(NAME, epc.getKey(), latest.rowId(),
                    commissionings.stream().map(History.Entry::eventId).toList(),
                    "EPC " + epc.getKey() + " was commissioned " + commissionings.size() + " times; the latest is"
                            + " event " + latest.eventId() + " at " + latest.eventTime()));
        }
        return findings;
    }
}
