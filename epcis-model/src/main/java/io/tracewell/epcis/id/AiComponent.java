package io.tracewell.epcis.id;

/**
 * One component of an AI's data field, e.g. the 13 digits of a GDTI followed by its optional serial
 * (GS1 General Specifications §3 element string tables).
 *
 * @param name     what the component holds, used in error messages ("GTIN", "GDTI serial")
 * @param set      allowed characters
 * @param min      minimum length (equal to {@code max} for fixed-length components)
 * @param max      maximum length
 * @param optional whether the component may be absent (only at the end of the field)
 * @param rule     extra content rule (check digit, date, ...)
 */
public record AiComponent(String name, CharacterSet set, int min, int max, boolean optional, Rule rule) {

    /** Content rules beyond length and character set. */
    public enum Rule {
        NONE,
        /** Last digit is the GS1 mod-10 check digit (§7.9.1). */
        CHECK_DIGIT,
        /** YYMMDD; DD = 00 means "last day of the month" (§7.12). */
        DATE_YYMMD0,
        /** YYMMDD, DD = 00 not allowed. */
        DATE_YYMMDD,
        /** YYYYMMDD. */
        DATE_YYYYMMDD,
        /** HHMI, 24-hour clock. */
        TIME_HHMI,
        /** HH (hours). */
        TIME_HH,
        /** MI or SS (minutes/seconds 00-59). */
        TIME_MI,
        /** A single digit that must be 0 (the filler digit of AI 8003). */
        ZERO,
        /** No leading zero unless the value is exactly "0" (CPI serial, AI 8011). */
        NO_ZERO_PREFIX,
        /** PPTT: piece number and total count, each 01-99, piece not above total (ITIP, AI 8006/8026). */
        PIECE_OF_TOTAL,
        /** 0 or 1. */
        YES_NO
    }

    public boolean fixedLength() {
        return min == max;
    }
}
