package io.tracewell.trace.verify;

import io.tracewell.epcis.id.ElementString;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.Sgtin;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A code as a scanner or a phone reads it from a pack: a GS1 element string (raw with FNC1/GS separators, optionally
 * after a symbology identifier such as {@code ]d2}, or human-readable {@code (01)...(21)...}) or a GS1 Digital Link
 * URI. Verification needs an instance, so the code must carry a GTIN (AI 01) and a serial (AI 21); the lot (AI 10)
 * and expiry (AI 17) are compared with what the repository holds when they are there.
 *
 * @param sgtin    the pack's serialised GTIN
 * @param epc      its canonical identifier, the form the store indexes by
 * @param lot      AI 10, when the code carries it
 * @param expiry   AI 17 as a date (day 00 is the month's last day), when the code carries it
 */
public record ScannedCode(Sgtin sgtin, String epc, Optional<String> lot, Optional<LocalDate> expiry) {

    static final String EXPECTED = "a GS1 element string with (01) GTIN and (21) serial, e.g."
            + " (01)09506000134352(17)280630(10)L1(21)ABC, raw with GS separators, or a GS1 Digital Link such as"
            + " https://id.gs1.org/01/09506000134352/10/L1/21/ABC";

    public ScannedCode {
        Objects.requireNonNull(sgtin, "sgtin");
        Objects.requireNonNull(epc, "epc");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(expiry, "expiry");
    }

    /**
     * Reads a scanned code.
     *
     * @throws BadCodeException naming what is wrong with it
     */
    public static ScannedCode parse(String text) {
        String code = text == null ? "" : trim(text);
        if (code.isEmpty()) {
            throw new BadCodeException("the code is empty", EXPECTED);
        }
        String lower = code.toLowerCase(Locale.ROOT);
        boolean uri = lower.startsWith("https://") || lower.startsWith("http://");
        ElementString elements;
        try {
            elements = uri ? ElementString.fromDigitalLink(code) : ElementString.parse(code);
        } catch (IdentifierException e) {
            throw new BadCodeException((uri ? "the code is not a GS1 Digital Link: " : "the code is not a GS1"
                    + " element string: ") + e.getMessage(), EXPECTED);
        }
        return of(elements);
    }

    /** The code of parsed AI values. */
    static ScannedCode of(ElementString elements) {
        try {
            Gtin gtin = elements.gtin().orElseThrow(() -> new BadCodeException(
                    "the code carries no GTIN (AI 01)", EXPECTED));
            String serial = elements.serial().orElseThrow(() -> new BadCodeException(
                    "the code carries no serial number (AI 21), so it names a product, not a pack", EXPECTED));
            Sgtin sgtin = Sgtin.of(gtin, serial);
            return new ScannedCode(sgtin, Epc.canonicalOf(sgtin.toDigitalLink()), elements.lot(),
                    elements.expiry());
        } catch (IdentifierException e) {
            throw new BadCodeException("the code's values are not valid: " + e.getMessage(), EXPECTED);
        }
    }

    /** Removes spaces and line ends around the code, never a GS separator (which Java counts as white space). */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
