package io.tracewell.epcis.id;

import java.util.Objects;

/** Dispatches an identifier string to the EPC URI reader, the Digital Link reader or {@link OtherUri}. */
final class EpcParser {

    private EpcParser() {
    }

    static Epc parse(String value, CompanyPrefixLengths lengths) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(lengths, "lengths");
        // xs:anyURI collapses surrounding whitespace (XML Schema Part 2, §3.2.17), so EPCIS values may carry it.
        String s = value.strip();
        int lead = s.isEmpty() ? 0 : value.indexOf(s.charAt(0));
        try {
            return parseStripped(s, lengths);
        } catch (IdentifierException e) {
            if (lead == 0 || e.position().isEmpty()) {
                throw e;
            }
            throw new IdentifierException(e.detail(), value, e.position().getAsInt() + lead);
        }
    }

    private static Epc parseStripped(String s, CompanyPrefixLengths lengths) {
        if (s.isEmpty()) {
            throw new IdentifierException("empty identifier", s, 0);
        }
        if (s.regionMatches(true, 0, "urn:epc:", 0, 8)) {
            Epc epc = EpcUrns.parse(s, true);
            if (lengths.learning() && epc instanceof Gs1Key key) {
                lengths.learn(key);
            }
            return epc;
        }
        if (s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                return DigitalLink.parse(s).toKey(lengths);
            } catch (IdentifierException e) {
                // On id.gs1.org the URI can only mean a GS1 key; elsewhere it may be any web address, which EPCIS
                // accepts as an identifier of its own (kept unchanged, not translated).
                if (DigitalLink.onGs1Host(s)) {
                    throw e;
                }
            }
        }
        try {
            return new OtherUri(s);
        } catch (IdentifierException e) {
            throw e.relocate(s, 0);
        }
    }
}
