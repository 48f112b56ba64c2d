package io.tracewell.epcis.hash;

import io.tracewell.epcis.model.EpcisTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamp rendering for the pre-hash (CBV 2.0 event hash ID): UTC, {@code YYYY-MM-DDThh:mm:ss.sssZ}, exactly
 * three fraction digits. More digits are rounded half-up on the fourth ({@code 03.1415Z} → {@code 03.142Z}); the
 * 2025 reference dropped digits beyond microseconds and rounded the microseconds half-even.
 */
final class HashTimestamps {
    private HashTimestamps() {
    }

    static String render(EpcisTime time, HashProfile.TimeRounding rounding) {
        Instant instant = time.instant();
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        int millis;
        if (rounding == HashProfile.TimeRounding.HALF_UP) {
            millis = (nanos + 500_000) / 1_000_000;
        } else {
            int micros = nanos / 1_000;
            millis = micros / 1_000;
            int rest = micros % 1_000;
            if (rest > 500 || rest == 500 && millis % 2 == 1) {
                millis++;
            }
        }
        if (millis == 1_000) {
            seconds++;
            millis = 0;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(24);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            // Outside xsd:dateTime's four-digit years: render as java.time does; such times do not occur in EPCIS.
            sb.append(year);
        } else {
            pad(sb, year, 4);
        }
        sb.append('-');
        pad(sb, t.getMonthValue(), 2);
        sb.append('-');
        pad(sb, t.getDayOfMonth(), 2);
        sb.append('T');
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        sb.append(':');
        pad(sb, t.getSecond(), 2);
        sb.append('.');
        pad(sb, millis, 3);
        return sb.append('Z').toString();
    }

    private static void pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
