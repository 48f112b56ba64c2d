package io.tracewell.trace.alert;

import io.tracewell.epcis.cbv.BizStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * EPCs shipped but not received in time: a shipping event older than the allowed duration with no later receiving,
 * accepting or void_shipping event of the same EPC. It depends on the clock rather than on a new event, so it runs
 * periodically instead of per event. The trigger is the shipping event; an EPC already alerted for it is skipped.
 */
public final class ShippedNotReceivedCheck {

    public static final String NAME = "shipped-not-received";

    private static final String SQL = "SELECT e.id, e.event_id, e.event_time, x.canonical_id"
            + " FROM epcis_event e JOIN epcis_event_epc x ON x.event_row_id = e.id"
            + " AND x.role IN (" + History.INSTANCE_ROLES + ")"
            + " WHERE e.biz_step = ? AND e.has_error_declaration = FALSE AND e.event_time < ? AND e.event_time >= ?"
            + " AND NOT EXISTS (SELECT 1 FROM epcis_event_epc y JOIN epcis_event r ON r.id = y.event_row_id"
            + "   WHERE y.canonical_id = x.canonical_id AND y.role IN (" + History.INSTANCE_ROLES + ")"
            + "   AND r.event_time > e.event_time AND r.has_error_declaration = FALSE AND r.biz_step IN (?, ?, ?))"
            + " AND NOT EXISTS (SELECT 1 FROM trace_alert a WHERE a.rule = ? AND a.epc = x.canonical_id"
            + "   AND a.trigger_event_row = e.id)"
            + " ORDER BY e.id LIMIT ?";

    private ShippedNotReceivedCheck() {}

    /** Up to {@code limit} overdue shipments at {@code now}, oldest shipping event first. */
    public static List<Finding> find(Connection connection, Instant now, Duration within, Duration lookback,
                                     int limit) throws SQLException {
        Instant dueBefore = now.minus(within);
        List<Finding> findings = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SQL)) {
            s.setString(1, BizStep.SHIPPING.uri());
            s.setObject(2, LocalDateTime.ofInstant(dueBefore, ZoneOffset.UTC));
            s.setObject(3, LocalDateTime.ofInstant(dueBefore.minus(lookback), ZoneOffset.UTC));
            s.setString(4, BizStep.RECEIVING.uri());
            s.setString(5, BizStep.ACCEPTING.uri());
            s.setString(6, BizStep.VOID_SHIPPING.uri());
            s.setString(7, NAME);
            s.setInt(8, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant shipped = r.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    String epc = r.getString(4);
                    findings.add(new Finding(NAME, epc, r.getLong(1), List.of(r.getString(2)),
                            "EPC " + epc + " was shipped at " + shipped + " (event " + r.getString(2)
                                    + ") and not received within " + within));
                }
            }
        }
        return findings;
    }
}
