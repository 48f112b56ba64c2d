package io.tracewell.epcis.id;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GS1 element string: AIs and values in the order they were given, as scanners deliver them (bracketed
 * {@code (01)...(21)...}, or raw with FNC1/GS separators, optionally preceded by a symbology identifier) or as a
 * GS1 Digital Link URI carries them.
 *
 * @param values the AI values in order; an AI may occur more than once only with the same value
 */
public record ElementString(List<AiValue> values) {

    public ElementString {
        values = List.copyOf(values);
        Map<String, String> seen = new HashMap<>();
        for (AiValue v : values) {
            String previous = seen.putIfAbsent(v.ai(), v.value());
            if (previous != null && !previous.equals(v.value())) {
                throw new IdentifierException("AI " + v.ai() + " occurs twice with different values ("
                        + previous + ", " + v.value() + ")");
            }
        }
    }

    public static ElementString of(AiValue... values) {
        return new ElementString(List.of(values));
    }

    /**
     * Parses bracketed ({@code (01)...}) or raw (FNC1 = ASCII 29 GS) element strings; a leading symbology identifier
     * {@code ]d2}, {@code ]Q3}, {@code ]C1}, {@code ]e0} or {@code ]J1} is accepted and dropped.
     */
    public static ElementString parse(String input) {
        return ElementStringParser.parse(input);
    }

    /** Parses the AIs of a GS1 Digital Link URI: path (primary key, qualifiers) then query data attributes. */
    public static ElementString fromDigitalLink(String uri) {
        return DigitalLink.parse(uri).toElementString();
    }

    public Optional<String> get(String ai) {
        for (AiValue v : values) {
            if (v.ai().equals(ai)) {
                return Optional.of(v.value());
            }
        }
        return Optional.empty();
    }

    public boolean has(String ai) {
        return get(ai).isPresent();
    }

    /** AI 01. */
    public Optional<Gtin> gtin() {
        return get("01").map(Gtin::new);
    }

    /** AI 21. */
    public Optional<String> serial() {
        return get("21");
    }

    /** AI 10. */
    public Optional<String> lot() {
        return get("10");
    }

    /** AI 00. */
    public Optional<Sscc> sscc() {
        return get("00").map(Sscc::of);
    }

    /** AI 414. */
    public Optional<Gln> gln() {
        return get("414").map(Gln::new);
    }

    /** AI 17, resolved with the GS1 century rule; day 00 is the last day of the month. */
    public Optional<LocalDate> expiry() {
        return get("17").map(Gs1Dates::resolve);
    }

    /** AI 15. */
    public Optional<LocalDate> bestBefore() {
        return get("15").map(Gs1Dates::resolve);
    }

    /** AI 11. */
    public Optional<LocalDate> productionDate() {
        return get("11").map(Gs1Dates::resolve);
    }

    /** Bracketed form; '(' inside data is written {@code \(} so that it cannot be taken for an AI. */
    public String toBracketed() {
        StringBuilder sb = new StringBuilder();
        for (AiValue v : values) {
            sb.append('(').append(v.ai()).append(')').append(v.value().replace("(", "\\("));
        }
        return sb.toString();
    }

    /** Raw form with a GS (ASCII 29) after every value that needs a separator and is not last. */
    public String toRaw() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            AiValue v = values.get(i);
            sb.append(v.ai()).append(v.value());
            if (i < values.size() - 1 && v.definition().needsSeparator()) {
                sb.append(ElementStringParser.GS);
            }
        }
        return sb.toString();
    }

    /**
     * The Digital Link on id.gs1.org: primary key and its qualifiers in the path, other AIs as query data attributes.
     *
     * @throws IdentifierException if no AI is a Digital Link primary key
     */
    public String toDigitalLink() {
        return DigitalLink.from(this).toUri();
    }

    /** The EPC-level GS1 key of this element string (see {@link DigitalLink#toKey}); prefix length unknown. */
    public Gs1Key toKey() {
        return toKey(CompanyPrefixLengths.none());
    }

    public Gs1Key toKey(CompanyPrefixLengths lengths) {
        return DigitalLink.from(this).toKey(lengths);
    }

    @Override
    public String toString() {
        return toBracketed();
    }
}
