package io.tracewell.epcis.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * When a scheduled query subscription runs (EPCIS 1.2 §8.2.5.3, unchanged in 2.0): the six optional fields
 * {@code second} (0-59), {@code minute} (0-59), {@code hour} (0-23), {@code dayOfMonth} (1-31), {@code month} (1-12)
 * and {@code dayOfWeek} (1-7, 1 = Monday).
 *
 * <h2>Syntax</h2>
 * Each value is a comma-separated list of elements, each a number or a range {@code [a-b]} in square brackets with
 * {@code a <= b}: {@code "0,30"}, {@code "[8-17]"}, {@code "0,[10-12],45"}. No whitespace is allowed anywhere in a
 * value, numbers carry no sign (leading zeros are accepted: {@code "05"} is 5), elements may repeat or overlap, and a
 * value has at most {@value #MAX_VALUE_LENGTH} characters. Cron syntax ({@code *}, {@code 0/30}, {@code 1-5} without
 * brackets) is not EPCIS syntax and is rejected with a {@link ScheduleException} that says what to write instead.
 *
 * <h2>Meaning</h2>
 * The schedule fires at every whole second whose wall-clock time matches all fields (a logical AND, also between
 * {@code dayOfMonth} and {@code dayOfWeek} when both are given, unlike cron, where they would be ORed).
 *
 * <p><b>Omitted fields.</b> The fields are ordered from finest to coarsest: second, minute, hour, then the calendar
 * fields dayOfMonth, dayOfWeek and month, which all count as coarser than hour.
 * <ul>
 *   <li>An omitted field finer than the finest field given takes its minimum value: second 0, minute 0, hour 0.
 *       So {@code {hour:"1", minute:"5"}} fires once a day at 01:05:00, and {@code {minute:"0,30"}} fires at
 *       hh:00:00 and hh:30:00.</li>
 *   <li>An omitted field coarser than the finest field given matches any value. So {@code {minute:"0,30"}} runs
 *       every hour of every day, and {@code {hour:"1", second:"5"}} fires at 01:mm:05 for every minute mm.</li>
 *   <li>When only calendar fields are given, second, minute and hour are all 0: {@code {dayOfWeek:"1"}} fires every
 *       Monday at midnight, {@code {month:"1"}} at midnight on every day of January. Omitted calendar fields always
 *       match any value.</li>
 * </ul>
 * A schedule without any field is rejected, and so is one whose dayOfMonth and month never meet (dayOfMonth 31 with
 * month 2,4: "never fires"), and one with a field name other than the six. 29 February is accepted: it fires in leap
 * years.
 *
 * <h2>Time</h2>
 * {@link #next} evaluates the fields in the wall-clock time of a zone. A wall time that does not exist in the zone
 * (the hour skipped when clocks go forward) does not fire on that day; a wall time that occurs twice (when clocks go
 * back) fires once, at its first occurrence (the earlier offset). {@code next} looks through the wall-clock dates up
 * to {@value #HORIZON_YEARS} years ahead and is empty only when nothing fires in that window, which can happen for
 * 29 February on a given weekday (across a century year that is not a leap year such dates can lie more than
 * {@value #HORIZON_YEARS} years apart) or when every matching wall time of the window is skipped by the zone.
 *
 * <p>Two schedules are equal when they were given the same fields with the same text, as {@link #fields()} returns
 * them; schedules written differently are not equal even when they fire at the same instants.
 */
public final class QuerySchedule {

    /** The longest value a field may have: far more than any sensible list, little enough to echo back. */
    public static final int MAX_VALUE_LENGTH = 200;

    /** How many years of wall-clock dates {@link #next} looks through. */
    public static final int HORIZON_YEARS = 30;

    /** The whole-schedule pseudo field of {@link ScheduleException#field()}. */
    private static final String SCHEDULE = "schedule";

    /** The oldest and newest {@code after} that {@link #next} can handle without leaving the ISO calendar. */
    private static final Instant EARLIEST = LocalDate.MIN.plusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LATEST =
            LocalDate.MAX.minusYears(HORIZON_YEARS + 1L).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** The six fields in their canonical order, finest first, with their ranges and examples for messages. */
    private enum Field {
        SECOND("second", 0, 59, "0,30", "[0-5]"),
        MINUTE("minute", 0, 59, "0,30", "[0-5]"),
        HOUR("hour", 0, 23, "8,17", "[8-17]"),
        DAY_OF_MONTH("dayOfMonth", 1, 31, "1,15", "[1-7]"),
        MONTH("month", 1, 12, "1,7", "[3-5]"),
        DAY_OF_WEEK("dayOfWeek", 1, 7, "6,7", "[1-5]");

        final String key;
        final int min;
        final int max;
        final String example;
        final String rangeExample;

        Field(String key, int min, int max, String example, String rangeExample) {
            this.key = key;
            this.min = min;
            this.max = max;
            this.example = example;
            this.rangeExample = rangeExample;
        }

        /** Every value of the field. */
        long all() {
            return (-1L >>> (63 - max)) & (-1L << min);
        }

        boolean isTimeOfDay() {
            return this == SECOND || this == MINUTE || this == HOUR;
        }

        /** The phrase of the messages: "a list of numbers 0-59 or [a-b] ranges, e.g. ...". */
        String listPhrase() {
            return "a list of numbers " + min + "-" + max + " or [a-b] ranges, e.g. \"" + example + "\" or \""
                    + rangeExample + "\"";
        }

        String expected() {
            return "a comma-separated list, without spaces and of at most " + MAX_VALUE_LENGTH
                    + " characters, of numbers " + min + "-" + max + (this == DAY_OF_WEEK ? " (1 = Monday)" : "")
                    + " and ranges [a-b] with a <= b, e.g. \"" + example + "\" or \"" + rangeExample + "\"";
        }

        static String names() {
            StringJoiner names = new StringJoiner(", ");
            for (Field field : values()) {
                names.add(field.key);
            }
            return names.toString();
        }
    }

    private final Map<String, String> given;
    private final long seconds;
    private final long minutes;
    private final long hours;
    private final long daysOfMonth;
    private final long months;
    private final long daysOfWeek;

    private QuerySchedule(Map<String, String> given, long[] masks) {
        this.given = given;
        this.seconds = masks[Field.SECOND.ordinal()];
        this.minutes = masks[Field.MINUTE.ordinal()];
        this.hours = masks[Field.HOUR.ordinal()];
        this.daysOfMonth = masks[Field.DAY_OF_MONTH.ordinal()];
        this.months = masks[Field.MONTH.ordinal()];
        this.daysOfWeek = masks[Field.DAY_OF_WEEK.ordinal()];
    }

    /**
     * Reads a schedule from its fields as they come in a subscription request.
     *
     * @param fields the fields by name ({@code second}, {@code minute}, {@code hour}, {@code dayOfMonth},
     *               {@code month}, {@code dayOfWeek}); a {@code null} value counts as omitted
     * @throws ScheduleException for an unknown field name, a malformed or out-of-range value, a schedule without
     *                           any field, or one that never fires
     */
    public static QuerySchedule parse(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        rejectUnknown(fields);
        Map<String, String> given = new LinkedHashMap<>();
        long[] masks = new long[Field.values().length];
        Field finestTime = null;
        for (Field field : Field.values()) {
            String value = fields.get(field.key);
            if (value == null) {
                continue;
            }
            given.put(field.key, value);
            masks[field.ordinal()] = parseValue(field, value);
            if (finestTime == null && field.isTimeOfDay()) {
                finestTime = field;
            }
        }
        if (given.isEmpty()) {
            throw new ScheduleException(SCHEDULE, "schedule: has none of the fields " + Field.names()
                    + "; give at least one.", "at least one of " + Field.names());
        }
        for (Field field : Field.values()) {
            if (given.containsKey(field.key)) {
                continue;
            }
            boolean finer = field.isTimeOfDay() && (finestTime == null || field.ordinal() < finestTime.ordinal());
            masks[field.ordinal()] = finer ? 1L << field.min : field.all();
        }
        rejectNeverFiring(given, masks);
        return new QuerySchedule(Collections.unmodifiableMap(given), masks);
    }

    /**
     * The first instant strictly after {@code after} at which the schedule fires, evaluated in the wall-clock time of
     * {@code zone}; always a whole second.
     *
     * @return the instant, or empty when nothing fires within {@value #HORIZON_YEARS} years of wall-clock dates
     * @throws IllegalArgumentException when {@code after} is so far from today that the search would leave the ISO
     *                                  calendar (more than about a billion years)
     */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(zone, "zone");
        if (after.isBefore(EARLIEST) || after.isAfter(LATEST)) {
            throw new IllegalArgumentException("after " + after + " is outside " + EARLIEST + " to " + LATEST);
        }
        ZoneRules rules = zone.getRules();
        Instant start = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        LocalDateTime from = firstWallTimeNotBefore(start, rules);
        LocalDate lastDate = from.toLocalDate().plusYears(HORIZON_YEARS);
        while (true) {
            LocalDateTime candidate = nextMatch(from, lastDate);
            if (candidate == null) {
                return Optional.empty();
            }
            ZoneOffsetTransition transition = rules.getTransition(candidate);
            if (transition == null) {
                return Optional.of(candidate.toInstant(rules.getOffset(candidate)));
            }
            if (transition.isOverlap()) {
                return Optional.of(candidate.toInstant(transition.getOffsetBefore()));
            }
            from = transition.getDateTimeAfter();
        }
    }

    /**
     * The fields as given, for echoing back: in the order second, minute, hour, dayOfMonth, month, dayOfWeek, only
     * those given, with their text unchanged.
     */
    public Map<String, String> fields() {
        return given;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuerySchedule schedule && given.equals(schedule.given);
    }

    @Override
    public int hashCode() {
        return given.hashCode();
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "QuerySchedule{", "}");
        given.forEach((key, value) -> text.add(key + "=\"" + value + "\""));
        return text.toString();
    }

    /**
     * The earliest wall time whose firing instant is not before {@code start}. That is the wall time of
     * {@code start}, except during the second pass through a repeated hour: those wall times fired on the first pass,
     * so the search goes on from the end of the repeated hour.
     */
    private static LocalDateTime firstWallTimeNotBefore(Instant start, ZoneRules rules) {
        ZoneOffset offset = rules.getOffset(start);
        LocalDateTime local = LocalDateTime.ofEpochSecond(start.getEpochSecond(), 0, offset);
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null && transition.isOverlap() && offset.equals(transition.getOffsetAfter())) {
            return transition.getDateTimeBefore();
        }
        return local;
    }

    /** The first wall time at or after {@code from}, on a date up to {@code lastDate}, that all fields match. */
    private LocalDateTime nextMatch(LocalDateTime from, LocalDate lastDate) {
        LocalDate date = from.toLocalDate();
        int fromSecond = from.toLocalTime().toSecondOfDay();
        while (!date.isAfter(lastDate)) {
            if (!has(months, date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1);
                fromSecond = 0;
                continue;
            }
            if (has(daysOfMonth, date.getDayOfMonth()) && has(daysOfWeek, date.getDayOfWeek().getValue())) {
                LocalTime time = firstTimeOfDay(fromSecond);
                if (time != null) {
                    return date.atTime(time);
                }
            }
            date = date.plusDays(1);
            fromSecond = 0;
        }
        return null;
    }

    /** The first time of day at or after {@code fromSecond} (second of the day) that hour, minute and second match. */
    private LocalTime firstTimeOfDay(int fromSecond) {
        int h0 = fromSecond / 3600;
        int m0 = fromSecond / 60 % 60;
        int s0 = fromSecond % 60;
        for (int h = nextBit(hours, h0); h >= 0; h = nextBit(hours, h + 1)) {
            for (int m = nextBit(minutes, h == h0 ? m0 : 0); m >= 0; m = nextBit(minutes, m + 1)) {
                int s = nextBit(seconds, h == h0 && m == m0 ? s0 : 0);
                if (s >= 0) {
                    return LocalTime.of(h, m, s);
                }
            }
        }
        return null;
    }

    private static boolean has(long mask, int value) {
        return (mask >>> value & 1L) != 0;
    }

    /** The lowest value at or above {@code from} in {@code mask}, or -1. */
    private static int nextBit(long mask, int from) {
        if (from >= Long.SIZE) {
            return -1;
        }
        long rest = mask & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    private static void rejectUnknown(Map<String, String> fields) {
        List<String> unknown = new ArrayList<>();
        for (String key : fields.keySet()) {
            if (key == null || !isField(key)) {
                unknown.add(quote(String.valueOf(key)));
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Collections.sort(unknown);
        throw new ScheduleException(SCHEDULE, "schedule: unknown field" + (unknown.size() == 1 ? " " : "s ")
                + String.join(", ", unknown) + "; the fields of a schedule are " + Field.names() + ".",
                "only the fields " + Field.names());
    }

    private static boolean isField(String key) {
        for (Field field : Field.values()) {
            if (field.key.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Rejects a dayOfMonth and month that never meet; the weekday cannot prevent firing, every date has them all. */
    private static void rejectNeverFiring(Map<String, String> given, long[] masks) {
        long days = masks[Field.DAY_OF_MONTH.ordinal()];
        long monthMask = masks[Field.MONTH.ordinal()];
        for (int month = nextBit(monthMask, 1); month >= 0; month = nextBit(monthMask, month + 1)) {
            int length = Month.of(month).maxLength();
            if ((days & (-1L >>> (63 - length))) != 0) {
                return;
            }
        }
        throw new ScheduleException(SCHEDULE, "schedule: never fires: none of the days in dayOfMonth "
                + quote(given.get(Field.DAY_OF_MONTH.key)) + " occurs in the months in month "
                + quote(given.get(Field.MONTH.key)) + ".",
                "a dayOfMonth and a month that meet on at least one date"
                        + " (29 February counts, it occurs in leap years)");
    }

    private static long parseValue(Field field, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw invalid(field, value, "it has " + value.length() + " characters, more than the " + MAX_VALUE_LENGTH
                    + " a schedule field may have");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw invalid(field, value, "it contains whitespace, which is not allowed anywhere in the value");
            }
        }
        if (value.isEmpty()) {
            throw invalid(field, value, "it is empty");
        }
        String[] elements = value.split(",", -1);
        long mask = 0;
        for (int i = 0; i < elements.length; i++) {
            if (elements[i].isEmpty()) {
                throw invalid(field, value, "element " + (i + 1) + " of " + elements.length + " is empty");
            }
            mask |= parseElement(field, value, elements[i]);
        }
        return mask;
    }

    private static long parseElement(Field field, String value, String element) {
        if (element.charAt(0) == '[') {
            return parseRange(field, value, element);
        }
        if (isSign(element.charAt(0))) {
            throw invalid(field, value, "element " + quote(element)
                    + " has a sign; numbers are written without '+' or '-'");
        }
        if (isDigits(element)) {
            return 1L << number(field, value, element, element);
        }
        int dash = element.indexOf('-');
        if (dash > 0 && isDigits(element.substring(0, dash)) && isDigits(element.substring(dash + 1))) {
            throw invalid(field, value, "element " + quote(element) + " is a range without square brackets; write "
                    + quote("[" + element + "]"));
        }
        if (element.chars().anyMatch(c -> c == '*' || c == '/' || c == '?' || c == '#')) {
            throw invalid(field, value, "element " + quote(element)
                    + " is cron syntax, which EPCIS schedules do not use");
        }
        throw invalid(field, value, "element " + quote(element) + " is neither a number nor a range [a-b]");
    }

    private static long parseRange(Field field, String value, String element) {
        boolean closed = element.length() >= 2 && element.endsWith("]");
        String inner = closed ? element.substring(1, element.length() - 1) : "";
        // the dash between the numbers; a sign in front of the first number is not it
        int dash = inner.indexOf('-', !inner.isEmpty() && isSign(inner.charAt(0)) ? 1 : 0);
        if (dash >= 0) {
            String low = inner.substring(0, dash);
            String high = inner.substring(dash + 1);
            if ((!low.isEmpty() && isSign(low.charAt(0))) || (!high.isEmpty() && isSign(high.charAt(0)))) {
                throw invalid(field, value, "range " + quote(element)
                        + " has a sign; numbers are written without '+' or '-'");
            }
            if (isDigits(low) && isDigits(high)) {
                int a = number(field, value, low, element);
                int b = number(field, value, high, element);
                if (a > b) {
                    throw invalid(field, value, "range " + quote(element) + " runs backwards; its start " + a
                            + " must not be greater than its end " + b);
                }
                return (-1L >>> (63 - b)) & (-1L << a);
            }
        }
        throw invalid(field, value, "element " + quote(element) + " is not a range [a-b] of two numbers, e.g. "
                + quote(field.rangeExample));
    }

    /** The value of a run of ASCII digits, checked against the field's range. */
    private static int number(Field field, String value, String digits, String element) {
        int n = 0;
        for (int i = 0; i < digits.length() && n <= field.max; i++) {
            n = n * 10 + (digits.charAt(i) - '0');
        }
        if (n < field.min || n > field.max) {
            String where = digits.equals(element) ? "element " + quote(element) : quote(digits) + " in range "
                    + quote(element);
            throw invalid(field, value, where + " is outside " + field.min + "-" + field.max);
        }
        return n;
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-';
    }

    private static ScheduleException invalid(Field field, String value, String reason) {
        return new ScheduleException(field.key, field.key + ": " + quote(value) + " is not " + field.listPhrase() + "; "
                + reason + ".", field.expected());
    }

    /**
     * The text in double quotes for a message: quotes, backslashes and control characters escaped, cut after 40
     * characters so that an over-long value does not flood the message.
     */
    private static String quote(String text) {
        int shown = Math.min(text.length(), 40);
        StringBuilder quoted = new StringBuilder(shown + 8).append('"');
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        if (shown < text.length()) {
            quoted.append('…');
        }
        return quoted.append('"').toString();
    }
}
