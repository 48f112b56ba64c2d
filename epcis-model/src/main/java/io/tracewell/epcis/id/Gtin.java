package io.tracewell.epcis.id;

import java.util.Objects;

/**
 * A Global Trade Item Number, held as GTIN-14 (GTIN-8/12/13 are left-padded with zeros, GS1 General Specifications,
 * GTIN). The check digit is always valid.
 */
public record Gtin(String value) {

    public Gtin {
        Objects.requireNonNull(value, "value");
        Keys.checkNumericKey("GTIN", value, 14, Loc.NONE);
    }

    /** Accepts a GTIN-8, -12, -13 or -14 and pads it to 14 digits. */
    public static Gtin parse(String digits) {
        Objects.requireNonNull(digits, "digits");
        int n = digits.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            throw new IdentifierException("GTIN must be 8, 12, 13 or 14 digits, found " + n);
        }
        String padded = "00000000000000".substring(n) + digits;
        return new Gtin(padded);
    }

    /** The indicator digit (first digit of the GTIN-14). */
    public char indicator() {
        return value.charAt(0);
    }

    @Override
    public String toString() {
        return value;
    }
}
