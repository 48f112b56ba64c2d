package io.tracewell.epcis.model;

import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/** The event's local time zone offset, {@code ±HH:MM} (EPCIS 2.0 §7.3.1, eventTimeZoneOffset). */
public record TimeZoneOffset(ZoneOffset offset) {
    // §7.3.1: -14:00 to +14:00; the sign is mandatory, "Z" is not allowed in this field.
    private static final Pattern FORMAT = Pattern.compile("[+-](0\\d|1[0-4]):[0-5]\\d");

    public TimeZoneOffset {
        Objects.requireNonNull(offset, "offset");
    }

    public static TimeZoneOffset parse(String text) {
        if (text == null || !FORMAT.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException(
                    "expected a time zone offset +HH:MM or -HH:MM between -14:00 and +14:00, found '" + text + "'");
        }
        String t = text.strip();
        ZoneOffset offset = ZoneOffset.of(t);
        if (Math.abs(offset.getTotalSeconds()) > 14 * 3600) {
            throw new IllegalArgumentException("time zone offset out of range -14:00..+14:00: '" + text + "'");
        }
        return new TimeZoneOffset(offset);
    }

    /** {@code ±HH:MM}; called for every event written, hashed and stored, so built without a formatter. */
    @Override
    public String toString() {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        int hours = abs / 3600;
        int minutes = (abs / 60) % 60;
        return new String(new char[] {seconds < 0 ? '-' : '+', (char) ('0' + hours / 10), (char) ('0' + hours % 10),
                ':', (char) ('0' + minutes / 10), (char) ('0' + minutes % 10)});
    }
}
