package io.tracewell.trace.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One alert rule, evaluated for each captured event against the store's history. A rule is symmetric in time:
 * events may become visible out of order (a long capture commits late), so a rule looks at the whole history of
 * the event's EPCs and names as trigger the event that shows the problem, whichever of them is evaluated first.
 */
public interface Rule {

    /** The rule's name, as stored in {@code trace_alert.rule} and used by settings and the API. */
    String name();

    /** What this event, with the history on {@code connection}, shows; empty when all is well. */
    List<Finding> evaluate(Connection connection, CapturedEvent event) throws SQLException;
}
