package io.tracewell.epcis.format.xml;

import java.util.function.Function;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.TimeZoneOffset;
import java.math.BigDecimal;

/** Typed values from XML text, with errors that say where and what was expected. */
final class XmlValues {
    static final String DATE_TIME_EXPECTED = "an xsd:dateTime with time zone, such as 2024-05-01T10:15:30.000+02:00 "
            + "or 2024-05-01T08:15:30Z";

    private XmlValues() {
    }

    /**
     * A CBV value from its XML text: a URN, Web URI or bare word of a standard term, or any other absolute URI.
     * {@code parse} is the vocabulary's {@code of}.
     */
    static <T> T cbv(SourceLocation at, String field, String text, Function<String, T> parse) {
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException(at, field + ": " + e.getMessage(),
                    "a term of the CBV vocabulary (URN, Web URI or bare word) or an absolute URI", e);
        }
    }

    static EpcisTime dateTime(SourceLocation at, String field, String text) {
        try {
            return EpcisTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException(at, field + " '" + text + "' is not a valid date-time",
                    DATE_TIME_EXPECTED, e);
        }
    }

    static TimeZoneOffset offset(SourceLocation at, String text) {
        try {
            return TimeZoneOffset.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException(at, "eventTimeZoneOffset '" + text + "' is not a valid time zone offset",
                    "+HH:MM or -HH:MM between -14:00 and +14:00 (EPCIS 2.0 §7.3.1)", e);
        }
    }

    /**
     * A number from an xsd:double field (quantity, sensor values). The lexical forms that are not decimal numbers
     * ({@code INF}, {@code NaN}) are refused: the model keeps the scale of the value as a {@link BigDecimal}.
     */
    static BigDecimal decimal(SourceLocation at, String field, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new EpcisFormatException(at, field + " '" + text + "' is not a number",
                    "a decimal number such as 200, 3.5 or 1.2E3", e);
        }
    }

    static Boolean bool(SourceLocation at, String field, String text) {
        switch (text.strip()) {
            case "true":
            case "1":
                return Boolean.TRUE;
            case "false":
            case "0":
                return Boolean.FALSE;
            default:
                throw new EpcisFormatException(at, field + " '" + text + "' is not a boolean", "true or false");
        }
    }
}
