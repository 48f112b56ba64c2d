package io.tracewell.epcis.subscription;

import io.tracewell.epcis.model.EpcisTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The query-string controls of a WebSocket subscription ({@code GET /queries/{name}/events} with
 * {@code Upgrade: websocket}, EPCIS 2.0 REST binding), read and checked by our own rules:
 * <ul>
 *   <li>{@code stream=true}, or at least one of the schedule fields {@code second}, {@code minute}, {@code hour},
 *       {@code dayOfMonth}, {@code month}, {@code dayOfWeek} ({@link QuerySchedule}), never both;
 *       {@code stream=false} counts as not given;</li>
 *   <li>{@code reportIfEmpty=true|false}, with a schedule only;</li>
 *   <li>{@code initialRecordTime}, a date-time with a time zone (default: now). A {@code +} in its offset has to be
 *       sent as {@code %2B}; a space in its place (what an unencoded {@code +} decodes to) is read as {@code +}.</li>
 * </ul>
 * Every other parameter, and any parameter given twice, is refused, so that a misspelt control never silently
 * turns into a different subscription.
 *
 * @param schedule          null for a streaming subscription
 * @param initialRecordTime to the microsecond, as the database keeps record times
 */
record WebSocketControls(QuerySchedule schedule, boolean reportIfEmpty, Instant initialRecordTime) {

    static final String STREAM = "stream";
    static final String REPORT_IF_EMPTY = "reportIfEmpty";
    static final String INITIAL_RECORD_TIME = "initialRecordTime";
    static final List<String> SCHEDULE_FIELDS = List.of("second", "minute", "hour", "dayOfMonth", "month",
            "dayOfWeek");
    static final List<String> PARAMETERS = List.of(STREAM, "second", "minute", "hour", "dayOfMonth", "month",
            "dayOfWeek", REPORT_IF_EMPTY, INITIAL_RECORD_TIME);

    /** Controls that cannot be accepted: the parameter at fault, why (naming it), and what was expected. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String parameter;
        private final String expected;

        Invalid(String parameter, String message, String expected) {
            super(message, null, false, false);
            this.parameter = parameter;
            this.expected = expected;
        }

        String parameter() {
            return parameter;
        }

        String expected() {
            return expected;
        }
    }

    WebSocketControls {
        Objects.requireNonNull(initialRecordTime, "initialRecordTime");
    }

    boolean stream() {
        return schedule == null;
    }

    /**
     * Reads the controls from the decoded query string.
     *
     * @param parameters every query parameter with all its values, in the order given
     * @param now        the default {@code initialRecordTime}
     * @throws Invalid for the first fault found
     */
    static WebSocketControls read(Map<String, List<String>> parameters, Instant now) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (!PARAMETERS.contains(p.getKey())) {
                throw new Invalid(p.getKey(), "the query parameter " + p.getKey() + " is not a subscription"
                        + " control", "only the parameters " + String.join(", ", PARAMETERS));
            }
            if (p.getValue().size() > 1) {
                throw new Invalid(p.getKey(), "the query parameter " + p.getKey() + " is given "
                        + p.getValue().size() + " times", p.getKey() + " at most once");
            }
        }
        boolean stream = false;
        String s = single(parameters, STREAM);
        if (s != null) {
            stream = bool(STREAM, s, "stream=true, for a streaming subscription");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : SCHEDULE_FIELDS) {
            String v = single(parameters, field);
            if (v != null) {
                fields.put(field, v);
            }
        }
        if (stream && !fields.isEmpty()) {
            throw new Invalid(STREAM, "stream=true was given with the schedule field(s) "
                    + String.join(", ", fields.keySet()) + "; a subscription streams or has a schedule, not both",
                    "either stream=true or schedule fields such as minute=0,30");
        }
        if (!stream && fields.isEmpty()) {
            throw new Invalid(STREAM, "the request has neither stream=true nor a schedule field ("
                    + String.join(", ", SCHEDULE_FIELDS) + ")",
                    "either stream=true or schedule fields such as minute=0,30 (streaming must be asked for)");
        }
        QuerySchedule schedule = null;
        if (!fields.isEmpty()) {
            try {
                schedule = QuerySchedule.parse(fields);
            } catch (ScheduleException e) {
                String parameter = SCHEDULE_FIELDS.contains(e.field()) ? e.field()
                        : String.join(", ", fields.keySet());
                throw new Invalid(parameter, "the schedule is not valid: " + e.getMessage(), e.expected());
            }
        }
        boolean reportIfEmpty = false;
        String r = single(parameters, REPORT_IF_EMPTY);
        if (r != null) {
            if (stream) {
                throw new Invalid(REPORT_IF_EMPTY, "reportIfEmpty applies to scheduled subscriptions only; a"
                        + " streaming one reports when there are events", "no reportIfEmpty with stream=true");
            }
            reportIfEmpty = bool(REPORT_IF_EMPTY, r, "reportIfEmpty=true or reportIfEmpty=false");
        }
        Instant initial = now;
        String i = single(parameters, INITIAL_RECORD_TIME);
        if (i != null) {
            try {
                initial = EpcisTime.parse(i.replace(' ', '+')).instant();
            } catch (IllegalArgumentException e) {
                throw new Invalid(INITIAL_RECORD_TIME, "the query parameter initialRecordTime \"" + i
                        + "\" is not a date-time with a time zone", "a date-time such as 2024-05-01T08:15:30Z or"
                        + " 2024-05-01T10:15:30.000%2B02:00 (a + of the offset written %2B)");
            }
        }
        return new WebSocketControls(schedule, reportIfEmpty, initial.truncatedTo(ChronoUnit.MICROS));
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean bool(String parameter, String value, String expected) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid(parameter, "the query parameter " + parameter + " is \"" + value
                    + "\", not true or false", expected);
        };
    }
}
