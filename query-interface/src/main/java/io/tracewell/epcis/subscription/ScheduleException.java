package io.tracewell.epcis.subscription;

/**
 * A subscription schedule that cannot be accepted: an unknown field, a field value that is not a list of numbers and
 * {@code [a-b]} ranges in the field's range, no field at all, or fields that together never fire. The message is a
 * full sentence that names the field and quotes its value; {@link #expected()} says what would have been accepted,
 * so the subscription endpoint can answer with both.
 */
public final class ScheduleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expected;

    ScheduleException(String field, String message, String expected) {
        super(message, null, false, false);
        this.field = field;
        this.expected = expected;
    }

    /**
     * The schedule field at fault ({@code second}, {@code minute}, {@code hour}, {@code dayOfMonth}, {@code month},
     * {@code dayOfWeek}), or {@code schedule} when the fault is in the schedule as a whole: unknown field names, no
     * field, or fields that never fire together.
     */
    public String field() {
        return field;
    }

    /** What would have been accepted. */
    public String expected() {
        return expected;
    }
}
