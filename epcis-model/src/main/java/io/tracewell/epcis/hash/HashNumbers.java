package io.tracewell.epcis.hash;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Number rendering for the pre-hash (CBV 2.0 event hash ID: numeric values without trailing zeros, without a
 * trailing decimal point and without a leading {@code +}). The rule applies to every value that reads as a
 * decimal number, whatever field or datatype it came in, so that {@code "23.0"} in XML text and {@code 23} in JSON
 * hash alike; as a consequence a string value {@code "007"} renders as {@code 7}.
 */
final class HashNumbers {
    /** xsd:decimal and xsd:double lexical forms without INF/NaN, which JSON numbers are a subset of. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Beyond this many digits a plain rendering would be absurdly long; such a value is hashed as written. */
    private static final int MAX_PLAIN_DIGITS = 1000;

    private HashNumbers() {
    }

    /** The canonical rendering when {@code text} is a number, otherwise {@code null}. */
    static String canonical(String text, HashProfile.NumberStyle style) {
        if (text.isEmpty() || !looksNumeric(text) || !NUMBER.matcher(text).matches()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return style == HashProfile.NumberStyle.EXACT_DECIMAL ? exact(value) : binary(value);
    }

    /** The canonical rendering of a number the model already holds as a decimal. */
    static String canonical(BigDecimal value, HashProfile.NumberStyle style) {
        return style == HashProfile.NumberStyle.EXACT_DECIMAL ? exact(value) : binary(value);
    }

    static String exact(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (Math.abs((long) stripped.scale()) + stripped.precision() > MAX_PLAIN_DIGITS) {
            return stripped.toString();
        }
        return stripped.toPlainString();
    }

    /**
     * The 2025 reference converted through a binary double: whole numbers as the exact integer of the double,
     * others as the shortest decimal that reads back as the same double, in exponent form below 1e-4
     * ({@code 1.5e-05}).
     */
    static String binary(BigDecimal value) {
        double d = value.doubleValue();
        if (Double.isInfinite(d)) {
            return exact(value);
        }
        if (d == Math.rint(d)) {
            return new BigDecimal(d).toBigInteger().toString();
        }
        BigDecimal exactDouble = new BigDecimal(d);
        BigDecimal shortest = exactDouble;
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = exactDouble.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        if (Math.abs(d) >= 1e-4) {
            return shortest.toPlainString();
        }
        // Scientific form d.ddde-XX with at least two exponent digits.
        String unscaled = shortest.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - shortest.scale();
        StringBuilder sb = new StringBuilder();
        if (shortest.signum() < 0) {
            sb.append('-');
        }
        sb.append(unscaled.charAt(0));
        if (unscaled.length() > 1) {
            sb.append('.').append(unscaled, 1, unscaled.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        return sb.append(abs).toString();
    }

    /** Cheap pre-check so that ordinary text skips the regular expression. */
    private static boolean looksNumeric(String text) {
        char c = text.charAt(0);
        return c >= '0' && c <= '9' || c == '.' || c == '+' || c == '-';
    }
}
