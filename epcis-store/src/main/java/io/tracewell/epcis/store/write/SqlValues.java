package io.tracewell.epcis.store.write;

import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.model.EpcisTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Conversions from model values to the column forms of the schema (docs/store.md, "Value columns"). */
final class SqlValues {

    /** DECIMAL(65,20): 45 integer digits, 20 fraction digits. */
    static final int DECIMAL_SCALE = 20;
    private static final int DECIMAL_INTEGER_DIGITS = 45;
    /** The indexed prefix of extension string values; longer values are compared against the JSON. */
    static final int FIELD_STRING_LENGTH = 1024;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final LocalDateTime MIN_DATETIME = LocalDateTime.of(1000, 1, 1, 0, 0);
    private static final LocalDateTime MAX_DATETIME = LocalDateTime.of(9999, 12, 31, 23, 59, 59);

    private SqlValues() {}

    /** The UTC wall-clock time a DATETIME(6) column holds, or null outside DATETIME's range. */
    static LocalDateTime utc(EpcisTime time) {
        if (time == null) {
            return null;
        }
        LocalDateTime utc = LocalDateTime.ofInstant(time.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return utc.isBefore(MIN_DATETIME) || utc.isAfter(MAX_DATETIME) ? null : utc;
    }

    /** The value rounded to the column's scale, or null when its integer part does not fit. */
    static BigDecimal decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal scaled = value.scale() > DECIMAL_SCALE ? value.setScale(DECIMAL_SCALE, RoundingMode.HALF_EVEN)
                : value;
        return scaled.precision() - scaled.scale() > DECIMAL_INTEGER_DIGITS ? null : scaled;
    }

    /** An extension's lexical value read as a number (xsd:decimal/double forms), or null. */
    static BigDecimal number(String lexical) {
        String s = lexical.strip();
        if (!NUMBER.matcher(s).matches()) {
            return null;
        }
        try {
            return decimal(new BigDecimal(s));
        } catch (NumberFormatException | ArithmeticException e) {
            return null; // exponent beyond BigDecimal's range: not indexable as a number
        }
    }

    /** An extension's lexical value read as a date-time with offset, or null. */
    static LocalDateTime time(String lexical) {
        if (lexical.length() < 20 || lexical.charAt(4) != '-') {
            return null;
        }
        try {
            return utc(EpcisTime.parse(lexical));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** xsd:boolean's two word forms; "1"/"0" stay numbers. */
    static Boolean bool(String lexical) {
        String s = lexical.strip();
        if (s.equals("true")) {
            return Boolean.TRUE;
        }
        return s.equals("false") ? Boolean.FALSE : null;
    }

    static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /**
     * The index form of an identifier (docs/identifiers.md). An identifier the parser rejects is indexed
     * as written: validation is the capture interface's task, and the store must not lose an event it is given.
     */
    static String canonical(String identifier) {
        try {
            return Epc.canonicalOf(identifier);
        } catch (IdentifierException e) {
            return identifier;
        }
    }
}
