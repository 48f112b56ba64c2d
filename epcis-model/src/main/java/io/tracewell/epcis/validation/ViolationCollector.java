package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gathers violations up to a limit. A document of a million broken events would otherwise produce a
 * report larger than itself; at the limit the collector stops the validation, and the report ends with
 * one violation that says so.
 */
final class ViolationCollector {

    /** Thrown by {@link #add} when the limit is reached; validators let it end the run. */
    static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super("violation limit reached", null, false, false);
        }
    }

    private final int limit;
    private final List<Violation> violations = new ArrayList<>();
    private boolean limitReached;

    ViolationCollector(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the violation limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    void add(Violation violation) {
        if (violations.size() >= limit) {
            limitReached = true;
            throw new LimitReached();
        }
        violations.add(violation);
    }

    void add(SourceLocation location, String message, String expected) {
        add(new Violation(location, message, expected));
    }

    int limit() {
        return limit;
    }

    int size() {
        return violations.size();
    }

    /**
     * Puts violations with a line and column in document order. The XML pipeline finds some late (an
     * event's rules are checked at its end tag, after the schema errors inside it); readers expect the
     * report to follow the document.
     */
    void sortByPosition() {
        violations.sort(Comparator.comparingInt(ViolationCollector::line).thenComparingInt(ViolationCollector::column));
    }

    private static int line(Violation v) {
        return v.location().line() > 0 ? v.location().line() : Integer.MAX_VALUE;
    }

    private static int column(Violation v) {
        return v.location().line() > 0 ? v.location().column() : Integer.MAX_VALUE;
    }

    List<Violation> result() {
        List<Violation> all = new ArrayList<>(violations);
        if (limitReached) {
            all.add(new Violation(SourceLocation.NONE,
                    "validation stopped after " + limit + " violations; the document may have more",
                    "a document with fewer than " + limit + " violations for a complete report"));
        }
        return List.copyOf(all);
    }
}
