package io.tracewell.epcis.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Objects;

/**
 * A timestamp as EPCIS uses it (xsd:dateTime with a mandatory time zone, EPCIS 2.0 §7.3.1 and §9.5): the offset
 * the capturer wrote is kept so that the value renders back the way it came; equality of instants is
 * {@link #sameInstant}.
 */
public record EpcisTime(OffsetDateTime value) implements Comparable<EpcisTime> {

    /** Accepts any number of fraction digits (up to nanoseconds) and {@code Z} or {@code ±HH:MM}. */
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private static final DateTimeFormatter RENDERER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    public EpcisTime {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses an xsd:dateTime that carries a time zone.
     *
     * @throws IllegalArgumentException with a message that says what was expected
     */
    public static EpcisTime parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected a date-time, found nothing");
        }
        String t = text.strip();
        OffsetDateTime plain = parsePlain(t);
        if (plain != null) {
            return new EpcisTime(plain);
        }
        try {
            return new EpcisTime(OffsetDateTime.parse(t, PARSER));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date-time with time zone such as "
                    + "2024-05-01T10:15:30.000+02:00 or 2024-05-01T08:15:30Z, found '" + text + "'", e);
        }
    }

    /**
     * The common spelling, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} with every field in its ordinary range,
     * read without {@link DateTimeFormatter} (which cost half the time of reading a stored event back); null for
     * anything else, which {@link #PARSER} then decides, so both paths give one answer for every input.
     */
    static OffsetDateTime parsePlain(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month)
                .lengthOfMonth() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(t.charAt(i))) {
                nano = nano * 10 + (t.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || i < n && isDigit(t.charAt(i))) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nano *= 10;
            }
        }
        java.time.ZoneOffset offset;
        if (i == n - 1 && t.charAt(i) == 'Z') {
            offset = java.time.ZoneOffset.UTC;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int oh = digits(t, i + 1, 2);
            int om = digits(t, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || oh == 18 && om > 0) {
                return null;
            }
            int seconds = (oh * 3600 + om * 60) * (t.charAt(i) == '-' ? -1 : 1);
            offset = java.time.ZoneOffset.ofTotalSeconds(seconds);
        } else {
            return null;
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
    }

    /** The decimal number of {@code length} digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String t, int from, int length) {
        int v = 0;
        for (int k = from; k < from + length; k++) {
            char c = t.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static EpcisTime of(Instant instant) {
        return new EpcisTime(instant.atOffset(java.time.ZoneOffset.UTC));
    }

    public Instant instant() {
        return value.toInstant();
    }

    public boolean sameInstant(EpcisTime other) {
        return other != null && value.toInstant().equals(other.value.toInstant());
    }

    @Override
    public int compareTo(EpcisTime o) {
        return value.toInstant().compareTo(o.value.toInstant());
    }

    /** At least millisecond precision, more digits only when the value has them. */
    @Override
    public String toString() {
        String plain = renderPlain(value);
        return plain != null ? plain : RENDERER.format(value);
    }

    /**
     * What {@link #RENDERER} writes, without it, for years 0000-9999 and offsets of whole minutes (null
     * otherwise): {@code yyyy-MM-ddTHH:mm:ss.SSS[more digits while they are not zero](Z|±HH:MM)}.
     */
    static String renderPlain(OffsetDateTime v) {
        int year = v.getYear();
        int offsetSeconds = v.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offsetSeconds % 60 != 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(35);
        pad(sb, year, 4).append('-');
        pad(sb, v.getMonthValue(), 2).append('-');
        pad(sb, v.getDayOfMonth(), 2).append('T');
        pad(sb, v.getHour(), 2).append(':');
        pad(sb, v.getMinute(), 2).append(':');
        pad(sb, v.getSecond(), 2).append('.');
        int nano = v.getNano();
        int digits = 9;
        while (digits > 3 && nano % 10 == 0) {
            nano /= 10;
            digits--;
        }
        pad(sb, nano, digits);
        if (offsetSeconds == 0) {
            return sb.append('Z').toString();
        }
        int minutes = Math.abs(offsetSeconds) / 60;
        sb.append(offsetSeconds < 0 ? '-' : '+');
        pad(sb, minutes / 60, 2).append(':');
        return pad(sb, minutes % 60, 2).toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int k = s.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
