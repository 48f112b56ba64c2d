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
        try {
            return new EpcisTime(OffsetDateTime.parse(text.strip(), PARSER));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date-time with time zone such as "
                    + "2024-05-01T10:15:30.000+02:00 or 2024-05-01T08:15:30Z, found '" + text + "'", e);
        }
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
        return RENDERER.format(value);
    }
}
