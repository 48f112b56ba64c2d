package io.tracewell.epcis.hash;

import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.IdentifierException;
import java.util.Optional;

/**
 * The identifier normaliser of the hash, on top of the project's identifier package: a GS1 key written as EPC URI
 * or Digital Link (any host, short names, extra qualifiers, query string) becomes its canonical Digital Link
 * ({@link Epc#digitalLink()}); everything else, including values that are not valid GS1 keys (a wrong check digit,
 * a malformed EPC URI), is hashed as written. Digital Link values are then percent-encoded in the profile's style.
 */
final class EpcIdentifierNormaliser implements IdentifierNormaliser {
    private final DigitalLinkEscaping escaping;

    EpcIdentifierNormaliser(DigitalLinkEscaping escaping) {
        this.escaping = escaping;
    }

    @Override
    public String canonical(String value) {
        // Only these can be GS1 keys; checking first keeps free text (most extension values) off the parser.
        if (!value.startsWith("urn:epc:") && !value.regionMatches(true, 0, "http", 0, 4)) {
            return value;
        }
        Optional<String> link;
        try {
            link = Epc.digitalLinkOf(value);
        } catch (IdentifierException notAKey) {
            return value;
        }
        if (link.isEmpty()) {
            return value;
        }
        // The identifier package already writes the TDS escapes only; other styles re-encode the values.
        return escaping == DigitalLinkEscaping.TDS_ESCAPES_ONLY ? link.get() : escaping.reencodePath(link.get());
    }
}
